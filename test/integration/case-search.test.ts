import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract';
import type { SyncedCaseStatus } from '../../electron/db/case-repository';
import { CaseSearch, nameWords, type CaseHit } from '../../electron/db/case-search';
import { type Db, openDatabase, openDatabaseFile } from '../../electron/db/connection';
import { applyBatch } from '../../electron/sync/apply-batch';
import type { VerifiedChange } from '../../electron/sync/feed-schema';
import { generateCase, type CaseData } from '../support/central-sim/cases';
import { PROCEDURES } from '../support/central-sim/catalogue';
import { makePrng } from '../support/central-sim/prng';
import { makeTempDir } from '../support/temp-dir';
import { startCaseIndexDriver } from '../../electron/host/case-index-driver';

// A real SQLite file written by the sync's own applyBatch, with the simulator's Vietnamese names.
const NOW = new Date('2026-10-15T03:00:00.000Z');
const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * HOUR).toISOString();

let tmp: ReturnType<typeof makeTempDir>;
let db: Db;
let search: CaseSearch;
let seq: number;

beforeEach(() => {
  tmp = makeTempDir('motcua-search-');
  db = openDatabase(join(tmp.dir, 'motcua.sqlite'), join(process.cwd(), 'electron', 'db', 'migrations')).db;
  search = new CaseSearch(db);
  seq = 0;
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

type Change = { id: string; data: CaseData } | { id: string; delete: true };

/** One feed batch through the sync's applyBatch, as a verified pull would apply it. */
function sync(...changes: Change[]): void {
  const after = seq;
  const verified = changes.map((c): VerifiedChange => {
    seq += 1;
    return 'delete' in c ? { seq, type: 'case', op: 'delete', id: c.id } : { seq, type: 'case', op: 'upsert', id: c.id, data: c.data };
  });
  applyBatch(db, { after, changes: verified, checkpoint: { type: 'checkpoint', seq, more: false, hash: '0'.repeat(64), sig: 'AA==' } });
}

let nextReceipt = 0;
function aCase(fullName: string, over: Partial<CaseData> & { personalNumber?: string } = {}): { id: string; data: CaseData } {
  nextReceipt += 1;
  const { personalNumber = '001090012345', ...data } = over;
  return {
    id: `t-${nextReceipt}`,
    data: {
      receiptCode: `MC-TEST-${String(nextReceipt).padStart(5, '0')}`,
      procedureCode: 'CC.CAP-DOI',
      applicant: { personalNumber, fullName },
      status: 'processing' as SyncedCaseStatus,
      receivedAt: at(-240),
      dueAt: at(24 * 30),
      updatedAt: at(-100),
      timeline: [],
      ...data,
    },
  };
}

function generated(count: number, seed = 'search-test'): { id: string; data: CaseData }[] {
  const prng = makePrng(seed);
  return Array.from({ length: count }, (_, i) => ({ id: `g-${i}`, data: generateCase(prng, seed, i + 1, PROCEDURES) }));
}

const find = (query: string, limit?: number) => search.search(query, { now: NOW, ...(limit ? { limit } : {}) });
const codes = (hits: CaseHit[]) => hits.map((h) => h.receiptCode);
const errorCode = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.data.code : 'not an AppError';
  }
  return 'no error';
};

