// Puts a co-edited text on a <textarea>: every input (typing, paste, cut, drop, undo, an input method's text)
// becomes an operation by comparing the text before and after around the caret; operations from others are applied
// with the caret, the selection and the scroll position kept where the user had them.
//
//   import { bindTextarea } from '/js/coedit/textarea-binding.js';
//   const binding = bindTextarea(textarea, { text, revision, transport, onStateChange, onError });
//
// transport: see client.js. The binding owns textarea.value from then on; call binding.destroy() when done.

import { diff, transformSelection } from './ot.js';
import { CoEditClient } from './client.js';

/**
 * @param {HTMLTextAreaElement} textarea
 * @param {object} options text, revision, transport, and optionally clientId, pending, onError, onStateChange,
 *   onRemoteChange (see CoEditClient)
 */
export function bindTextarea(textarea, options) {
  let composing = false;
  let client = null;

  // The textarea changed (or may have): turn the difference into a local operation.
  function takeInput() {
    if (composing || client === null) {
      return;
    }
    const value = textarea.value;
    if (value === client.text) {
      return;
    }
    client.submit(diff(client.text, value, textarea.selectionEnd));
  }

  function showRemote(op, text) {
    const { selectionStart, selectionEnd, selectionDirection, scrollTop, scrollLeft } = textarea;
    const [start, end] = transformSelection(selectionStart, selectionEnd, op);
    textarea.value = text;
    textarea.setSelectionRange(start, end, selectionDirection);
    textarea.scrollTop = scrollTop;
    textarea.scrollLeft = scrollLeft;
    options.onRemoteChange?.(op);
  }

  client = new CoEditClient({
    ...options,
    beforeIncoming: takeInput,
    onRemoteOp: showRemote,
  });

  if (textarea.value !== client.text) {
    textarea.value = client.text;
  }

  const onInput = (event) => {
    if (!event.isComposing) {
      takeInput();
    }
  };
  const onCompositionStart = () => {
    // Changing the value under an input method would break its composition: hold others' edits until it ends.
    takeInput();
    composing = true;
    client.pause();
  };
  const onCompositionEnd = () => {
    composing = false;
    takeInput();
    client.resume();
  };

  textarea.addEventListener('input', onInput);
  textarea.addEventListener('compositionstart', onCompositionStart);
  textarea.addEventListener('compositionend', onCompositionEnd);

  if (options.pending) {
    client.reconnect().catch((error) => options.onError?.(error));
  }

  return {
    get clientId() { return client.clientId; },
    get text() { return client.text; },
    get revision() { return client.revision; },
    /** 'saved', 'saving' or 'offline'. */
    get state() { return client.state; },
    /** What is not yet acknowledged by the server; see CoEditClient.getPending. */
    getPending: () => client.getPending(),
    /** Call when the connection is back: fetches missed operations and sends pending ones again. */
    reconnect: () => client.reconnect(),
    /** Starts over from a text and revision fetched from the server; returns what was pending. */
    reset(text, revision) {
      const dropped = client.reset(text, revision);
      textarea.value = text;
      return dropped;
    },
    /** Gives an incoming operation message to the client (for transports that do not use onRemote). */
    receive: (message) => client.receive(message),
    destroy() {
      textarea.removeEventListener('input', onInput);
      textarea.removeEventListener('compositionstart', onCompositionStart);
      textarea.removeEventListener('compositionend', onCompositionEnd);
      client.destroy();
    },
  };
}
