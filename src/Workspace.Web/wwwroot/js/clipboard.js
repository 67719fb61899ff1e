// Copies a text for the display link dialog (Features/RoomScreen/DisplayLinksDialog.razor); false when the browser refuses.
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
