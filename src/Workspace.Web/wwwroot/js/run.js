// Members follow the chair: the item being treated is marked on its card (aria-current and a visible label) and scrolled
// into view; when the reader scrolls away from it themselves, the page is told so that it stops pulling them along and
// offers to go back instead. The chair's controls also get two keyboard shortcuts, never taken from a text field.
let current = null;
let label = '';

const card = id => id ? document.querySelector(`[data-testid=agenda-item][data-item-id="${CSS.escape(id)}"]`) : null;

const inField = target => target instanceof Element
    && (target.closest('input, textarea, select, [contenteditable=""], [contenteditable=true], [role=combobox], [role=listbox], .mud-popover') !== null);

const smooth = () => !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * What stays stuck at the top of the window: the app bar, and the run panel held just below it. Returns their height, so
 * that a card scrolled to lands below them instead of under them (its label and title hidden). Reads every height before
 * it writes, and writes only a changed value, so a follow jump lays the page out once.
 */
function stuckHeight() {
    const bar = document.querySelector('.app-bar');
    const panel = document.querySelector('.run-panel');
    const barHeight = bar ? bar.offsetHeight : 0;
    const height = barHeight + (panel ? panel.offsetHeight : 0);
    if (panel && panel.style.top !== `${barHeight}px`) {
        panel.style.top = `${barHeight}px`;
    }
    return height;
}

function scrollToCard(el, behavior) {
    const below = stuckHeight() + 8;
    window.scrollTo({ top: window.scrollY + el.getBoundingClientRect().top - below, behavior });
}

function mark() {
    for (const other of document.querySelectorAll('[data-run-now]')) {
        if (other.dataset.itemId !== current) {
            other.removeAttribute('data-run-now');
            other.removeAttribute('aria-current');
        }
    }
    const el = card(current);
    if (el && el.getAttribute('data-run-now') !== label) {
        el.setAttribute('data-run-now', label);
        el.setAttribute('aria-current', 'true');
    }
    return el;
}

/**
 * Marks the current item's card (null: none) and, when following, scrolls it to the top of the window. The follow jumps
 * in one frame: an animated scroll on every device in the room at each "next item" costs each of them some thirty
 * frames (on a tablet, and in the bench's hundred tabs, more than the change itself); the mark, its label and the polite
 * announcement say where the page went. A reader's own "Gå dertil" still glides.
 */
export function show(itemId, nowLabel, scroll) {
    current = itemId;
    label = nowLabel;
    const el = mark();
    if (scroll && el) {
        scrollToCard(el, 'instant');
    }
    return el !== null;
}

/** "Gå dertil": scrolls to the current card and moves keyboard focus there, so the next Tab continues in it. */
export function goTo() {
    const el = card(current);
    if (!el) {
        return false;
    }
    el.setAttribute('tabindex', '-1');
    scrollToCard(el, smooth() ? 'smooth' : 'auto');
    el.focus({ preventScroll: true });
    return true;
}

/**
 * Watches for the reader scrolling by themselves (wheel, touch, scroll keys outside text fields): once the current card
 * is out of view after such a scroll, StoppedFollowing is called. With shortcuts, Alt+Shift+Right/Left call Shortcut(+1/-1).
 */
export function watch(dotNetRef, shortcuts) {
    let byReader = false;
    let timer = null;
    const scrollKeys = new Set(['PageDown', 'PageUp', 'ArrowDown', 'ArrowUp', 'Home', 'End', ' ']);
    const intent = () => { byReader = true; };
    const check = () => {
        byReader = false;
        const el = card(current);
        if (!el) {
            return;
        }
        const box = el.getBoundingClientRect();
        if (box.bottom <= 0 || box.top >= window.innerHeight) {
            dotNetRef.invokeMethodAsync('StoppedFollowing').catch(() => { /* the page is going away */ });
        }
    };
    const onScroll = () => {
        if (byReader) {
            clearTimeout(timer);
            timer = setTimeout(check, 200);
        }
    };
    const onKey = event => {
        if (inField(event.target)) {
            return;
        }
        if (shortcuts && event.altKey && event.shiftKey && !event.ctrlKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
            event.preventDefault();
            dotNetRef.invokeMethodAsync('Shortcut', event.key === 'ArrowRight' ? 1 : -1).catch(() => { /* the page is going away */ });
        } else if (scrollKeys.has(event.key)) {
            byReader = true;
        }
    };
    // Cards come and go when the agenda is read again: the mark is put back on the new element.
    const agenda = document.querySelector('ol.agenda');
    const changes = agenda ? new MutationObserver(mark) : null;
    changes?.observe(agenda, { childList: true, subtree: true });
    // The panel sticks below the app bar, whose height changes when the window narrows and the bar wraps.
    stuckHeight();
    window.addEventListener('resize', stuckHeight, { passive: true });
    window.addEventListener('wheel', intent, { passive: true });
    window.addEventListener('touchmove', intent, { passive: true });
    window.addEventListener('scroll', onScroll, { passive: true });
    document.addEventListener('keydown', onKey);
    return {
        dispose: () => {
            clearTimeout(timer);
            changes?.disconnect();
            window.removeEventListener('resize', stuckHeight);
            window.removeEventListener('wheel', intent);
            window.removeEventListener('touchmove', intent);
            window.removeEventListener('scroll', onScroll);
            document.removeEventListener('keydown', onKey);
            current = null;
            mark();
        },
    };
}
