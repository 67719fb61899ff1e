// Tells the meeting page which agenda item the reader is looking at: the item covering most of the window, worked out
// shortly after the page scrolls, resizes or its items change (not on a timer, so an idle tab costs nothing) and reported
// only when it changes.
window.workspacePresence = {
    watchViewing(dotNetRef) {
        let last = null;
        let scheduled = false;
        const check = () => {
            scheduled = false;
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
        // One check a moment after the page scrolled or its items changed, at a random point between 0.5 and 1.5 s: when the
        // chair moves on, every device in the room scrolls at once, and their reports would otherwise reach the server (and,
        // as avatars, every other page) together, while those pages are still showing the move.
        const schedule = () => {
            if (!scheduled) {
                scheduled = true;
                setTimeout(check, 500 + Math.random() * 1000);
            }
        };
        const agenda = document.querySelector('ol.agenda') ?? document.body;
        const changes = new MutationObserver(schedule);
        changes.observe(agenda, { childList: true, subtree: true });
        window.addEventListener('scroll', schedule, { passive: true });
        window.addEventListener('resize', schedule, { passive: true });
        document.addEventListener('visibilitychange', schedule);
        check();
        return {
            dispose: () => {
                changes.disconnect();
                window.removeEventListener('scroll', schedule);
                window.removeEventListener('resize', schedule);
                document.removeEventListener('visibilitychange', schedule);
            },
        };
    },
};