describe('names, regardless of accents, case and đ', () => {
  it.each(['nguyen thi huong', 'Nguyễn Thị Hường', 'NGUYỄN THỊ HƯỜNG', 'nguyen THI huong', 'huong nguyen', 'nguyen thi h', 'nguyen thi hu', 'thi h', 'nguyen h'])(
    '"%s" finds Nguyễn Thị Hường',
    (query) => {
      const target = aCase('Nguyễn Thị Hường');
      sync(target, aCase('Nguyễn Thị Lan'), ...generated(200));
      expect(codes(find(query, 200))).toContain(target.data.receiptCode);
    },
  );

  it('folds đ/Đ to d: "duong" finds Đường and Dương; "đặng" finds Đặng', () => {
    const duong = aCase('Lê Văn Đường');
    const duong2 = aCase('Dương Thị Mai');
    const dang = aCase('Đặng Minh Khoa');
    sync(duong, duong2, dang);
    expect(codes(find('duong')).sort()).toEqual([duong.data.receiptCode, duong2.data.receiptCode].sort());
    expect(codes(find('ĐƯỜNG'))).toEqual(codes(find('duong')));
    expect(codes(find('đặng khoa'))).toEqual([dang.data.receiptCode]);
    expect(codes(find('dang k'))).toEqual([dang.data.receiptCode]);
  });

  it('accepts names typed with combining accents (NFD), as some keyboards send them', () => {
    const target = aCase('Trần Thị Hằng');
    sync(target);
    expect(codes(find('Trần Thị Hằng'.normalize('NFD')))).toEqual([target.data.receiptCode]);
  });

  it('needs every word: one word that matches no part of the name finds nothing', () => {
    sync(aCase('Nguyễn Thị Hường'), ...generated(100));
    expect(find('nguyen thi huongx')).toEqual([]);
    expect(find('nguyen zzz')).toEqual([]);
  });

  it('only the last word is a prefix, and not a substring: "uyen" and "ng van an" do not find Nguyễn Văn An', () => {
    const target = aCase('Nguyễn Văn An');
    sync(target);
    expect(find('uyen')).toEqual([]);
    expect(find('ng van an')).toEqual([]);
    expect(codes(find('nguyen van a'))).toEqual([target.data.receiptCode]);
  });

  it('whole words typed in a row stand in that order in the name', () => {
    const target = aCase('Nguyễn Văn Anh');
    sync(target);
    expect(codes(find('van anh'))).toEqual([target.data.receiptCode]);
    expect(codes(find('anh nguyen'))).toEqual([target.data.receiptCode]);
    expect(find('van nguyen anh')).toEqual([]);
  });
});

describe('receipt codes and personal numbers, exactly', () => {
  it('a receipt code finds its one case (also typed in lower case); a part of one finds nothing', () => {
    const cases = generated(300);
    sync(...cases);
    const code = cases[123]!.data.receiptCode;
    expect(codes(find(code))).toEqual([code]);
    expect(codes(find(` ${code.toLowerCase()} `))).toEqual([code]);
    expect(find(code.slice(0, -1))).toEqual([]);
  });

  it('a personal number finds every case of that applicant and no one else', () => {
    const mine = [aCase('Phạm Văn Bình', { personalNumber: '079085001234' }), aCase('Phạm Văn Bình', { personalNumber: '079085001234' })];
    sync(...mine, aCase('Phạm Văn Bình', { personalNumber: '079085001235' }), ...generated(100));
    expect(codes(find('079085001234')).sort()).toEqual(mine.map((c) => c.data.receiptCode).sort());
    expect(codes(find('0790 8500 1234')).sort()).toEqual(mine.map((c) => c.data.receiptCode).sort());
    expect(find('07908500123')).toEqual([]);
  });

  it('gives what the CLI shows: code, procedure, name, status, dates and urgency', () => {
    const c = aCase('Vũ Thị Lan', { status: 'received', dueAt: at(-1) });
    sync(c);
    expect(find(c.data.receiptCode)).toEqual([
      {
        receiptCode: c.data.receiptCode,
        procedureCode: 'CC.CAP-DOI',
        applicantName: 'Vũ Thị Lan',
        status: 'received',
        receivedAt: c.data.receivedAt,
        dueAt: c.data.dueAt,
        updatedAt: c.data.updatedAt,
        urgency: 'overdue',
      },
    ]);
  });
});

