// The client side of a co-edited text, without the DOM (textarea-binding.js puts it on a <textarea>).
// Jupiter/ShareDB scheme: the server numbers operations (revisions); the client keeps at most one operation in
// flight and buffers later edits into one, transforms incoming operations against both, and applies incoming
// operations strictly in revision order (an ack and a broadcast may arrive in any order).
//
// The transport is any object with
//   send(op, baseRevision, clientSeq, clientId) -> Promise<{ revision }>   submit; resolves with the op's revision
//   onRemote(callback) -> unsubscribe function                              callback({ revision, op, clientId, clientSeq })
//   fetchSince(revision) -> Promise<Array<{ revision, op, clientId, clientSeq }>>   (optional) ops after a revision
// The server's records fit as they are: TextRevision ({ revision, operation, clientId, clientSeq, ... }) for a message,
// TextSubmitResult ({ committed: { revision, ... } }) for an ack.
// Messages about one's own operations (same clientId and clientSeq) count as its ack.

import { apply, compose, transform } from './ot.js';

const GAP_FETCH_DELAY_MS = 400;

function randomId() {
  if (globalThis.crypto?.randomUUID) {
    return globalThis.crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class CoEditClient {
  #text;
  #revision;
  #clientId;
  #transport;
  #inflight = null; // { op, seq }
  #buffer = null;
  #nextSeq = 1;
  #queue = new Map(); // revision -> message waiting for its turn
  #paused = false;
  #offline = false;
  #gapTimer = null;
  #unsubscribe = null;
  #hooks;
  #destroyed = false;

  /**
   * @param {object} options
   * @param {string} options.text the text at options.revision (with options.pending: the local text, pending edits included)
   * @param {number} options.revision the server revision the text is at
   * @param {object} options.transport see the top of this file
   * @param {string} [options.clientId] stable for the page; a random one by default
   * @param {object} [options.pending] what getPending() returned before, to send edits made before a reload
   * @param {(op: Array, text: string) => void} [options.onRemoteOp] an incoming operation was applied; text is the new text
   * @param {() => void} [options.beforeIncoming] called before incoming operations are applied (to flush local input)
   * @param {(error: unknown) => void} [options.onError]
   * @param {(state: 'saved' | 'saving' | 'offline') => void} [options.onStateChange]
   */
  constructor(options) {
    const pending = options.pending ?? null;
    this.#text = pending ? pending.text : options.text;
    this.#revision = pending ? pending.revision : options.revision;
    this.#clientId = pending?.clientId ?? options.clientId ?? randomId();
    this.#transport = options.transport;
    this.#hooks = options;
    if (typeof this.#text !== 'string' || !Number.isInteger(this.#revision) || this.#revision < 0) {
      throw new TypeError('A co-edited text needs its text and a revision (a whole number from 0).');
    }
    if (pending) {
      this.#inflight = pending.inflight ? { op: pending.inflight.op, seq: pending.inflight.seq } : null;
      this.#buffer = pending.buffer ?? null;
      this.#nextSeq = pending.nextSeq ?? 1;
      // Not known to have reached the server: reconnect() sends it again.
      this.#offline = this.#inflight !== null;
    }
    this.#unsubscribe = this.#transport.onRemote?.((message) => this.receive(message)) ?? null;
  }

  get text() { return this.#text; }

  get revision() { return this.#revision; }

  get clientId() { return this.#clientId; }

  /** 'saved' (nothing pending), 'saving' or 'offline' (a send failed; call reconnect()). */
  get state() {
    if (this.#offline) {
      return 'offline';
    }
    return this.#inflight || this.#buffer ? 'saving' : 'saved';
  }

  /** A local edit, already shown to the user. */
  submit(op) {
    this.#text = apply(this.#text, op);
    if (op.length === 0) {
      return;
    }
    this.#buffer = this.#buffer ? compose(this.#buffer, op) : op;
    this.#flush();
    this.#notifyState();
  }

  /** An operation from the server (or an ack). Old revisions are ignored; later ones wait for the ones before. */
  receive(message) {
    if (this.#destroyed || !message || !Number.isInteger(message.revision) || message.revision <= this.#revision) {
      return;
    }
    if (message.op === undefined && message.operation !== undefined) {
      // The server's TextRevision as SignalR serialises it ({ revision, operation, clientId, clientSeq, ... }).
      message = { ...message, op: message.operation };
    }
    const waiting = this.#queue.get(message.revision);
    if (!waiting || (waiting.op == null && message.op != null)) {
      this.#queue.set(message.revision, message);
    }
    this.#drain();
  }

  /** Holds incoming operations (while an input method composes text in the textarea). */
  pause() {
    this.#paused = true;
  }

  resume() {
    this.#paused = false;
    this.#drain();
  }

  /** After the connection came back: fetch what was missed, then send the pending operation again. */
  async reconnect() {
    if (this.#transport.fetchSince) {
      const missed = await this.#transport.fetchSince(this.#revision);
      for (const message of missed) {
        this.receive(message);
      }
    }
    this.#offline = false;
    if (this.#inflight) {
      // The server recognises a repeat by clientId and clientSeq and answers with the stored revision.
      this.#send();
    } else {
      this.#flush();
    }
    this.#notifyState();
  }

  /**
   * What is not yet acknowledged, to keep across a reload: pass it as options.pending to a new client (with the same
   * transport) and call reconnect().
   */
  getPending() {
    return {
      clientId: this.#clientId,
      revision: this.#revision,
      text: this.#text,
      inflight: this.#inflight ? { op: [...this.#inflight.op], seq: this.#inflight.seq } : null,
      buffer: this.#buffer ? [...this.#buffer] : null,
      nextSeq: this.#nextSeq,
    };
  }

  /** Starts over from a text fetched from the server (after an error); returns what was pending. */
  reset(text, revision) {
    const dropped = this.getPending();
    this.#text = text;
    this.#revision = revision;
    this.#inflight = null;
    this.#buffer = null;
    this.#queue.clear();
    this.#offline = false;
    this.#notifyState();
    return dropped;
  }

  destroy() {
    this.#destroyed = true;
    clearTimeout(this.#gapTimer);
    if (typeof this.#unsubscribe === 'function') {
      this.#unsubscribe();
    }
  }

  #flush() {
    if (this.#inflight || !this.#buffer || this.#offline || this.#destroyed) {
      return;
    }
    this.#inflight = { op: this.#buffer, seq: this.#nextSeq++ };
    this.#buffer = null;
    this.#send();
  }

  #send() {
    const { op, seq } = this.#inflight;
    let sent;
    try {
      sent = Promise.resolve(this.#transport.send(op, this.#revision, seq, this.#clientId));
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      // { revision } or the server's TextSubmitResult ({ committed: { revision, ... }, repeated }).
      (ack) => this.receive({ revision: ack?.revision ?? ack?.committed?.revision, op: null, clientId: this.#clientId, clientSeq: seq }),
      (error) => {
        if (this.#inflight && this.#inflight.seq === seq) {
          this.#offline = true;
          this.#notifyState();
        }
        this.#hooks.onError?.(error);
      });
  }

  #drain() {
    if (this.#paused || this.#destroyed) {
      return;
    }
    if (this.#queue.has(this.#revision + 1)) {
      this.#hooks.beforeIncoming?.();
    }
    let message;
    while ((message = this.#queue.get(this.#revision + 1))) {
      this.#queue.delete(message.revision);
      if (this.#inflight && message.clientId === this.#clientId && message.clientSeq === this.#inflight.seq) {
        this.#revision = message.revision;
        this.#inflight = null;
        this.#offline = false;
        continue;
      }
      if (message.op == null) {
        // An ack that is no longer ours to wait for (after a reset): fetch the operation itself.
        this.#fetchMissed();
        break;
      }
      let op = message.op;
      if (this.#inflight) {
        const inflight = transform(this.#inflight.op, op, 'left');
        op = transform(op, this.#inflight.op, 'right');
        this.#inflight.op = inflight;
      }
      if (this.#buffer) {
        const buffer = transform(this.#buffer, op, 'left');
        op = transform(op, this.#buffer, 'right');
        this.#buffer = buffer;
      }
      this.#text = apply(this.#text, op);
      this.#revision = message.revision;
      this.#hooks.onRemoteOp?.(op, this.#text);
    }
    for (const revision of this.#queue.keys()) {
      if (revision <= this.#revision) {
        this.#queue.delete(revision);
      }
    }
    this.#flush();
    this.#notifyState();
    this.#watchForGap();
  }

  // A later revision arrived but not the next one: if it does not come soon, ask for what is missing.
  #watchForGap() {
    if (this.#queue.size === 0) {
      clearTimeout(this.#gapTimer);
      this.#gapTimer = null;
    } else if (this.#gapTimer === null && this.#transport.fetchSince) {
      this.#gapTimer = setTimeout(() => {
        this.#gapTimer = null;
        this.#fetchMissed();
      }, GAP_FETCH_DELAY_MS);
    }
  }

  async #fetchMissed() {
    if (!this.#transport.fetchSince || this.#destroyed) {
      return;
    }
    try {
      const missed = await this.#transport.fetchSince(this.#revision);
      for (const m of missed) {
        this.receive(m);
      }
    } catch (error) {
      this.#hooks.onError?.(error);
    }
  }

  #lastState = null;

  #notifyState() {
    const state = this.state;
    if (state !== this.#lastState) {
      this.#lastState = state;
      this.#hooks.onStateChange?.(state);
    }
  }
}
