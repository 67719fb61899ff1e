// Operational transformation for plain text, the twin of Collaboration/CoEditing/TextOperation.cs.
// An operation is an array of components walking the text from its start: a positive number keeps that many
// characters, a string inserts it, a negative number deletes that many characters; characters after the last
// component are kept: [5, "abc", -3]. Offsets are UTF-16 code units (JavaScript string indices), as in .NET.
// Every function returns operations in normal form: no empty components, neighbours of one kind merged, an insert
// next to a delete placed first, no trailing keep. tests/vectors/ot-vectors.json checks both twins give the same.

const isRetain = (c) => typeof c === 'number' && c > 0;
const isInsert = (c) => typeof c === 'string';
const isDelete = (c) => typeof c === 'number' && c < 0;
const lengthOf = (c) => (typeof c === 'string' ? c.length : Math.abs(c));

/** Throws a TypeError unless op is an array of integers and strings. */
export function check(op) {
  if (!Array.isArray(op)) {
    throw new TypeError('A text operation is an array of numbers and strings.');
  }
  for (const c of op) {
    if (typeof c === 'number') {
      if (!Number.isInteger(c) || Math.abs(c) > 2147483647) {
        throw new TypeError('A retain or delete must be a whole number of at most 2147483647.');
      }
    } else if (typeof c !== 'string') {
      throw new TypeError('Only numbers and strings are allowed in a text operation.');
    }
  }
}

/** Appends c to the operation under construction, keeping it normal. */
function append(op, c) {
  if (typeof c === 'string' ? c.length === 0 : c === 0) {
    return;
  }
  const n = op.length;
  if (n === 0) {
    op.push(c);
    return;
  }
  const last = op[n - 1];
  if (isInsert(c) && isDelete(last)) {
    // Insert-then-delete and delete-then-insert do the same; the insert goes first so equal edits look equal.
    if (n >= 2 && isInsert(op[n - 2])) {
      op[n - 2] += c;
    } else {
      op.splice(n - 1, 0, c);
    }
  } else if (isInsert(c) && isInsert(last)) {
    op[n - 1] = last + c;
  } else if ((isRetain(c) && isRetain(last)) || (isDelete(c) && isDelete(last))) {
    op[n - 1] = last + c;
  } else {
    op.push(c);
  }
}

function trim(op) {
  if (op.length > 0 && isRetain(op[op.length - 1])) {
    op.pop();
  }
  return op;
}

/** The normal form of any array of components. */
export function normalize(op) {
  check(op);
  const result = [];
  for (const c of op) {
    append(result, c);
  }
  return trim(result);
}

/** How many characters the text must have at least: the kept and deleted ones. */
export function baseLength(op) {
  let n = 0;
  for (const c of op) {
    if (typeof c === 'number') {
      n += Math.abs(c);
    }
  }
  return n;
}

