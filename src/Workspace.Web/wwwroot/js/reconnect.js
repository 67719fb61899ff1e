// The reload button of the reconnect banner (ReconnectBanner.razor). A listener here rather than an onclick
// attribute: the Content-Security-Policy allows no inline script, event handler attributes included.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('#components-reconnect-modal .reconnect-action')) {
        location.reload();
    }
});
