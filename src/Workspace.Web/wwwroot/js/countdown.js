// Ticks the speakers' countdowns ([data-countdown-ms], rendered by SpeakerCountdown.razor) in the browser, so the server
// renders a speech once instead of every second. The server gives the time left (or spoken) when it rendered; this counts
// on from the moment the value was first seen here, so a device with a wrong clock still shows the right time. The phase
// (amber near the end, red past it) is set in data-phase and in words; the time node's text is changed in place, because
// Blazor keeps a reference to it.
(() => {
    const seen = new WeakMap();
    // Live collection: looking at its length costs nothing on the many pages without a running speech (a hundred open
    // tabs ran a selector query over their whole page four times a second).
    const countdowns = document.getElementsByClassName('speaker-countdown');

    // Time left rounds up (0:01 until the last second is gone); time past the end and time spoken round down.
    function format(ms, up) {
        const seconds = up ? Math.ceil(ms / 1000) : Math.floor(ms / 1000);
        return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    }

    function setText(element, text) {
        if (!element) {
            return;
        }
        const node = element.firstChild;
        if (node && node.nodeType === Node.TEXT_NODE) {
            if (node.nodeValue !== text) {
                node.nodeValue = text;
            }
        } else if (!node) {
            element.appendChild(document.createTextNode(text));
        }
    }

    // The clock runs only while a countdown is on the page: an idle tab gets no timer at all (four wake-ups a second on
    // every open page kept a hundred idle tabs' renderers busy). Blazor adds a countdown by changing the page, so a
    // change starts the clock; the clock stops itself when the last countdown is gone.
    let clock = null;

    function tick() {
        if (countdowns.length === 0) {
            clearInterval(clock);
            clock = null;
            return;
        }
        const now = performance.now();
        for (const element of document.querySelectorAll('[data-countdown-ms]')) {
            const given = element.getAttribute('data-countdown-ms');
            let base = seen.get(element);
            if (!base || base.given !== given) {
                base = { given, at: now };
                seen.set(element, base);
            }
            const elapsed = now - base.at;
            const value = Number(given);
            if (element.getAttribute('data-countdown-mode') === 'up') {
                setText(element.querySelector('.speaker-countdown-clock'), format(value + elapsed, false));
                continue;
            }
            const left = value - elapsed;
            const near = Number(element.getAttribute('data-countdown-near-ms') ?? '0');
            const phase = left <= 0 ? 'Over' : left <= near ? 'NearEnd' : 'Normal';
            setText(element.querySelector('.speaker-countdown-clock'), left > 0 ? format(left, true) : '+' + format(-left, false));
            if (element.getAttribute('data-phase') !== phase) {
                element.setAttribute('data-phase', phase);
                const word = phase === 'Over' ? 'data-word-over' : phase === 'NearEnd' ? 'data-word-near' : 'data-word-left';
                setText(element.querySelector('.speaker-countdown-word'), element.getAttribute(word) ?? '');
            }
        }
    }

    function start() {
        if (clock === null && countdowns.length > 0) {
            tick();
            clock = setInterval(tick, 250);
        }
    }

    new MutationObserver(start).observe(document, { childList: true, subtree: true });
    start();
})();

window.workspaceSpeakers = {
    // After a move the row is re-inserted by Blazor and loses focus; put it back on the same button of the moved request.
    focus(requestId, action) {
        document.querySelector(`[data-request-id="${CSS.escape(requestId)}"][data-action="${CSS.escape(action)}"]`)?.focus();
    },
};
