import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../contract';
import type { SyncedCaseStatus } from './case-repository';
import type { Db } from './connection';

/**
 * Counter search over the synced cases: a receipt code or personal number matches
 * exactly (through their indexes); a name matches regardless of accents and case, every word
 * typed whole but the last, which may be a prefix ("nguyen thi h"), and whole words in the order
 * of the name ("nguyen van a" finds Nguyễn Văn Anh, "van nguyen a" does not). Overdue and
 * due-soon cases come first, earliest due first; then the rest, most recently updated first. The name index (migration 006) is kept beside `cases` and brought
 * up to date in short steps (catchUpStep(), run on a timer by the host's CaseIndexDriver) or all
 * at once (catchUp(), for the CLI and tests). search() runs one bounded step, never a whole first
 * index: while a pass is under way names are found among the cases indexed so far (status() says
 * so), and a receipt code or personal number is found whether indexed or not. Holds personal
 * data: nothing of a query or a case goes to errors or logs.
 */
export interface CaseHit {
  receiptCode: string;
  procedureCode: string;
  applicantName: string;
  status: SyncedCaseStatus;
  receivedAt: string;
  dueAt: string;
  updatedAt: string;
  urgency: 'overdue' | 'due-soon' | 'none';
}

export interface SearchOptions {
  /** Default 20, at most 200. */
  limit?: number;
  now?: Date;
  /** Index before searching: one bounded step (default) or the whole catch-up (the CLI's one-shot search). */
  catchUp?: 'step' | 'full';
}

export interface CatchUpStepResult extends CatchUpResult {
  /** The index holds every case up to the sync cursor (the pass, if any, has completed). */
  complete: boolean;
}

export interface IndexStatus {
  /** Every synced case is searchable by name. */
  complete: boolean;
  /** While a pass is under way, an upper bound of the cases it has still to read; null when complete or not started. */
  pending: number | null;
}

export interface CatchUpResult {
  /** Cases (re)indexed. */
  indexed: number;
  /** Index entries of deleted cases removed. */
  removed: number;
}

export const SEARCH_LIMITS = { default: 20, max: 200, queryLength: 200 } as const;
/** An open case due within this time is "due soon". */
export const DUE_SOON_MS = 2 * 24 * 3600_000;

const OPEN_STATUSES: ReadonlySet<SyncedCaseStatus> = new Set(['received', 'processing', 'supplement-required']);

/** Accents, case and đ folded away (unicode61 keeps đ as its own letter), split into words. */
export function nameWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * The indexed text: the words, and each two neighbours as one token ("nguyen_thi"), so a full
 * name is found through its rare pairs instead of walking the long lists of its common words.
 */
const indexedText = (words: string[]) => [...words, ...words.slice(1).map((w, i) => `${words[i]}_${w}`)].join(' ');

/** The FTS5 query: the whole words as their pairs (or the one whole word), the last word as a prefix; each quoted, so nothing typed is syntax. */
function matchQuery(words: string[]): string {
  const whole = words.slice(0, -1);
  const terms = whole.length === 1 ? whole : whole.slice(1).map((w, i) => `${whole[i]}_${w}`);
  return [...terms.map((t) => `"${t}"`), `"${words[words.length - 1]}"*`].join(' ');
}

// An index rowid is a time in seconds followed by 21 bits that tell apart cases of the same
// second (the case's rowid, then the next free slot), and stays below 2^53 so JS reads it exactly.
const SLOTS = 2 ** 21;
const secondsOf = (ms: number): number => {
  const s = Math.floor(ms / 1000);
  return Number.isFinite(s) ? Math.min(Math.max(s, 0), 2 ** 32 - 1) : 0;
};
const timeKey = (iso: string, rowid: number) => secondsOf(Date.parse(iso)) * SLOTS + (rowid % SLOTS);

