import fc from 'fast-check';

// Hostile inputs: random text and bytes reach the first checks of a parser only; mutations of
// valid samples (a character or a field changed, a range cut, doubled or swapped) reach the deep
// paths behind them. Every target mixes both.

/** Pieces a mutation inserts: separators, digits, accents, lone surrogates, JSON tokens, huge numbers. */
const PIECES = ['|', '<', '\n', '\r\n', '\t', ' ', '0', '9', '-', '.', 'Ữ', 'ư\u0303', '\u0000', '\uFFFD', '\uD800', '\u202E', '"', '{', '}', '[', ']', ',', ':', 'null', '-1', '1e309', '9'.repeat(20), '9'.repeat(330), 'MOTCUA1:', '__proto__'];

const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }));

type Edit = (text: string) => string;
const at = (n: number, text: string) => n % (text.length + 1);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), piece).map(([n, p]): Edit => (t) => t.slice(0, at(n, t)) + p + t.slice(at(n, t))),
  fc.tuple(fc.nat(), piece).map(([n, p]): Edit => (t) => t.slice(0, at(n, t)) + p + t.slice(at(n, t) + 1)),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 24 })).map(([n, len]): Edit => (t) => t.slice(0, at(n, t)) + t.slice(at(n, t) + len)),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([n, len]): Edit => (t) => t.slice(0, at(n, t) + len) + t.slice(at(n, t))),
  fc.nat().map((n): Edit => (t) => t.slice(0, at(n, t))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Edit => (t) => {
    const [i, j] = [at(a, t), at(b, t)].sort((x, y) => x - y) as [number, number];
    return t.slice(0, i) + t.slice(j) + t.slice(i, j);
  }),
);

/** One to four edits, to apply to a text known only later (a batch signed at request time). */
export const textEdits: fc.Arbitrary<(text: string) => string> = fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => (t) => edits.reduce((x, e) => e(x), t));

/** A sample with one to four edits. */
export const mutatedText = (samples: readonly string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...samples), textEdits).map(([s, edits]) => edits(s));

/** A sample with one field (between `separator`s) replaced by anything. */
export const fieldMutated = (samples: readonly string[], separator: string): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.oneof(piece, fc.string({ maxLength: 30 }))).map(([s, n, value]) => {
    const fields = s.split(separator);
    fields[n % fields.length] = value;
    return fields.join(separator);
  });

/** Random text of every kind, or a mutated sample (half the time). */
export const hostileText = (samples: readonly string[], maxLength = 400): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.string({ maxLength }), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength }), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: Math.floor(maxLength / 4) }), weight: 1 },
    { arbitrary: fc.constantFrom(...samples), weight: 1 },
    { arbitrary: mutatedText(samples), weight: 4 },
  );

/** Bytes with bits flipped, bytes changed, cut or lengthened. */
export const mutatedBytes = (samples: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> =>
  fc
    .tuple(fc.constantFrom(...samples), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 }), fc.constantFrom('flip', 'set', 'cut', 'grow')), { minLength: 1, maxLength: 3 }))
    .map(([sample, edits]) => {
      let bytes = Uint8Array.from(sample);
      for (const [n, value, kind] of edits) {
        const i = bytes.length === 0 ? 0 : n % bytes.length;
        if (kind === 'cut') bytes = bytes.slice(0, i);
        else if (kind === 'grow') bytes = Uint8Array.from([...bytes, value]);
        else if (bytes.length > 0) bytes[i] = kind === 'flip' ? bytes[i]! ^ (1 << (value % 8)) : value;
      }
      return bytes;
    });

/** JSON text of a value, mutated: still JSON about half the time, so the schema checks are reached. */
export const mutatedJson = (values: readonly unknown[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...values.map((v) => JSON.stringify(v))).chain((text) => mutatedText([text])),
    fc.tuple(fc.constantFrom(...values), fc.json(), fc.nat()).map(([v, j, seed]) => JSON.stringify(replaceSomewhere(v, JSON.parse(j) as unknown, seed))),
    fc.json(),
  );

/** The value with one nested member (chosen by `seed`) replaced by `by`. */
export function replaceSomewhere(value: unknown, by: unknown, seed: number): unknown {
  if (value === null || typeof value !== 'object') return by;
  const keys = Object.keys(value);
  if (keys.length === 0 || seed % 4 === 0) return by;
  const key = keys[seed % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  copy[key] = replaceSomewhere(copy[key], by, Math.floor(seed / 3));
  return copy;
}
