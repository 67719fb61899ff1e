// "Indsæt" on a hearing: puts a passage into the response textarea at the caret (or over the selection), as if typed,
// so the co-editing binding (coedit/textarea-binding.js) sends it through the OT engine like any other edit.
export function insertAtCaret(textarea, text) {
  if (textarea.readOnly) {
    return false;
  }
  const start = textarea.selectionStart ?? textarea.value.length;
  const end = textarea.selectionEnd ?? start;
  const before = textarea.value.slice(0, start);
  const after = textarea.value.slice(end);
  // A passage stands as a paragraph of its own.
  const lead = before.length === 0 || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after.length === 0 || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  textarea.focus();
  textarea.setRangeText(lead + text + trail, start, end, 'end');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}