interface CaseRow {
  id: string;
  /** The case's keys in the two indexes: the order of the results. */
  recent_id: number;
  open_id: number | null;
  receipt_code: string;
  procedure_code: string;
  applicant_full_name: string;
  status: SyncedCaseStatus;
  received_at: string;
  due_at: string;
  updated_at: string;
}

type ExactRow = Omit<CaseRow, 'recent_id'> & { recent_id: number | null; case_rowid: number };

/** A case found exactly: its index keys, or for a case not indexed yet the keys it will have. */
function exactRow(r: ExactRow): CaseRow {
  if (r.recent_id !== null) return r as CaseRow;
  const open = OPEN_STATUSES.has(r.status) ? timeKey(r.due_at, r.case_rowid) : null;
  return { ...r, recent_id: timeKey(r.updated_at, r.case_rowid), open_id: open };
}

/** A pass through `cases` under way: the cases with seq above `from` are being indexed, up to rowid `after` so far. */
interface Pass {
  from: number;
  /** The sync cursor when the pass began: indexed_seq once it completes. */
  target: number;
  after: number;
  indexed: number;
}

interface ChangedRow {
  rowid: number;
  id: string;
  applicant_full_name: string;
  status: SyncedCaseStatus;
  due_at: string;
  updated_at: string;
}

const CASE_COLUMNS = `c.id, c.receipt_code, c.procedure_code, c.applicant_full_name, c.status, c.received_at, c.due_at, c.updated_at,
  d.recent_id, d.open_id`;
/** Rows catchUp() indexes per transaction. */
const CATCH_UP_PAGE = 10_000;
/** Rows search() indexes before it answers, when a pass is under way. */
export const SEARCH_STEP_ROWS = 1_000;
/** A step reads at most this many rowids of `cases` per indexed row it may write (seq has no index). */
const SCAN_PER_ROW = 20;
/** After a pass of this many cases (a first index), the index segments are merged, in steps like the pass: faster reads. */
const OPTIMIZE_AFTER = 50_000;