/** Applies op to text; throws a RangeError when it keeps or deletes more than the text has. */
export function apply(text, op) {
  const needed = baseLength(op);
  if (needed > text.length) {
    throw new RangeError(`The operation keeps or deletes ${needed} characters, but the text has only ${text.length}.`);
  }
  const parts = [];
  let pos = 0;
  for (const c of op) {
    if (isInsert(c)) {
      parts.push(c);
    } else if (isRetain(c)) {
      parts.push(text.slice(pos, pos + c));
      pos += c;
    } else {
      pos -= c;
    }
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

// Reads an operation in pieces of a wanted length; past its end it keeps text.
function makeTaker(op) {
  let index = 0;
  let offset = 0;
  return {
    hasMore: () => index < op.length,
    peekIsInsert: () => index < op.length && isInsert(op[index]),
    // length -1: the whole rest of the component. Components of the indivisible kind ('insert' | 'delete') come whole.
    take(length, indivisible) {
      if (index === op.length) {
        return Math.max(length, 0);
      }
      const c = op[index];
      const remaining = lengthOf(c) - offset;
      const whole = length < 0 || remaining <= length
        || (indivisible === 'insert' && isInsert(c))
        || (indivisible === 'delete' && isDelete(c));
      const size = whole ? remaining : length;
      let piece;
      if (isInsert(c)) {
        piece = c.slice(offset, offset + size);
      } else {
        piece = isRetain(c) ? size : -size;
      }
      if (whole) {
        index++;
        offset = 0;
      } else {
        offset += size;
      }
      return piece;
    },
  };
}

/** One operation with the effect of a followed by b. */
export function compose(a, b) {
  const result = [];
  const taker = makeTaker(a);
  for (const c of b) {
    if (isRetain(c)) {
      let length = c;
      while (length > 0) {
        const piece = taker.take(length, 'delete');
        append(result, piece);
        if (!isDelete(piece)) {
          length -= lengthOf(piece);
        }
      }
    } else if (isInsert(c)) {
      append(result, c);
    } else if (isDelete(c)) {
      let length = -c;
      while (length > 0) {
        const piece = taker.take(length, 'delete');
        if (isRetain(piece)) {
          append(result, -piece);
          length -= piece;
        } else if (isInsert(piece)) {
          length -= piece.length;
        } else {
          append(result, piece);
        }
      }
    }
  }
  while (taker.hasMore()) {
    append(result, taker.take(-1));
  }
  return trim(result);
}

/**
 * Rewrites op to apply after other, both made on the same text. side ('left' | 'right') orders two inserts at one
 * position: 'left' puts op's insert first. The two ends pass opposite sides; the server and the clients pass 'left'
 * for the operation not yet sequenced.
 */
export function transform(op, other, side) {
  if (side !== 'left' && side !== 'right') {
    throw new TypeError("side must be 'left' or 'right'.");
  }
  const result = [];
  const taker = makeTaker(op);
  for (const c of other) {
    if (isRetain(c)) {
      let length = c;
      while (length > 0) {
        const piece = taker.take(length, 'insert');
        append(result, piece);
        if (!isInsert(piece)) {
          length -= lengthOf(piece);
        }
      }
    } else if (isInsert(c)) {
      if (side === 'left' && taker.peekIsInsert()) {
        append(result, taker.take(-1));
      }
      append(result, c.length);
    } else if (isDelete(c)) {
      let length = -c;
      while (length > 0) {
        const piece = taker.take(length, 'insert');
        if (isInsert(piece)) {
          append(result, piece);
        } else {
          length -= lengthOf(piece);
        }
      }
    }
  }
  while (taker.hasMore()) {
    append(result, taker.take(-1));
  }
  return trim(result);
}

/**
 * Where a caret ends up after op. Text inserted exactly at the caret moves it only when isOwnOp (the author typed
 * it); others' text appears after a caret that stays.
 */
export function transformCursor(cursor, op, isOwnOp) {
  let pos = 0;
  let result = cursor;
  for (const c of op) {
    if (pos > cursor) {
      break;
    }
    if (isRetain(c)) {
      pos += c;
    } else if (isInsert(c)) {
      if (pos < cursor || isOwnOp) {
        result += c.length;
      }
    } else {
      result -= Math.min(-c, cursor - pos);
      pos -= c;
    }
  }
  return result;
}

/** A selection after someone else's op: a collapsed one moves as a caret; text inserted at an edge stays outside. */
export function transformSelection(start, end, op) {
  if (start === end) {
    const caret = transformCursor(start, op, false);
    return [caret, caret];
  }
  const newStart = transformCursor(start, op, true);
  const newEnd = transformCursor(end, op, false);
  return [Math.min(newStart, newEnd), newEnd];
}

const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The operation turning oldText into newText by one replaced range between their common start and end. caret (the
 * caret after the edit, when known) decides where a repeated character was typed or deleted. Never splits a
 * surrogate pair.
 */
export function diff(oldText, newText, caret) {
  if (oldText === newText) {
    return [];
  }
  const shorter = Math.min(oldText.length, newText.length);
  let maxSuffix = shorter;
  if (typeof caret === 'number') {
    maxSuffix = Math.min(maxSuffix, newText.length - Math.min(Math.max(caret, 0), newText.length));
  }
  let suffix = 0;
  while (suffix < maxSuffix
    && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) {
    suffix++;
  }
  let prefix = 0;
  const maxPrefix = shorter - suffix;
  while (prefix < maxPrefix && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) {
    prefix++;
  }
  if (prefix > 0 && isHigh(newText.charCodeAt(prefix - 1))) {
    prefix--;
  }
  if (suffix > 0 && isLow(newText.charCodeAt(newText.length - suffix))) {
    suffix--;
  }
  const result = [];
  append(result, prefix);
  append(result, newText.slice(prefix, newText.length - suffix));
  append(result, -(oldText.length - suffix - prefix));
  return trim(result);
}
