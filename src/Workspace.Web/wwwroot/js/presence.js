// Tells the meeting page which agenda item the reader is looking at: the item covering most of the window,
// checked once a second (cheap for an agenda's few dozen items) and reported only when it changes.
window.workspacePresence = {
    watchViewing(dotNetRef) {
        let last = null;
        const check = () => {
            let best = null;
            let bestVisible = 0;
            for (const item of document.querySelectorAll('[data-testid=agenda-item][data-item-id]')) {
                const box = item.getBoundingClientRect();
                const visible = Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0);
                if (visible > bestVisible) {
                    bestVisible = visible;
                    best = item.dataset.itemId;
                }
            }
            if (best !== last && document.visibilityState === 'visible') {
                last = best;
                dotNetRef.invokeMethodAsync('ViewingChanged', best).catch(() => { /* the page is going away */ });
            }
        };
        const timer = setInterval(check, 1000);
        check();
        return { dispose: () => clearInterval(timer) };
    },
};
