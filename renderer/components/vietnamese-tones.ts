/**
 * The five Vietnamese tone marks, put on a word the way it is written by hand: type the letters,
 * then the mark; the mark lands on the vowel that carries it (Trâ + huyền → Trầ, Nguyên + ngã →
 * Nguyễn, Thuy + hỏi → Thuỷ). The same mark again takes it off; another mark replaces it.
 */
export const TONES = ['grave', 'acute', 'hook', 'tilde', 'dot'] as const;
export type Tone = (typeof TONES)[number];

const MARK: Record<Tone, string> = { grave: '\u0300', acute: '\u0301', hook: '\u0309', tilde: '\u0303', dot: '\u0323' };
const MARKS = new Set(Object.values(MARK));
/** Vowels with their shape marks; the ones that draw the tone to themselves. */
const VOWELS = new Set([...'aăâeêioôơuưy']);
const SHAPED = new Set([...'ăâêôơư']);
/** Open clusters whose tone goes on the second vowel (hoà, khoẻ, thuỷ). */
const SECOND = new Set(['oa', 'oe', 'uy']);

/** A letter split into its base (with shape marks) and its tone mark, in lower case. */
function split(ch: string): { base: string; tone: string | null; upper: boolean } {
  const upper = ch !== ch.toLowerCase();
  const parts = [...ch.toLowerCase().normalize('NFD')];
  const tone = parts.find((p) => MARKS.has(p)) ?? null;
  return { base: parts.filter((p) => !MARKS.has(p)).join('').normalize('NFC'), tone, upper };
}

const join = (base: string, tone: string | null, upper: boolean) => {
  const s = (base + (tone ?? '')).normalize('NFC');
  return upper ? s.toUpperCase() : s;
};

/** Which letter of the word's vowel cluster carries the tone (index into the word), or -1 for none. */
function toneIndex(letters: readonly string[]): number {
  const bases = letters.map((l) => split(l).base);
  let end = bases.length;
  while (end > 0 && !VOWELS.has(bases[end - 1]!)) end--;
  if (end === 0) return -1;
  let start = end - 1;
  while (start > 0 && VOWELS.has(bases[start - 1]!)) start--;
  // "qu" and "gi" before another vowel are consonants.
  if (end - start > 1 && ((bases[start] === 'u' && bases[start - 1] === 'q') || (bases[start] === 'i' && bases[start - 1] === 'g'))) start++;
  const cluster = bases.slice(start, end);
  const shaped = cluster.map((b, i) => (SHAPED.has(b) ? i : -1)).filter((i) => i >= 0);
  if (shaped.length > 0) return start + shaped.at(-1)!;
  const closed = end < bases.length;
  if (cluster.length === 1 || closed || SECOND.has(cluster.join(''))) return end - 1;
  return start + (cluster.length === 3 ? 1 : 0);
}

/** Puts `tone` on the last word of `text` (or takes it off when it is already there). */
export function applyTone(text: string, tone: Tone): string {
  const chars = [...text.normalize('NFC')];
  let wordStart = chars.length;
  while (wordStart > 0 && /\p{L}/u.test(chars[wordStart - 1]!)) wordStart--;
  const word = chars.slice(wordStart);
  const at = toneIndex(word);
  if (at < 0) return text;
  const mark = MARK[tone];
  const had = word.map((l) => split(l).tone).find((t) => t !== null) ?? null;
  const next = word.map((l) => {
    const { base, upper } = split(l);
    return join(base, null, upper);
  });
  const target = split(word[at]!);
  next[at] = join(target.base, had === mark ? null : mark, target.upper);
  return chars.slice(0, wordStart).join('') + next.join('');
}
