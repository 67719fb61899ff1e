// The tab's title on interactive pages (Components/Shared/DocumentTitle.razor).
window.workspaceTitle = {
    set(text) {
        document.title = text;
    },
};
