/**
 * `motcua db purge` (retention) on a real database file: --dry-run prints the counts and
 * changes nothing; the real run removes the same rows and writes one audit entry.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../electron/db/audit-repository';
import { openDatabase, type Db } from '../../electron/db/connection';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { insertConsent, insertDraft, insertSubmission, outboxBody, retentionSnapshot, syncCases } from '../support/retention-rows';
import { runMotcua } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

const DAY = 24 * 3_600_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const COUNTS = { consents: 1, drafts: 1, sentBodiesReduced: 1, otherCentreCases: 1, closedCases: 1 };

const tmp = makeTempDir('motcua-cli-purge-');
const file = join(tmp.dir, 'motcua.db');
const open = (): Db => openDatabase(file, join(process.cwd(), 'electron', 'db', 'migrations')).db;

beforeAll(() => {
  const db = open();
  new SettingsRepository(db).set('centre.code', 'DEMO-TTHCC-01');
  insertConsent(db, 'refused-long-ago', false, ago(45), null);
  insertConsent(db, 'refused-today', false, ago(0), null);
  insertDraft(db, 'left-by-a-crash', 'draft', ago(3));
  insertDraft(db, 'sent-last-week', 'submitted', ago(10));
  insertSubmission(db, 'sent-last-week', 'sent', ago(10));
  syncCases(db, [
    { id: 'neighbour', name: 'Lê Văn Khác', status: 'processing', updatedAt: ago(2), centreCode: 'DEMO-TTHCC-02' },
    { id: 'closed-long-ago', name: 'Phạm Thị Đóng', status: 'completed', updatedAt: ago(900), centreCode: 'DEMO-TTHCC-01' },
    { id: 'open', name: 'Nguyễn Văn Mở', status: 'processing', updatedAt: ago(900), centreCode: 'DEMO-TTHCC-01' },
  ]);
  db.close();
});
afterAll(() => tmp.cleanup());

const state = () => {
  const db = open();
  try {
    return retentionSnapshot(db);
  } finally {
    db.close();
  }
};

describe('motcua db purge', () => {
  it('--dry-run --json: the counts of what would go, and the file unchanged', async () => {
    const before = state();
    const r = await runMotcua('db', 'purge', '--db', file, '--dry-run', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ dryRun: true, counts: COUNTS });
    expect(state()).toEqual(before);
  });

  it('purges those rows, keeps the rest, and writes one audit entry without personal data', async () => {
    const r = await runMotcua('db', 'purge', '--db', file);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Đã xóa / purged:');
    expect(r.stdout).toMatch(/closedCases\s+1/);
    expect(r.stderr).toContain('retention: consents=1 drafts=1 sentBodiesReduced=1 otherCentreCases=1 closedCases=1');
    const db = open();
    try {
      expect(db.prepare('SELECT id FROM consents').pluck().all()).toEqual(['refused-today']);
      expect(db.prepare('SELECT id FROM drafts').pluck().all()).toEqual(['sent-last-week']);
      expect(db.prepare('SELECT id FROM cases').pluck().all()).toEqual(['open']);
      expect(outboxBody(db, db.prepare<[], number>('SELECT id FROM outbox').pluck().get()!)).toBe('{"procedureCode":"CC.CAP-DOI"}');
      const entries = new AuditRepository(db).all();
      expect(entries).toMatchObject([{ session: 'system:retention:cli', actor: 'system', channel: 'retention.purge', subject: null }]);
      expect(JSON.stringify(entries)).not.toMatch(/Phạm|Khác|Bích|001090\d{6}/);
    } finally {
      db.close();
    }
    // Nothing left to do: the counts are zero and no second audit entry.
    const again = await runMotcua('db', 'purge', '--db', file, '--json');
    expect(JSON.parse(again.stdout)).toEqual({ dryRun: false, counts: { consents: 0, drafts: 0, sentBodiesReduced: 0, otherCentreCases: 0, closedCases: 0 } });
    const db2 = open();
    expect(new AuditRepository(db2).all()).toHaveLength(1);
    db2.close();
  });
});