/** Prepared once per CaseSearch: catch-up runs them a million times on a first index. */
function statements(db: Db) {
  return {
    cursor: db.prepare<[], number>('SELECT coalesce(max(cursor), 0) FROM sync_state').pluck(),
    indexedSeq: db.prepare<[], number>('SELECT indexed_seq FROM case_search_state WHERE id = 1').pluck(),
    setIndexedSeq: db.prepare<[number]>('UPDATE case_search_state SET indexed_seq = ? WHERE id = 1'),
    // An incremental merge of the index segments, about `pages` pages written (negative: whatever the segments' levels).
    merge: [
      db.prepare<[number]>("INSERT INTO case_search_recent (case_search_recent, rank) VALUES ('merge', ?)"),
      db.prepare<[number]>("INSERT INTO case_search_open (case_search_open, rank) VALUES ('merge', ?)"),
    ],
    totalChanges: db.prepare<[], number>('SELECT total_changes()').pluck(),
    // Changed cases in a window of rowids (after, until], at most `limit`.
    changed: db.prepare<[number, number, number, number], ChangedRow>(
      `SELECT rowid, id, applicant_full_name, status, due_at, updated_at FROM cases
       WHERE rowid > ? AND rowid <= ? AND seq > ? ORDER BY rowid LIMIT ?`,
    ),
    maxRowid: db.prepare<[], number>('SELECT coalesce(max(rowid), 0) FROM cases').pluck(),
    doc: db.prepare<[string], { recent_id: number; open_id: number | null }>('SELECT recent_id, open_id FROM case_search_docs WHERE case_id = ?'),
    recentTaken: db.prepare<[number]>('SELECT 1 FROM case_search_docs WHERE recent_id = ?'),
    openTaken: db.prepare<[number]>('SELECT 1 FROM case_search_docs WHERE open_id = ?'),
    putDoc: db.prepare<[string, number, number | null]>('INSERT INTO case_search_docs (case_id, recent_id, open_id) VALUES (?, ?, ?)'),
    dropDoc: db.prepare<[string]>('DELETE FROM case_search_docs WHERE case_id = ?'),
    putRecent: db.prepare<[number, string]>('INSERT INTO case_search_recent (rowid, name) VALUES (?, ?)'),
    dropRecent: db.prepare<[number]>('DELETE FROM case_search_recent WHERE rowid = ?'),
    putOpen: db.prepare<[number, string]>('INSERT INTO case_search_open (rowid, name) VALUES (?, ?)'),
    dropOpen: db.prepare<[number]>('DELETE FROM case_search_open WHERE rowid = ?'),
    counts: db.prepare<[], { docs: number; cases: number }>(
      'SELECT (SELECT count(*) FROM case_search_docs) AS docs, (SELECT count(*) FROM cases) AS cases',
    ),
    orphans: db
      .prepare<[], string>('SELECT case_id FROM case_search_docs d WHERE NOT EXISTS (SELECT 1 FROM cases WHERE id = d.case_id)')
      .pluck(),
    // Exact lookups need no index entry (a case not yet indexed has its keys computed: exactRow).
    byReceipt: db.prepare<[string], ExactRow>(
      `SELECT ${CASE_COLUMNS}, c.rowid AS case_rowid FROM cases c LEFT JOIN case_search_docs d ON d.case_id = c.id WHERE c.receipt_code = ?`,
    ),
    byApplicant: db.prepare<[string], ExactRow>(
      `SELECT ${CASE_COLUMNS}, c.rowid AS case_rowid FROM cases c LEFT JOIN case_search_docs d ON d.case_id = c.id WHERE c.applicant_personal_number = ?`,
    ),
    // Open cases due before a time, earliest due first: a range of case_search_open's rowids.
    urgent: db.prepare<[string, number, number], CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM (SELECT rowid FROM case_search_open WHERE case_search_open MATCH ? AND rowid < ? ORDER BY rowid LIMIT ?) f
       JOIN case_search_docs d ON d.open_id = f.rowid JOIN cases c ON c.id = d.case_id`,
    ),
    // Every case, most recently updated first.
    recent: db.prepare<[string, number], CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM (SELECT rowid FROM case_search_recent WHERE case_search_recent MATCH ? ORDER BY rowid DESC LIMIT ?) f
       JOIN case_search_docs d ON d.recent_id = f.rowid JOIN cases c ON c.id = d.case_id`,
    ),
  };
}

const shared = new WeakMap<Db, CaseSearch>();

export class CaseSearch {
  private readonly sql: ReturnType<typeof statements>;

  /** The one CaseSearch of a connection, so the host's index driver and its search channels share the pass under way. */
  static of(db: Db): CaseSearch {
    let found = shared.get(db);
    if (!found) shared.set(db, (found = new CaseSearch(db)));
    return found;
  }

  constructor(private readonly db: Db) {
    this.sql = statements(db);
  }

  /** The pass under way, kept in memory: a new CaseSearch (a restart) begins the pass again. */
  private pass: Pass | null = null;
  /** The segments of a large pass are still being merged (in memory too: a restart leaves them to FTS5's automerge). */
  private merging = false;

  /**
   * Indexes the cases written since the last call (seq above `indexed_seq`) and drops the entries
   * of deleted ones, in steps of CATCH_UP_PAGE rows, each its own transaction. Nothing to do, and
   * two small reads, while the sync cursor has not moved: every case write comes with a cursor move
   * in the same transaction (applyBatch).
   */
  catchUp(): CatchUpResult {
    let indexed = 0;
    let removed = 0;
    for (;;) {
      const step = this.catchUpStep(CATCH_UP_PAGE);
      indexed += step.indexed;
      removed += step.removed;
      if (step.complete) return { indexed, removed };
    }
  }

