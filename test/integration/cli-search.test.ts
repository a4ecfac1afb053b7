import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRepository, type CaseRecord } from '../../electron/db/case-repository';
import { openDatabase } from '../../electron/db/connection';
import { SyncStateRepository } from '../../electron/db/sync-state-repository';
import { runMotcua } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

// The real `motcua search` in its own process: its flags, JSON and exit codes are a contract.
const tmp = makeTempDir('motcua-cli-search-');
const dbPath = join(tmp.dir, 'motcua.sqlite');
afterAll(() => tmp.cleanup());

const base = { procedureCode: 'CC.CAP-DOI', status: 'completed' as const, receivedAt: '2026-01-05T02:00:00.000Z', dueAt: '2026-01-12T10:00:00.000Z', timeline: [] };
const CASES: CaseRecord[] = [
  { ...base, id: 'c1', seq: 1, receiptCode: 'MC-260105-0000001', applicant: { personalNumber: '001090012345', fullName: 'Nguyễn Thị Hường' }, updatedAt: '2026-01-10T02:00:00.000Z' },
  { ...base, id: 'c2', seq: 2, receiptCode: 'MC-260105-0000002', applicant: { personalNumber: '001090012345', fullName: 'Nguyễn Thị Hường' }, updatedAt: '2026-01-11T02:00:00.000Z' },
  { ...base, id: 'c3', seq: 3, receiptCode: 'MC-260105-0000003', applicant: { personalNumber: '079085001234', fullName: 'Đặng Văn Đường' }, updatedAt: '2026-01-09T02:00:00.000Z' },
];

beforeAll(() => {
  // Written as the sync writes them: the cases and the cursor in one transaction.
  const { db } = openDatabase(dbPath, join(process.cwd(), 'electron', 'db', 'migrations'));
  db.transaction(() => {
    const repo = new CaseRepository(db);
    CASES.forEach((c) => repo.upsert(c));
    new SyncStateRepository(db).advance('changes', 3);
  })();
  db.close();
});

async function motcua(...args: string[]) {
  const run = await runMotcua('search', ...args);
  return { ...run, json: JSON.parse(run.stdout) as Record<string, unknown> };
}

describe('motcua search', { timeout: 90_000 }, () => {
  it('finds a name without accents, newest first, in the exact shape on one line', async () => {
    const { json, status, stdout } = await motcua('--db', dbPath, '--query', 'nguyen thi huong', '--json');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(json.ok).toBe(true);
    const cases = json.cases as Record<string, unknown>[];
    expect(cases.map((c) => [c.receiptCode, c.procedureCode, c.applicantName, c.status])).toEqual([
      ['MC-260105-0000002', 'CC.CAP-DOI', 'Nguyễn Thị Hường', 'completed'],
      ['MC-260105-0000001', 'CC.CAP-DOI', 'Nguyễn Thị Hường', 'completed'],
    ]);
    expect(cases[0]).not.toHaveProperty('personalNumber');
  });

  it('finds Đường by "duong", a receipt code and a personal number exactly, and honours --limit', async () => {
    const names = async (...args: string[]) => ((await motcua('--db', dbPath, ...args, '--json')).json.cases as { receiptCode: string }[]).map((c) => c.receiptCode);
    expect(await names('--query', 'duong')).toEqual(['MC-260105-0000003']);
    expect(await names('--query', 'MC-260105-0000001')).toEqual(['MC-260105-0000001']);
    expect(await names('--query', '001090012345', '--limit', '1')).toEqual(['MC-260105-0000002']);
    expect(await names('--query', '00109001234')).toEqual([]);
  });

  it.each([
    ['an empty query', ['--query', ''], 'SEARCH_QUERY_EMPTY'],
    ['a blank query', ['--query', '   '], 'SEARCH_QUERY_EMPTY'],
    ['no --query', [], 'SEARCH_QUERY_EMPTY'],
    ['--limit 0', ['--query', 'nguyen', '--limit', '0'], 'SEARCH_LIMIT_INVALID'],
    ['--limit 201', ['--query', 'nguyen', '--limit', '201'], 'SEARCH_LIMIT_INVALID'],
    ['--limit ten', ['--query', 'nguyen', '--limit', 'ten'], 'SEARCH_LIMIT_INVALID'],
    ['a query over 200 characters', ['--query', 'Nguyễn Thị Hường '.repeat(15)], 'SEARCH_QUERY_TOO_LONG'],
  ])('%s → ok:false with the code, exit 1, a Vietnamese / English message without the query', async (_label, args, code) => {
    const { json, status } = await motcua('--db', dbPath, ...args, '--json');
    expect(status).toBe(1);
    expect(json).toEqual({ ok: false, error: { code, message: expect.stringMatching(/^[^/]+ \/ [^/]+$/) } });
    expect(JSON.stringify(json)).not.toMatch(/Hường|nguyen/);
  });

  it('refuses a missing --db or a file that does not exist, and creates none', async () => {
    for (const args of [['--query', 'x'], ['--db', join(tmp.dir, 'none.sqlite'), '--query', 'x']]) {
      const { json, status } = await motcua(...args, '--json');
      expect(status).toBe(1);
      expect(json).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(existsSync(join(tmp.dir, 'none.sqlite'))).toBe(false);
  });
});
