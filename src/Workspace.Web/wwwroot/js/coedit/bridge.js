// Connects co-edited textareas on a Blazor page to /hubs/meeting (one SignalR connection per page, not the Blazor
// circuit: operations need their own ordering, and a large paste exceeds the circuit's 32 KB message limit).
// What is not yet acknowledged is kept in localStorage, so a reload or a server restart loses nothing typed.
import { bindTextarea } from './textarea-binding.js';

const listeners = new Map(); // documentId -> Set(callback)
const accessListeners = new Map(); // documentId -> callback({ canRead, canEdit, reason })
const opened = new Set();    // { reopen } of every open text, for reconnects
let connection = null;
let started = null;

function hub() {
  if (!connection) {
    connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/meeting')
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => Math.min(10000, 500 * 2 ** retry.previousRetryCount) })
      .build();
    connection.on('TextsChanged', (revisions) => {
      for (const revision of revisions) {
        for (const callback of listeners.get(revision.documentId) ?? []) {
          callback(revision);
        }
      }
    });
    // The server decides on every message: a text may turn read-only (meeting closed) or go away (item closed to me).
    connection.on('TextAccessChanged', (notice) => accessListeners.get(notice.documentId)?.(notice));
    // A new connection has no groups: open every text again, then let each binding fetch what it missed and resend.
    connection.onreconnected(() => Promise.all([...opened].map((text) => text.reopen())));
    connection.onclose(() => { started = null; setTimeout(() => ensureStarted().then(() => Promise.all([...opened].map((t) => t.reopen()))).catch(() => {}), 2000); });
  }
  return connection;
}

function ensureStarted() {
  started ??= hub().start().catch((error) => { started = null; throw error; });
  return started;
}

const pendingKey = (documentId) => 'coedit-pending:' + documentId;

function storedPending(documentId) {
  try {
    const json = localStorage.getItem(pendingKey(documentId));
    return json ? JSON.parse(json) : null;
  } catch { return null; }
}

/** Binds a textarea to an item's text; returns a handle with dispose(). */
export async function open(textarea, itemId, field, dotNet) {
  await ensureStarted();
  const first = await hub().invoke('OpenText', itemId, field);
  const documentId = first.documentId;
  textarea.readOnly = !first.canEdit;
  let binding = null;
  const savePending = () => {
    try {
      const pending = binding?.getPending();
      if (pending) {
        localStorage.setItem(pendingKey(documentId), JSON.stringify(pending));
      } else {
        localStorage.removeItem(pendingKey(documentId));
      }
    } catch { /* storage full or off: the page still holds the text */ }
  };
  const transport = {
    send: (op, baseRevision, clientSeq, clientId) => hub().invoke('SubmitText', documentId, baseRevision, op, clientId, clientSeq),
    onRemote: (callback) => {
      if (!listeners.has(documentId)) listeners.set(documentId, new Set());
      listeners.get(documentId).add(callback);
      return () => listeners.get(documentId)?.delete(callback);
    },
    fetchSince: (revision) => hub().invoke('TextSince', documentId, revision),
  };
  binding = bindTextarea(textarea, {
    text: first.text,
    revision: first.revision,
    transport,
    pending: first.canEdit ? storedPending(documentId) : null,
    onStateChange: (state) => {
      savePending();
      dotNet.invokeMethodAsync('StateChanged', state).catch(() => {});
    },
    onError: () => savePending(),
  });
  let lastTyping = 0;
  const onInput = () => {
    savePending();
    const now = Date.now();
    if (now - lastTyping > 2000) {
      lastTyping = now;
      dotNet.invokeMethodAsync('Typing').catch(() => {});
    }
  };
  textarea.addEventListener('input', onInput);
  let closed = false;
  // What was typed and not stored stays in localStorage (savePending), also when the text goes away.
  const onAccess = (notice) => {
    if (!notice.canRead) {
      closed = true;
      opened.delete(text);
      accessListeners.delete(documentId);
      binding.destroy();
      textarea.value = '';
      textarea.readOnly = true;
    } else {
      textarea.readOnly = !notice.canEdit;
    }
    dotNet.invokeMethodAsync('AccessChanged', notice.canRead, notice.canEdit, notice.reason).catch(() => {});
  };
  accessListeners.set(documentId, onAccess);
  const text = {
    async reopen() {
      let again;
      try {
        again = await hub().invoke('OpenText', itemId, field);
      } catch (error) {
        // Lost while the connection was down (membership ended, item closed): as if the server had said so.
        if (String(error?.message ?? error).endsWith('not-found')) {
          onAccess({ documentId, canRead: false, canEdit: false, reason: 'no-access' });
          return;
        }
        throw error;
      }
      if (again.canEdit !== !textarea.readOnly) {
        onAccess({ documentId, canRead: true, canEdit: again.canEdit, reason: again.canEdit ? 'editable' : 'read-only' });
      }
      await binding.reconnect();
    },
  };
  opened.add(text);
  return {
    dispose() {
      opened.delete(text);
      accessListeners.delete(documentId);
      textarea.removeEventListener('input', onInput);
      if (!closed) binding.destroy();
    },
  };
}
