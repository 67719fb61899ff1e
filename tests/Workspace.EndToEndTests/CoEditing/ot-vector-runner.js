// Runs the shared vectors (tests/vectors/ot-vectors.json) against ot.js; the C# twin is OtVectorTests in the unit tests.
// Returns one result per case: { kind, name, ok, message }.

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const opposite = (side) => (side === 'left' ? 'right' : 'left');

function runCase(ot, c) {
  switch (c.kind) {
    case 'apply': {
      let actual;
      try {
        actual = ot.apply(c.doc, ot.normalize(c.op));
      } catch (error) {
        return c.error ? null : `threw ${error}`;
      }
      return c.error ? `expected an error, got ${JSON.stringify(actual)}` : (actual === c.expected ? null : `got ${JSON.stringify(actual)}`);
    }
    case 'normalize': {
      const actual = ot.normalize(c.op);
      return same(actual, c.expected) ? null : `got ${JSON.stringify(actual)}`;
    }
    case 'compose': {
      const actual = ot.compose(ot.normalize(c.a), ot.normalize(c.b));
      if (!same(actual, c.expected)) {
        return `got ${JSON.stringify(actual)}`;
      }
      const stepwise = ot.apply(ot.apply(c.doc, c.a), c.b);
      return ot.apply(c.doc, actual) === stepwise ? null : 'the composed operation gives another text than the two in turn';
    }
    case 'transform': {
      const actual = ot.transform(ot.normalize(c.op), ot.normalize(c.other), c.side);
      if (!same(actual, c.expected)) {
        return `got ${JSON.stringify(actual)}`;
      }
      const otherPrime = ot.transform(ot.normalize(c.other), ot.normalize(c.op), opposite(c.side));
      const viaOther = ot.apply(ot.apply(c.doc, c.other), actual);
      const viaOp = ot.apply(ot.apply(c.doc, c.op), otherPrime);
      return viaOther === viaOp ? null : `does not converge: ${JSON.stringify(viaOther)} vs ${JSON.stringify(viaOp)}`;
    }
    case 'transformCursor': {
      const actual = ot.transformCursor(c.cursor, ot.normalize(c.op), c.own);
      return actual === c.expected ? null : `got ${actual}`;
    }
    case 'transformSelection': {
      const actual = ot.transformSelection(c.start, c.end, ot.normalize(c.op));
      return same(actual, c.expected) ? null : `got ${JSON.stringify(actual)}`;
    }
    case 'diff': {
      const actual = ot.diff(c.old, c.new, c.caret ?? undefined);
      if (!same(actual, c.expected)) {
        return `got ${JSON.stringify(actual)}`;
      }
      return ot.apply(c.old, actual) === c.new ? null : 'applying the diff does not give the new text';
    }
    case 'invalid': {
      try {
        ot.check(JSON.parse(c.json));
      } catch (error) {
        return error instanceof TypeError ? null : `threw ${error}`;
      }
      return 'accepted';
    }
    default:
      return `unknown kind ${c.kind}`;
  }
}

export function runVectors(ot, cases) {
  return cases.map((c) => {
    let message;
    try {
      message = runCase(ot, c);
    } catch (error) {
      message = `threw ${error}`;
    }
    return { kind: c.kind, name: c.name, ok: message === null, message: message ?? '' };
  });
}
