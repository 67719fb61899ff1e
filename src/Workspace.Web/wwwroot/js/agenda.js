// Keyboard and drag-and-drop support for reordering the agenda. Blazor handles the moves; this file only
// keeps arrow keys on a move handle from scrolling the page, gives drags the data Firefox needs to start,
// and puts focus back on the moved item's handle after it moved in the DOM.
document.addEventListener('keydown', event => {
    if (event.target instanceof Element && event.target.closest('.agenda-move-handle') && event.key.startsWith('Arrow')) {
        event.preventDefault();
    }
});

document.addEventListener('dragstart', event => {
    if (event.target instanceof Element && event.target.closest('.agenda-move-handle') && event.dataTransfer) {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', event.target.closest('.agenda-move-handle').dataset.itemId ?? '');
    }
});

window.workspaceAgenda = {
    focusHandle(itemId) {
        document.querySelector(`.agenda-move-handle[data-item-id="${CSS.escape(itemId)}"]`)?.focus();
    },
};