describe('keeping up with the sync', () => {
  it('a case renamed after indexing is found under its new name and not its old', () => {
    const c = aCase('Hoàng Văn Nam');
    sync(c);
    expect(codes(find('hoang van nam'))).toEqual([c.data.receiptCode]);
    sync({ id: c.id, data: { ...c.data, applicant: { ...c.data.applicant, fullName: 'Hoàng Văn Phong' } } });
    expect(find('hoang van nam')).toEqual([]);
    expect(codes(find('hoang van phong'))).toEqual([c.data.receiptCode]);
  });

  it('a deleted case is gone, by name and by code, and its index entries are removed', () => {
    const c = aCase('Bùi Thị Yến');
    const other = aCase('Bùi Thị Yến');
    sync(c, other, ...generated(50));
    expect(find('bui thi yen')).toHaveLength(2);
    sync({ id: c.id, delete: true });
    expect(search.catchUp()).toEqual({ indexed: 0, removed: 1 });
    expect(codes(find('bui thi yen'))).toEqual([other.data.receiptCode]);
    expect(find(c.data.receiptCode)).toEqual([]);
  });

  it('a deleted case replaced by a new one in the same pull is still gone', () => {
    const c = aCase('Cao Minh Tuấn');
    sync(c, ...generated(20));
    search.catchUp();
    sync({ id: c.id, delete: true }, aCase('Cao Thị Ngân'));
    expect(search.catchUp()).toEqual({ indexed: 1, removed: 1 });
    expect(find('cao minh tuan')).toEqual([]);
  });

  it('a closed case leaves the urgent list; a status change moves it there', () => {
    const c = aCase('Tạ Quang Huy', { status: 'completed', dueAt: at(-48) });
    sync(c);
    expect(find('ta quang huy')[0]!.urgency).toBe('none');
    sync({ id: c.id, data: { ...c.data, status: 'supplement-required' } });
    expect(find('ta quang huy')[0]!.urgency).toBe('overdue');
  });

  it('searches while another connection writes (the sync in its own process), when it has nothing new to index', () => {
    const c = aCase('Lương Thị Oanh');
    sync(c);
    search.catchUp();
    const other = openDatabaseFile(join(tmp.dir, 'motcua.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      expect(codes(find('luong thi oanh'))).toEqual([c.data.receiptCode]);
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('catching up with nothing new does nothing; a cursor that went back re-indexes every case', () => {
    sync(...generated(30));
    expect(search.catchUp()).toEqual({ indexed: 30, removed: 0 });
    expect(search.catchUp()).toEqual({ indexed: 0, removed: 0 });
    db.prepare("UPDATE sync_state SET cursor = 5 WHERE feed = 'changes'").run();
    expect(search.catchUp()).toEqual({ indexed: 30, removed: 0 });
  });
});

describe('order and limit', () => {
  it('overdue first (most overdue first), then due soon, then the rest by last update', () => {
    const cases = {
      closedLate: aCase('Khổng Văn A', { status: 'completed', dueAt: at(-500), updatedAt: at(-1) }),
      overdue2: aCase('Khổng Văn B', { status: 'processing', dueAt: at(-2), updatedAt: at(-300) }),
      overdue1: aCase('Khổng Văn C', { status: 'supplement-required', dueAt: at(-50), updatedAt: at(-400) }),
      soon: aCase('Khổng Văn D', { status: 'received', dueAt: at(20), updatedAt: at(-600) }),
      later: aCase('Khổng Văn E', { status: 'received', dueAt: at(24 * 10), updatedAt: at(-5) }),
      rejected: aCase('Khổng Văn G', { status: 'rejected', dueAt: at(10), updatedAt: at(-700) }),
    };
    sync(...Object.values(cases));
    const hits = find('khong van');
    expect(hits.map((h) => [h.receiptCode, h.urgency])).toEqual([
      [cases.overdue1.data.receiptCode, 'overdue'],
      [cases.overdue2.data.receiptCode, 'overdue'],
      [cases.soon.data.receiptCode, 'due-soon'],
      [cases.closedLate.data.receiptCode, 'none'],
      [cases.later.data.receiptCode, 'none'],
      [cases.rejected.data.receiptCode, 'none'],
    ]);
  });

  it('equals a brute-force scan of every case, for names from the data with and without accents', () => {
    const cases = generated(1500, 'order-oracle');
    sync(...cases);
    search.catchUp();
    const all = cases.map((c) => c.data);
    const oracle = (query: string, limit: number) => {
      const words = nameWords(query);
      const whole = words.slice(0, -1);
      const last = words[words.length - 1]!;
      const hits = all.filter((d) => {
        const name = nameWords(d.applicant.fullName);
        const inRow = (a: string, b: string) => name.some((n, i) => n === a && name[i + 1] === b);
        const wholeOk = whole.length === 1 ? name.includes(whole[0]!) : whole.slice(1).every((w, i) => inRow(whole[i]!, w));
        return wholeOk && name.some((n) => n.startsWith(last));
      });
      return rank(hits).slice(0, limit);
    };
    // Ties within a second go by arrival (rowid), as in the index.
    const rank = (hits: CaseData[]) => {
      const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000);
      const urgentBefore = sec(new Date(NOW.getTime() + 2 * 24 * HOUR).toISOString());
      const open = (d: CaseData) => ['received', 'processing', 'supplement-required'].includes(d.status);
      const urgent = (d: CaseData) => open(d) && sec(d.dueAt) < urgentBefore;
      const arrival = new Map(all.map((d, i) => [d, i]));
      const byArrival = (a: CaseData, b: CaseData) => arrival.get(a)! - arrival.get(b)!;
      return hits
        .sort((a, b) => {
          if (urgent(a) !== urgent(b)) return urgent(a) ? -1 : 1;
          return urgent(a) ? sec(a.dueAt) - sec(b.dueAt) || byArrival(a, b) : sec(b.updatedAt) - sec(a.updatedAt) || byArrival(b, a);
        })
        .map((d) => d.receiptCode);
    };
    const prng = makePrng('queries');
    for (let i = 0; i < 60; i++) {
      const name = prng.pick(all).applicant.fullName;
      const words = name.split(' ').slice(prng.int(0, 1), prng.int(2, 3));
      const typed = [...words.slice(0, -1), words[words.length - 1]!.slice(0, prng.int(1, 4))].join(' ');
      const query = prng.chance(0.5) ? typed : nameWords(typed).join(' ');
      const limit = prng.pick([1, 5, 20, 200]);
      expect(codes(find(query, limit)), query).toEqual(oracle(query, limit));
    }
  });

  it('gives 20 by default and at most the limit asked', () => {
    sync(...generated(400));
    expect(find('nguyen')).toHaveLength(20);
    expect(find('nguyen', 3)).toHaveLength(3);
    expect(find('nguyen', 200).length).toBeGreaterThan(20);
  });
});

describe('bad input', () => {
  it('refuses an empty or blank query, one over 200 characters and a bad limit, with codes and no personal data', () => {
    expect(errorCode(() => find(''))).toBe('SEARCH_QUERY_EMPTY');
    expect(errorCode(() => find('   '))).toBe('SEARCH_QUERY_EMPTY');
    expect(errorCode(() => find('Nguyễn '.repeat(30)))).toBe('SEARCH_QUERY_TOO_LONG');
    for (const limit of [0, -1, 201, 2.5, Number.NaN]) expect(errorCode(() => search.search('nguyen', { limit }))).toBe('SEARCH_LIMIT_INVALID');
    try {
      find('Nguyễn Thị Hường '.repeat(20));
    } catch (e) {
      expect(JSON.stringify((e as AppError).data)).not.toMatch(/Hường|huong/i);
      expect((e as Error).message).not.toMatch(/Hường|huong/i);
    }
  });

  it('never throws on any text: FTS5 syntax is only ever searched for, never run', () => {
    sync(aCase('Nguyễn Thị Hường'), aCase('Near Or Not'), ...generated(50));
    const syntax = fc.constantFrom('"', '*', '(', ')', 'NEAR', 'NEAR(', 'AND', 'OR', 'NOT', '-', '^', ':', '+', "'", 'name:', '{', '}', ',', ' ');
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(fc.oneof(syntax, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((a) => a.join('')));
    fc.assert(
      fc.property(text, (query) => {
        const result = errorCode(() => find(query));
        expect(['no error', 'SEARCH_QUERY_EMPTY', 'SEARCH_QUERY_TOO_LONG']).toContain(result);
      }),
      { numRuns: 400 },
    );
    expect(codes(find('"near" OR not*'))).toHaveLength(1);
    expect(codes(find('NEAR(or not)'))).toHaveLength(1);
  });
});

describe('indexing in steps (a first sync of a million cases must not block the counter)', () => {
  /** The index's entries, case by case: what a full catch-up would have written. */
  const entries = () => db.prepare('SELECT case_id, recent_id, open_id FROM case_search_docs ORDER BY case_id').all();
  const ftsRows = () => db.prepare('SELECT (SELECT count(*) FROM case_search_recent) AS recent, (SELECT count(*) FROM case_search_open) AS open').get();

  it('a step indexes at most its budget, and indexed_seq moves only when the pass completes', () => {
    sync(...generated(2_500));
    expect(search.status()).toEqual({ complete: false, pending: null });
    const first = search.catchUpStep(1_000);
    expect(first).toEqual({ indexed: 1_000, removed: 0, complete: false });
    expect(entries()).toHaveLength(1_000);
    expect(db.prepare('SELECT indexed_seq FROM case_search_state').pluck().get()).toBe(0);
    expect(search.status()).toEqual({ complete: false, pending: 1_500 });
    expect(search.catchUpStep(1_000).indexed).toBe(1_000);
    expect(search.catchUpStep(1_000)).toEqual({ indexed: 500, removed: 0, complete: true });
    expect(search.status()).toEqual({ complete: true, pending: null });
    expect(search.catchUpStep(1_000)).toEqual({ indexed: 0, removed: 0, complete: true });
  });

  it('a search during a pass answers at once from what is indexed, and an exact receipt code or personal number is found unindexed', () => {
    const late = aCase('Phùng Thị Tuyết', { personalNumber: '001199000777' });
    sync(...generated(3_000), late);
    const hits = find(late.data.receiptCode);
    expect(codes(hits)).toEqual([late.data.receiptCode]);
    expect(hits[0]!.urgency).toBe('none');
    expect(codes(find('001199000777'))).toEqual([late.data.receiptCode]);
    // Each search indexed at most one step: the pass is still under way, the name not yet found.
    expect(search.status().complete).toBe(false);
    expect(entries().length).toBeLessThanOrEqual(3 * 1_000);
    expect(find('phung thi tuyet')).toEqual([]);
    search.catchUp();
    expect(codes(find('phung thi tuyet'))).toEqual([late.data.receiptCode]);
    expect(codes(find(late.data.receiptCode))).toEqual([late.data.receiptCode]);
  });

  it('an unindexed overdue case found by its code is overdue, as it will be once indexed', () => {
    const c = aCase('Lã Văn Tùng', { status: 'processing', dueAt: at(-5) });
    sync(...generated(1_500), c);
    search.catchUpStep(10);
    expect(find(c.data.receiptCode)[0]!.urgency).toBe('overdue');
  });

  it('steps end with the same index as one full catch-up, deletes and renames made during the pass included', () => {
    const all = generated(2_000);
    sync(...all);
    for (let i = 0; i < 3; i++) search.catchUpStep(300);
    // During the pass: one case deleted behind it, one ahead of it, one renamed behind it.
    sync({ id: all[10]!.id, delete: true }, { id: all[1_900]!.id, delete: true }, { id: all[20]!.id, data: { ...all[20]!.data, applicant: { ...all[20]!.data.applicant, fullName: 'Quách Thị Đổi' } } });
    let steps = 0;
    while (!search.catchUpStep(300).complete) steps++;
    expect(steps).toBeGreaterThan(3);
    const stepped = entries();
    const counts = ftsRows();
    expect(codes(find('quach thi doi'))).toEqual([all[20]!.data.receiptCode]);
    // The same data indexed at once, in a fresh table.
    db.exec('DELETE FROM case_search_docs; DELETE FROM case_search_recent; DELETE FROM case_search_open; UPDATE case_search_state SET indexed_seq = 0');
    expect(new CaseSearch(db).catchUp().indexed).toBe(1_998);
    expect(entries()).toEqual(stepped);
    expect(ftsRows()).toEqual(counts);
    expect(counts).toMatchObject({ recent: 1_998 });
  });

  it('a restart in the middle of a pass (a new CaseSearch on the same file) completes it without duplicates, deletes removed', () => {
    const all = generated(1_200);
    sync(...all);
    search.catchUp();
    sync({ id: all[5]!.id, delete: true }, ...generated(1_200, 'second').map((c) => ({ id: `s-${c.id}`, data: { ...c.data, receiptCode: `S${c.data.receiptCode}` } })));
    search.catchUpStep(500);
    search.catchUpStep(500);
    expect(search.status().complete).toBe(false);
    db.close();
    db = openDatabase(join(tmp.dir, 'motcua.sqlite'), join(process.cwd(), 'electron', 'db', 'migrations')).db;
    search = new CaseSearch(db);
    expect(search.status()).toEqual({ complete: false, pending: null });
    const result = search.catchUp();
    expect(result.removed).toBe(1);
    expect(entries()).toHaveLength(2_399);
    expect(ftsRows()).toMatchObject({ recent: 2_399 });
    expect(find(all[5]!.data.receiptCode)).toEqual([]);
    expect(search.status()).toEqual({ complete: true, pending: null });
  });
});

describe('the host\'s index driver', () => {
  it('builds the index in steps on a timer, leaving the event loop free between them, and stops', async () => {
    sync(...generated(2_000));
    const shared = CaseSearch.of(db);
    expect(CaseSearch.of(db)).toBe(shared);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const driver = startCaseIndexDriver(shared, { stepRows: 200, busyDelayMs: 1, idleDelayMs: 5 });
    try {
      for (let i = 0; i < 500 && !shared.status().complete; i++) await new Promise((r) => setTimeout(r, 5));
      expect(shared.status()).toEqual({ complete: true, pending: null });
      expect(ticks).toBeGreaterThan(5);
      expect(db.prepare('SELECT count(*) FROM case_search_docs').pluck().get()).toBe(2_000);
    } finally {
      driver.stop();
      clearInterval(ticker);
    }
    sync(aCase('Mạc Thị Sen'));
    await new Promise((r) => setTimeout(r, 30));
    expect(shared.status().complete).toBe(false);
  });
});
