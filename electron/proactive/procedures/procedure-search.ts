import type { ProcedureEntry } from '../../contract';

/** Lower case without tone or shape marks, đ as d: "Đăng ký khai sinh" and "dang ky khai sinh" meet. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

const wordsOf = (folded: string) => folded.split(/[^\p{L}\p{N}.]+/u).filter(Boolean);

/**
 * The kiosk's procedure search over the whole synced catalogue (thousands of procedures): every
 * word of the query, with or without accents, must begin a word of the procedure's name, English
 * name, agency or code; names that begin with the query come first, then by name. An inverted index
 * of folded words, sorted so that a word's prefix is one range of it, keeps a query to the entries
 * its words reach.
 */
export class ProcedureSearch {
  /** By name, the order results come in. */
  private readonly entries: ProcedureEntry[];
  private readonly names: string[];
  private readonly words: string[];
  private readonly postings: number[][];
  /** Per entry, how many query words reached it (reused by every search). */
  private readonly hits: Uint16Array;

  constructor(entries: readonly ProcedureEntry[]) {
    const named = entries.map((entry) => ({ entry, name: fold(entry.name.vi) })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.entries = named.map((n) => n.entry);
    this.names = named.map((n) => n.name);
    const byWord = new Map<string, number[]>();
    this.entries.forEach((e, i) => {
      for (const w of new Set(wordsOf(fold([e.name.vi, e.name.en, e.agency.vi, e.code].join(' '))))) {
        const list = byWord.get(w);
        if (list) list.push(i);
        else byWord.set(w, [i]);
      }
    });
    this.words = [...byWord.keys()].sort();
    this.postings = this.words.map((w) => byWord.get(w)!);
    this.hits = new Uint16Array(this.entries.length);
  }

  search(query: string, options: { lifeEvent?: string | null; limit: number }): { entries: ProcedureEntry[]; total: number } {
    const words = [...new Set(wordsOf(fold(query)))];
    const inEvent = (e: ProcedureEntry) => options.lifeEvent === undefined || options.lifeEvent === null || e.lifeEvent === options.lifeEvent;
    let candidates: number[];
    if (words.length === 0) {
      candidates = this.entries.map((_, i) => i);
    } else {
      this.hits.fill(0);
      candidates = [];
      // An entry counts for word k only if every earlier word reached it, and once: its count is then k + 1.
      words.forEach((w, k) => {
        for (let at = this.lowerBound(w); at < this.words.length && this.words[at]!.startsWith(w); at++) {
          for (const i of this.postings[at]!) {
            if (this.hits[i] !== k) continue;
            if (++this.hits[i]! === words.length) candidates.push(i);
          }
        }
      });
      candidates.sort((a, b) => a - b);
    }
    const starts = words.join(' ');
    const first: ProcedureEntry[] = [];
    const rest: ProcedureEntry[] = [];
    for (const i of candidates) {
      const entry = this.entries[i]!;
      if (inEvent(entry)) (starts !== '' && this.names[i]!.startsWith(starts) ? first : rest).push(entry);
    }
    const all = first.concat(rest);
    return { entries: all.slice(0, options.limit), total: all.length };
  }

  /** These procedures, in the order asked (a reminder slip's QR); codes the catalogue lacks are left out. */
  byCodes(codes: readonly string[]): { entries: ProcedureEntry[]; total: number } {
    const found = codes.flatMap((code) => this.entries.filter((e) => e.code === code));
    return { entries: found, total: found.length };
  }

  /** How many procedures each life event holds. */
  lifeEvents(): { id: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const entry of this.entries) if (entry.lifeEvent) counts.set(entry.lifeEvent, (counts.get(entry.lifeEvent) ?? 0) + 1);
    return [...counts].map(([id, count]) => ({ id, count }));
  }

  /** The first index of `words` not before `w`. */
  private lowerBound(w: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.words[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