  /**
   * One short step of a pass through `cases`: indexes at most `budgetRows` changed cases, reading at
   * most SCAN_PER_ROW times as many rows (seq has no index, to keep the sync's writes cheap), in one
   * transaction. When the pass reaches the end of `cases` the entries of deleted cases are removed
   * and `indexed_seq` moves to the cursor the pass began at; until then it does not move, so a
   * restart reads the pass again (indexing a case again replaces its entries). After a large pass
   * the next steps merge the index segments a bounded amount each. `complete`: nothing left to do.
   */
  catchUpStep(budgetRows: number): CatchUpStepResult {
    const budget = Math.max(1, Math.floor(budgetRows));
    if (this.pass === null && this.merging) return this.mergeStep(budget);
    if (this.pass === null && this.sql.cursor.get() === this.sql.indexedSeq.get()) return { indexed: 0, removed: 0, complete: true };
    // Under the write lock: another connection may have caught up meanwhile.
    return this.db.transaction((): CatchUpStepResult => {
      const cursor = this.sql.cursor.get()!;
      const indexedSeq = this.sql.indexedSeq.get()!;
      if (this.pass === null) {
        if (cursor === indexedSeq) return { indexed: 0, removed: 0, complete: true };
        // A cursor that went back (a re-sync from scratch) may rewrite cases with old seqs.
        this.pass = { from: cursor < indexedSeq ? 0 : indexedSeq, target: cursor, after: 0, indexed: 0 };
      }
      const pass = this.pass;
      const last = this.sql.maxRowid.get()!;
      const until = Math.min(last, pass.after + budget * SCAN_PER_ROW);
      const page = this.sql.changed.all(pass.after, until, pass.from, budget);
      for (const row of page) this.index(row);
      pass.indexed += page.length;
      pass.after = page.length === budget ? page[page.length - 1]!.rowid : until;
      if (pass.after < last) return { indexed: page.length, removed: 0, complete: false };
      // Every case is now indexed, so more entries than cases means some cases were deleted.
      const { docs, cases } = this.sql.counts.get()!;
      const orphans = docs > cases ? this.sql.orphans.all() : [];
      for (const id of orphans) this.unindex(id);
      this.sql.setIndexedSeq.run(pass.target);
      this.pass = null;
      if (pass.indexed >= OPTIMIZE_AFTER) this.merging = true;
      // The cursor may have moved during the pass: then another pass is due.
      return { indexed: page.length, removed: orphans.length, complete: pass.target === cursor && !this.merging };
    }).immediate();
  }

  /** One bounded merge of the index segments; done when a merge writes nothing (the FTS5 documentation's test). */
  private mergeStep(budget: number): CatchUpStepResult {
    return this.db.transaction((): CatchUpStepResult => {
      const before = this.sql.totalChanges.get()!;
      const pages = -Math.max(16, Math.ceil(budget / 4));
      this.sql.merge.forEach((s) => s.run(pages));
      if (this.sql.totalChanges.get()! - before < 4) this.merging = false;
      return { indexed: 0, removed: 0, complete: !this.merging };
    }).immediate();
  }

  /** Whether every synced case is searchable by name; two small reads. */
  status(): IndexStatus {
    if (this.pass !== null) return { complete: false, pending: Math.max(0, this.sql.maxRowid.get()! - this.pass.after) };
    return { complete: this.sql.cursor.get() === this.sql.indexedSeq.get(), pending: null };
  }

