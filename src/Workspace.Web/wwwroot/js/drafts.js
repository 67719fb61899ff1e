// Keeps what someone types in this browser (localStorage) until it is saved, so that a dropped connection,
// a reload or a server restart never loses it. Fields opt in with data-draft-key; the server asks for a draft
// when the field is shown and clears it after saving.
document.addEventListener('input', event => {
    const field = event.target;
    if (field instanceof HTMLElement && field.dataset.draftKey) {
        try {
            if (field.value) {
                localStorage.setItem('draft:' + field.dataset.draftKey, field.value);
            } else {
                localStorage.removeItem('draft:' + field.dataset.draftKey);
            }
        } catch { /* storage full or disabled: the server still has the text while connected */ }
    }
});

window.workspaceDrafts = {
    get(key) {
        try { return localStorage.getItem('draft:' + key); } catch { return null; }
    },
    clear(key) {
        try { localStorage.removeItem('draft:' + key); } catch { /* nothing to clear */ }
    },
    // The keys (without 'draft:') of the drafts that start with prefix: a page asks once which of its fields have one.
    keys(prefix) {
        try {
            return Object.keys(localStorage).filter(key => key.startsWith('draft:' + prefix)).map(key => key.substring(6));
        } catch { return []; }
    },
};

// When the connection is back, hand every draft field's current text to the server: what was typed while it was
// away never reached it. A page that had to be reloaded gets its drafts back when the fields ask (workspaceDrafts.get).
document.addEventListener('components-reconnect-state-changed', event => {
    if (event.detail?.state === 'hide') {
        for (const field of document.querySelectorAll('[data-draft-key]')) {
            field.dispatchEvent(new Event('input', { bubbles: true }));
            field.dispatchEvent(new Event('change', { bubbles: true }));
        }
    }
});

// Signing out forgets this browser's drafts, so the next person at a shared computer does not see them.
if (location.pathname === '/signed-out') {
    try {
        Object.keys(localStorage).filter(key => key.startsWith('draft:')).forEach(key => localStorage.removeItem(key));
    } catch { /* nothing stored */ }
}
