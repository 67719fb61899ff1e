// A page-local stand-in for the server (sequencing as TextDocumentService does) and transports with random delays,
// so textarea-binding.js can be driven by real keyboard input in Chromium without the app.

import * as ot from '/js/coedit/ot.js';
import { bindTextarea } from '/js/coedit/textarea-binding.js';
import { CoEditClient } from '/js/coedit/client.js';

const delay = (max) => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * max)));

export function createHarness(initialText, maxDelayMs = 20) {
  const server = { text: initialText, log: [], seen: new Map(), submissions: [] };
  const peers = [];

  function sequence(op, base, seq, clientId) {
    const key = `${clientId}#${seq}`;
    if (server.seen.has(key)) {
      return { entry: server.log[server.seen.get(key) - 1], repeated: true };
    }
    let transformed = op;
    for (let r = base; r < server.log.length; r++) {
      transformed = ot.transform(transformed, server.log[r].op, 'left');
    }
    server.text = ot.apply(server.text, transformed);
    const entry = { revision: server.log.length + 1, op: transformed, clientId, clientSeq: seq };
    server.log.push(entry);
    server.seen.set(key, entry.revision);
    server.submissions.push({ clientId, inserted: op.filter((c) => typeof c === 'string').reduce((n, s) => n + s.length, 0) });
    return { entry, repeated: false };
  }

  function transportFor(peer) {
    let arrival = Promise.resolve();
    return {
      send(op, baseRevision, clientSeq, clientId) {
        // Per-client order of arrival at the server, as a SignalR connection keeps it.
        const answer = arrival.then(() => delay(maxDelayMs)).then(() => {
          const { entry, repeated } = sequence(op, baseRevision, clientSeq, clientId);
          if (!repeated) {
            for (const other of peers) {
              if (other !== peer) {
                delay(maxDelayMs).then(() => other.listener?.({ ...entry }));
              }
            }
          }
          return { revision: entry.revision };
        });
        arrival = answer.catch(() => {});
        return answer.then(async (ack) => { await delay(maxDelayMs); return ack; });
      },
      onRemote(callback) {
        peer.listener = callback;
        return () => { peer.listener = null; };
      },
      async fetchSince(revision) {
        return server.log.slice(revision).map((e) => ({ ...e }));
      },
    };
  }

  return {
    server,
    bind(selector) {
      const peer = { listener: null };
      peers.push(peer);
      peer.binding = bindTextarea(document.querySelector(selector), {
        text: server.text,
        revision: server.log.length,
        transport: transportFor(peer),
        onError: (error) => console.error(error),
      });
      return peer.binding;
    },
    robot() {
      const peer = { listener: null };
      peers.push(peer);
      peer.client = new CoEditClient({ text: server.text, revision: server.log.length, transport: transportFor(peer) });
      return peer.client;
    },
    /** Resolves when every client has nothing pending and shows the server's text. */
    async settled(timeoutMs = 10000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const all = peers.map((p) => p.binding ?? p.client);
        if (all.every((c) => c.state === 'saved' && c.text === server.text)) {
          return true;
        }
        await delay(20);
      }
      return false;
    },
  };
}