  /** Cases matching the query, most urgent first. Throws AppError on an empty or too long query or a bad limit. */
  search(query: string, options: SearchOptions = {}): CaseHit[] {
    const text = query.trim();
    const limit = options.limit ?? SEARCH_LIMITS.default;
    if (text.length === 0) throw new AppError('SEARCH_QUERY_EMPTY');
    if (text.length > SEARCH_LIMITS.queryLength) throw new AppError('SEARCH_QUERY_TOO_LONG');
    if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMITS.max) throw new AppError('SEARCH_LIMIT_INVALID');
    if (options.catchUp === 'full') this.catchUp();
    else this.catchUpStep(SEARCH_STEP_ROWS);
    const now = (options.now ?? new Date()).getTime();
    const overdueBefore = secondsOf(now) * SLOTS;
    const dueSoonBefore = secondsOf(now + DUE_SOON_MS) * SLOTS;
    const rows = new Map<string, CaseRow>();
    const add = (list: CaseRow[]) => list.forEach((r) => rows.set(r.id, r));
    const addExact = (list: ExactRow[]) => add(list.map(exactRow));
    addExact(this.sql.byReceipt.all(text));
    if (text.toUpperCase() !== text) addExact(this.sql.byReceipt.all(text.toUpperCase()));
    const digits = text.replace(/\s+/g, '');
    if (/^\d+$/.test(digits)) addExact(this.sql.byApplicant.all(digits));
    // Names have no digits: a query with one is a code or a number, never a name.
    const words = /\d/.test(text) ? [] : nameWords(text);
    if (words.length > 0) add(this.byName(words, dueSoonBefore, limit));
    // The order of the indexes, so the first `limit` of each read are the first `limit` overall.
    const urgent = (r: CaseRow) => r.open_id !== null && r.open_id < dueSoonBefore;
    const order = (a: CaseRow, b: CaseRow) =>
      urgent(a) !== urgent(b) ? (urgent(a) ? -1 : 1) : urgent(a) ? a.open_id! - b.open_id! : b.recent_id - a.recent_id;
    return [...rows.values()]
      .sort(order)
      .slice(0, limit)
      .map((r) => toHit(r, !urgent(r) ? 'none' : r.open_id! < overdueBefore ? 'overdue' : 'due-soon'));
  }

  /** Urgent matches from the open index, then the most recent from the whole one; each read stops at `limit`. */
  private byName(words: string[], dueSoonBefore: number, limit: number): CaseRow[] {
    const match = matchQuery(words);
    const urgent = this.sql.urgent.all(match, dueSoonBefore, limit);
    // Fewer than `limit` urgent ones means all of them: the recent index needs `limit` more to fill up.
    const recent = urgent.length < limit ? this.sql.recent.all(match, limit + urgent.length) : [];
    return [...urgent, ...recent];
  }

  /** Removes a case's entries from the name index, for a case deleted outside the feed (retention); call in the deleting transaction. */
  forget(caseId: string): void {
    this.unindex(caseId);
  }

  private index(row: ChangedRow): void {
    this.unindex(row.id);
    const name = indexedText(nameWords(row.applicant_full_name));
    const recentId = this.freeId(this.sql.recentTaken, timeKey(row.updated_at, row.rowid));
    const openId = OPEN_STATUSES.has(row.status) ? this.freeId(this.sql.openTaken, timeKey(row.due_at, row.rowid)) : null;
    this.sql.putDoc.run(row.id, recentId, openId);
    this.sql.putRecent.run(recentId, name);
    if (openId !== null) this.sql.putOpen.run(openId, name);
  }

  private unindex(caseId: string): void {
    const doc = this.sql.doc.get(caseId);
    if (!doc) return;
    this.sql.dropRecent.run(doc.recent_id);
    if (doc.open_id !== null) this.sql.dropOpen.run(doc.open_id);
    this.sql.dropDoc.run(caseId);
  }

  /** The wanted rowid, or the next one free (two cases of the same second whose rowids agree modulo 2^21). */
  private freeId(taken: Statement<[number]>, wanted: number): number {
    let id = wanted;
    while (taken.get(id) !== undefined) id++;
    return id;
  }
}

function toHit(r: CaseRow, urgency: CaseHit['urgency']): CaseHit {
  return {
    receiptCode: r.receipt_code,
    procedureCode: r.procedure_code,
    applicantName: r.applicant_full_name,
    status: r.status,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    updatedAt: r.updated_at,
    urgency,
  };
}
