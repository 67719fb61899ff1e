// Randomised convergence check of client.js: 2-5 clients edit one text through a simulated server that sequences
// operations as TextDocumentService does. Messages client->server keep their order per client (as SignalR does);
// messages server->client (acks and broadcasts) arrive in any order; clients drop off, edit offline and reconnect.
// Every inserted character is unique, so the check can tell which characters must have survived.

import * as ot from '/js/coedit/ot.js';
import { CoEditClient } from '/js/coedit/client.js';

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const settle = async () => {
  for (let i = 0; i < 4; i++) {
    await Promise.resolve();
  }
};

export async function simulate(seed, steps) {
  const random = prng(seed);
  const pick = (n) => Math.floor(random() * n);
  let nextChar = 0x4e00; // unique characters (CJK block), one per inserted character
  const fresh = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) {
      s += String.fromCharCode(nextChar++);
    }
    return s;
  };

  const initial = fresh(5 + pick(10));
  const server = { text: initial, log: [], seen: new Map() };
  const echoToAuthor = random() < 0.5;
  // Half the runs send what TextDocumentService returns as SignalR would serialise it: TextRevision and TextSubmitResult.
  const serverShape = random() < 0.5;
  const message = (e) => (serverShape
    ? { documentId: 'item:x:minutes', revision: e.revision, operation: e.op, clientId: e.clientId, clientSeq: e.clientSeq }
    : { ...e });
  const inserted = new Set(initial);
  const deleted = new Set();
  const problems = [];

  function sequence(op, base, seq, clientId) {
    const key = `${clientId}#${seq}`;
    if (server.seen.has(key)) {
      return server.log[server.seen.get(key) - 1];
    }
    if (base < 0 || base > server.log.length) {
      throw new Error(`bad base revision ${base}`);
    }
    let transformed = op;
    for (let r = base; r < server.log.length; r++) {
      transformed = ot.transform(transformed, server.log[r].op, 'left');
    }
    server.text = ot.apply(server.text, transformed);
    const entry = { revision: server.log.length + 1, op: transformed, clientId, clientSeq: seq };
    server.log.push(entry);
    server.seen.set(key, entry.revision);
    return entry;
  }

  const count = 2 + pick(4);
  const clients = [];
  for (let i = 0; i < count; i++) {
    const peer = { up: [], down: [], connected: true, caret: [0, 0], listener: null };
    peer.transport = {
      send(op, baseRevision, clientSeq, clientId) {
        return new Promise((resolve, reject) => {
          if (!peer.connected) {
            reject(new Error('offline'));
            return;
          }
          peer.up.push({ op, baseRevision, clientSeq, clientId, resolve, reject });
        });
      },
      onRemote(callback) {
        peer.listener = callback;
        return () => { peer.listener = null; };
      },
      async fetchSince(revision) {
        return server.log.slice(revision).map(message);
      },
    };
    peer.client = new CoEditClient({
      text: server.text,
      revision: server.log.length,
      clientId: `client-${i}`,
      transport: peer.transport,
      onRemoteOp(op, text) {
        checkCaret(peer, op, text);
      },
      onError() {},
    });
    peer.shadow = server.text; // the text before each remote op, to check the caret rule
    clients.push(peer);
  }

  // The characters on each side of a caret stay on that side when others edit (unless deleted).
  function checkCaret(peer, op, text) {
    const before = peer.shadow;
    const [start, end] = peer.caret;
    const [newStart, newEnd] = ot.transformSelection(start, end, op);
    for (const [position, newPosition] of [[start, newStart], [end, newEnd]]) {
      const left = new Set(before.slice(0, position));
      const right = new Set(before.slice(position));
      for (const ch of text.slice(0, newPosition)) {
        if (right.has(ch)) {
          problems.push(`seed ${seed}: ${ch} moved from after to before a caret`);
        }
      }
      for (const ch of text.slice(newPosition)) {
        if (left.has(ch)) {
          problems.push(`seed ${seed}: ${ch} moved from before to after a caret`);
        }
      }
    }
    peer.caret = [newStart, newEnd];
    peer.shadow = text;
  }

  function localEdit(peer) {
    const text = peer.client.text;
    const position = pick(text.length + 1);
    let op;
    if (random() < 0.6 || text.length === 0) {
      const s = fresh(1 + (random() < 0.1 ? pick(30) : pick(3)));
      for (const ch of s) inserted.add(ch);
      op = ot.normalize([position, s]);
      peer.caret = [position + s.length, position + s.length];
    } else {
      const length = Math.min(1 + pick(4), text.length - position);
      for (const ch of text.slice(position, position + length)) deleted.add(ch);
      const replacement = random() < 0.3 ? fresh(1 + pick(2)) : '';
      for (const ch of replacement) inserted.add(ch);
      op = ot.normalize([position, replacement, -length]);
      peer.caret = [position + replacement.length, position + replacement.length];
    }
    peer.client.submit(op);
    peer.shadow = peer.client.text;
  }

  function deliverUp(peer, answer = true) {
    const request = peer.up.shift();
    const entry = sequence(request.op, request.baseRevision, request.clientSeq, request.clientId);
    if (answer) {
      peer.down.push({ ack: true, request, revision: entry.revision });
    }
    for (const other of clients) {
      if ((other !== peer || echoToAuthor) && other.connected) {
        other.down.push({ ack: false, message: message(entry) });
      }
    }
  }

  function deliverDown(peer) {
    const [item] = peer.down.splice(pick(peer.down.length), 1);
    if (item.ack) {
      item.request.resolve(serverShape ? { committed: { revision: item.revision }, repeated: false } : { revision: item.revision });
    } else {
      peer.listener?.(item.message);
    }
  }

  function disconnect(peer) {
    peer.connected = false;
    for (const item of peer.down) {
      if (item.ack) item.request.reject(new Error('connection lost'));
    }
    peer.down = [];
    while (peer.up.length > 0) {
      const request = peer.up[0];
      if (random() < 0.5) {
        // It reached the server before the connection dropped; only the answer is lost.
        deliverUp(peer, false);
      } else {
        peer.up.shift();
      }
      request.reject(new Error('connection lost'));
    }
  }

  async function reconnect(peer) {
    peer.connected = true;
    await peer.client.reconnect();
  }

  for (let step = 0; step < steps; step++) {
    const peer = clients[pick(clients.length)];
    const roll = random();
    if (roll < 0.3) {
      localEdit(peer);
    } else if (roll < 0.5 && peer.up.length > 0) {
      deliverUp(peer);
    } else if (roll < 0.85 && peer.down.length > 0) {
      deliverDown(peer);
    } else if (roll < 0.88 && peer.connected) {
      disconnect(peer);
    } else if (roll < 0.95 && !peer.connected) {
      await reconnect(peer);
    } else {
      const length = peer.client.text.length;
      const a = pick(length + 1);
      const b = pick(length + 1);
      peer.caret = [Math.min(a, b), Math.max(a, b)];
    }
    await settle();
  }

  // Let everything arrive.
  for (let round = 0; round < 10000; round++) {
    for (const peer of clients) {
      if (!peer.connected) await reconnect(peer);
    }
    const busy = clients.filter((p) => p.up.length > 0 || p.down.length > 0);
    if (busy.length === 0) {
      await settle();
      if (clients.every((p) => p.up.length === 0 && p.down.length === 0 && p.client.state === 'saved')) break;
      continue;
    }
    const peer = busy[pick(busy.length)];
    if (peer.up.length > 0 && (peer.down.length === 0 || random() < 0.5)) deliverUp(peer);
    else deliverDown(peer);
    await settle();
  }

  for (const peer of clients) {
    if (peer.client.text !== server.text) {
      problems.push(`seed ${seed}: ${peer.client.clientId} has ${JSON.stringify(peer.client.text)}, the server ${JSON.stringify(server.text)}`);
    }
    if (peer.client.state !== 'saved') {
      problems.push(`seed ${seed}: ${peer.client.clientId} is still ${peer.client.state}`);
    }
    peer.client.destroy();
  }
  const present = new Set(server.text);
  if (present.size !== server.text.length) {
    problems.push(`seed ${seed}: a character appears twice in ${JSON.stringify(server.text)}`);
  }
  for (const ch of inserted) {
    if (!deleted.has(ch) && !present.has(ch)) problems.push(`seed ${seed}: ${ch} was lost`);
    if (deleted.has(ch) && present.has(ch)) problems.push(`seed ${seed}: ${ch} was deleted but is back`);
  }
  return { clients: count, revisions: server.log.length, length: server.text.length, problems };
}

export async function simulateMany(firstSeed, runs, steps) {
  const problems = [];
  let revisions = 0;
  for (let i = 0; i < runs; i++) {
    const result = await simulate(firstSeed + i, steps);
    revisions += result.revisions;
    problems.push(...result.problems);
  }
  return { runs, revisions, problems: problems.slice(0, 20) };
}
