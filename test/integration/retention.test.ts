/**
 * Retention: on a real SQLite file, each period of the policy keeps a row one day inside
 * it and on its last day, and purges it one day past; open cases of this centre, pending and refused
 * submissions are never touched; purged cases leave the name search; one audit entry with no
 * personal data; a dry run changes nothing.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../electron/db/audit-repository';
import { CaseSearch } from '../../electron/db/case-search';
import { openDatabase, type Db } from '../../electron/db/connection';
import { OutboxRepository } from '../../electron/db/outbox-repository';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { AuditLog } from '../../electron/security/audit';
import { DEFAULT_POLICY, policyFromSettings, purge, runRetention, type PurgeCounts } from '../../electron/security/retention';
import {
  insertConsent,
  insertCorrectedSubmission,
  insertDraft,
  insertSubmission,
  outboxBody,
  retentionSnapshot,
  SENT_BODY,
  syncCases as syncRows,
  type SyncedCase,
} from '../support/retention-rows';
import { makeTempDir } from '../support/temp-dir';

const NOW = new Date('2026-11-20T03:00:00.000Z');
const DAY = 24 * 3_600_000;
const OWN = 'DEMO-TTHCC-01';
const OTHER = 'DEMO-TTHCC-02';
/** A time `days` days before NOW. */
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
/** One day inside the period, its last day, one day past it. */
const AROUND = [-1, 0, 1] as const;

let tmp: ReturnType<typeof makeTempDir>;
let db: Db;
let settings: SettingsRepository;
let audit: AuditLog;

beforeEach(() => {
  tmp = makeTempDir('motcua-retention-');
  db = openDatabase(join(tmp.dir, 'motcua.db'), join(process.cwd(), 'electron', 'db', 'migrations')).db;
  settings = new SettingsRepository(db);
  settings.set('centre.code', OWN);
  audit = new AuditLog(new AuditRepository(db), settings);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const ids = (table: string, key = 'id') => db.prepare(`SELECT ${key} FROM ${table} ORDER BY ${key}`).pluck().all();
const run = (now = NOW) => runRetention({ db, settings, audit, now: () => now, log: () => {}, via: 'schedule' });
const NONE: PurgeCounts = { consents: 0, drafts: 0, sentBodiesReduced: 0, otherCentreCases: 0, closedCases: 0 };

const consent = (id: string, accepted: boolean, recordedAt: string, expiresAt: string | null) => insertConsent(db, id, accepted, recordedAt, expiresAt);
const draft = (id: string, status: 'draft' | 'printed' | 'submitted', updatedAt: string, handoff: 'draft' | 'reference' | null = null) => insertDraft(db, id, status, updatedAt, handoff);
const submission = (draftId: string, state: 'pending' | 'sent' | 'attention', at: string) => insertSubmission(db, draftId, state, at);
const syncCases = (cases: SyncedCase[]) => syncRows(db, cases);

const found = (name: string) => CaseSearch.of(db).search(name, { now: NOW }).map((h) => h.receiptCode);

describe('retention periods', () => {
  it('consents: refusals 30 days after they were recorded, acceptances 30 days after they expired', () => {
    for (const d of AROUND) consent(`refused${d}`, false, ago(DEFAULT_POLICY.refusedConsentDays + d), null);
    for (const d of AROUND) consent(`expired${d}`, true, ago(400), ago(DEFAULT_POLICY.expiredConsentDays + d));
    consent('valid', true, ago(0), new Date(NOW.getTime() + 600_000).toISOString());
    expect(run()).toEqual({ ...NONE, consents: 2 });
    expect(ids('consents')).toEqual(['expired-1', 'expired0', 'refused-1', 'refused0', 'valid']);
  });

  it('drafts neither printed nor submitted after 1 day, printed ones after 30, each with its counter review', () => {
    for (const d of AROUND) draft(`unkept${d}`, 'draft', ago(DEFAULT_POLICY.unkeptDraftDays + d));
    for (const d of AROUND) draft(`printed${d}`, 'printed', ago(DEFAULT_POLICY.printedDraftDays + d));
    expect(run()).toEqual({ ...NONE, drafts: 2 });
    expect(ids('drafts')).toEqual(['printed-1', 'printed0', 'unkept-1', 'unkept0']);
    expect(ids('counter_reviews', 'draft_id')).toEqual(ids('drafts'));
  });

  it('a kiosk print-out carrying the whole dossier: its copy goes after 1 day (a crash kept it past the turn); a reference one, and an older row, after 30', () => {
    for (const d of AROUND) draft(`whole${d}`, 'printed', ago(DEFAULT_POLICY.unkeptDraftDays + d), 'draft');
    for (const d of AROUND) draft(`reference${d}`, 'printed', ago(DEFAULT_POLICY.printedDraftDays + d), 'reference');
    for (const d of AROUND) draft(`older${d}`, 'printed', ago(DEFAULT_POLICY.printedDraftDays + d), null);
    draft('recent-reference', 'printed', ago(DEFAULT_POLICY.unkeptDraftDays + 1), 'reference');
    expect(run()).toEqual({ ...NONE, drafts: 3 });
    expect(ids('drafts')).toEqual(['older-1', 'older0', 'recent-reference', 'reference-1', 'reference0', 'whole-1', 'whole0']);
  });

  it('submitted dossiers 30 days after the centre acknowledged them, with submissions and outbox rows; never while pending or refused', () => {
    for (const d of AROUND) {
      draft(`sent${d}`, 'submitted', ago(400));
      submission(`sent${d}`, 'sent', ago(DEFAULT_POLICY.submittedDraftDays + d));
    }
    // A refused submission corrected and sent: the whole chain goes together.
    draft('corrected', 'submitted', ago(400));
    insertCorrectedSubmission(db, 'corrected', ago(60), ago(31));
    draft('pending', 'submitted', ago(400));
    submission('pending', 'pending', ago(400));
    draft('attention', 'printed', ago(400));
    submission('attention', 'attention', ago(400));
    // Whatever else holds, an outbox row still to send or refused keeps its dossier.
    for (const state of ['pending', 'attention'] as const) {
      draft(`acknowledged-and-${state}`, 'submitted', ago(400));
      submission(`acknowledged-and-${state}`, 'sent', ago(400));
      submission(`acknowledged-and-${state}`, state, ago(400));
    }

    expect(run().drafts).toBe(2);
    expect(ids('drafts')).toEqual(['acknowledged-and-attention', 'acknowledged-and-pending', 'attention', 'pending', 'sent-1', 'sent0']);
    expect([...new Set(ids('counter_submissions', 'draft_id'))]).toEqual(ids('drafts'));
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(8);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it("sent dossiers' bodies are cut to the procedure code after 7 days; the receipt stays; pending bodies stay whole", () => {
    const outbox: Record<string, number> = {};
    for (const d of AROUND) {
      draft(`sent${d}`, 'submitted', ago(10));
      outbox[d] = submission(`sent${d}`, 'sent', ago(DEFAULT_POLICY.sentBodyDays + d));
    }
    draft('pending', 'submitted', ago(100));
    const pending = submission('pending', 'pending', ago(100));
    expect(run()).toEqual({ ...NONE, sentBodiesReduced: 1 });
    // Read as the app reads them (the counter's provisional status shows the procedure code and the receipt).
    const row = (id: number) => ({ ...new OutboxRepository(db).get(id)!, ...(db.prepare('SELECT reduced_at FROM outbox WHERE id = ?').get(id) as object) });
    expect(row(outbox[1]!)).toMatchObject({ body: '{"procedureCode":"CC.CAP-DOI"}', receipt: expect.stringContaining('"receiptCode":"MC-sent1"'), reduced_at: NOW.toISOString() });
    for (const id of [outbox[-1]!, outbox[0]!, pending]) expect(row(id)).toMatchObject({ body: SENT_BODY, reduced_at: null });
    // The next day the next one; a body is reduced once.
    expect(run(new Date(NOW.getTime() + DAY)).sentBodiesReduced).toBe(1);
    expect(outboxBody(db, outbox[0]!)).toBe('{"procedureCode":"CC.CAP-DOI"}');
    expect(run(new Date(NOW.getTime() + DAY)).sentBodiesReduced).toBe(0);
  });

  it('a sent body that no longer opens (altered) is reduced to nothing, readable again', () => {
    draft('altered', 'submitted', ago(10));
    const id = submission('altered', 'sent', ago(8));
    db.prepare('UPDATE outbox SET body = ? WHERE id = ?').run(`enc1:${'A'.repeat(60)}`, id);
    expect(run().sentBodiesReduced).toBe(1);
    expect(outboxBody(db, id)).toBe('{"procedureCode":null}');
  });

  it("other centres' cases go (at once by default, after the set period when one is set); this centre's open cases never, its closed ones after 2 years", () => {
    settings.set('retention.otherCentreCaseDays', '7');
    syncCases([
      ...AROUND.map((d) => ({ id: `other${d}`, name: `Lê Văn Khác ${['Một', 'Hai', 'Ba'][d + 1]}`, status: 'processing' as const, updatedAt: ago(7 + d), centreCode: OTHER })),
      ...AROUND.map((d) => ({ id: `closed${d}`, name: `Phạm Thị Đóng ${['Một', 'Hai', 'Ba'][d + 1]}`, status: 'completed' as const, updatedAt: ago(DEFAULT_POLICY.closedCaseDays + d), centreCode: OWN })),
      { id: 'open-old', name: 'Nguyễn Văn Mở', status: 'supplement-required', updatedAt: ago(3000), centreCode: OWN },
      { id: 'open-no-centre', name: 'Hoàng Văn Cũ', status: 'processing', updatedAt: ago(3000) },
      { id: 'closed-no-centre', name: 'Đỗ Thị Xưa', status: 'rejected', updatedAt: ago(3000) },
    ]);
    expect(found('Lê Văn Khác Ba')).toEqual(['MC-other1']);
    expect(found('Phạm Thị Đóng Ba')).toEqual(['MC-closed1']);
    const before = db.prepare("SELECT * FROM cases WHERE id LIKE 'open%' ORDER BY id").all();

    expect(run()).toEqual({ ...NONE, otherCentreCases: 1, closedCases: 2 });
    expect(ids('cases')).toEqual(['closed-1', 'closed0', 'open-no-centre', 'open-old', 'other-1', 'other0']);
    expect(db.prepare("SELECT * FROM cases WHERE id LIKE 'open%' ORDER BY id").all()).toEqual(before);
    // The name index no longer finds the purged cases, and still finds the kept ones.
    expect(found('Lê Văn Khác Ba')).toEqual([]);
    expect(found('Phạm Thị Đóng Ba')).toEqual([]);
    expect(found('Đỗ Thị Xưa')).toEqual([]);
    expect(found('Lê Văn Khác Hai')).toEqual(['MC-other0']);
    expect(found('Phạm Thị Đóng')).toEqual(['MC-closed-1', 'MC-closed0']);
    expect(found('Nguyễn Văn Mở')).toEqual(['MC-open-old']);
    expect(db.prepare('SELECT count(*) FROM case_search_docs').pluck().get()).toBe(6);
    expect(db.prepare("SELECT count(*) FROM case_search_recent WHERE case_search_recent MATCH 'khac'").pluck().get()).toBe(2);

    // The default: another centre's case goes at the first run, whatever its age.
    settings.delete('retention.otherCentreCaseDays');
    expect(run().otherCentreCases).toBe(2);
    expect(found('Lê Văn Khác')).toEqual([]);
  });

  it("keeps other centres' cases while this machine does not know its centre", () => {
    settings.delete('centre.code');
    syncCases([{ id: 'other', name: 'Lê Văn Khác', status: 'processing', updatedAt: ago(100), centreCode: OTHER }]);
    const lines: string[] = [];
    expect(runRetention({ db, settings, audit, now: () => NOW, log: (l) => lines.push(l), via: 'schedule' })).toEqual(NONE);
    expect(ids('cases')).toEqual(['other']);
    expect(lines.join('\n')).toMatch(/no centre code/);
  });
});

describe('a retention run', () => {
  it('writes one audit entry: the system, the purge, the policy, the counts; no personal data; the chain holds', () => {
    draft('unkept', 'draft', ago(5));
    syncCases([{ id: 'closed', name: 'Phạm Thị Đóng', status: 'completed', updatedAt: ago(800), centreCode: OWN }]);
    const before = new AuditRepository(db).all().length;
    const lines: string[] = [];
    runRetention({ db, settings, audit, now: () => NOW, log: (l) => lines.push(l), via: 'schedule' });
    const rows = new AuditRepository(db).all().slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      session: 'system:retention:schedule',
      role: 'system',
      actor: 'system',
      channel: 'retention.purge',
      purpose: 'retention',
      subject: null,
      outcome: 'consents=0 drafts=1 sentBodiesReduced=0 otherCentreCases=0 closedCases=1',
    });
    expect(rows[0]!.legal_basis).toMatch(/91\/2025\/QH15/);
    expect(JSON.stringify(rows)).not.toMatch(/Phạm|Đóng|00109\d{7}/);
    expect(audit.verify().ok).toBe(true);
    expect(lines).toEqual(['retention: consents=0 drafts=1 sentBodiesReduced=0 otherCentreCases=0 closedCases=1']);
    // A run with nothing to do logs its counts but writes no audit entry: it touched no personal data.
    run();
    expect(new AuditRepository(db).all()).toHaveLength(before + 1);
  });

  it('takes periods from the settings; an invalid one is logged and its default used', () => {
    for (const d of AROUND) draft(`unkept${d}`, 'draft', ago(3 + d));
    settings.set('retention.unkeptDraftDays', '3');
    settings.set('retention.printedDraftDays', 'thirty');
    settings.set('retention.closedCaseDays', '99999');
    const lines: string[] = [];
    expect(policyFromSettings(settings, (l) => lines.push(l))).toEqual({ ...DEFAULT_POLICY, unkeptDraftDays: 3 });
    expect(lines).toEqual([
      'retention: setting retention.printedDraftDays = "thirty" is not a whole number of days 0–3650; the default 30 is used',
      'retention: setting retention.closedCaseDays = "99999" is not a whole number of days 0–3650; the default 730 is used',
    ]);
    expect(run().drafts).toBe(1);
    expect(ids('drafts')).toEqual(['unkept-1', 'unkept0']);
  });

  it('dry run: the counts of the real run, and nothing in the file changes', () => {
    consent('refused', false, ago(40), null);
    draft('unkept', 'draft', ago(5));
    draft('sent', 'submitted', ago(20));
    submission('sent', 'sent', ago(20));
    syncCases([
      { id: 'other', name: 'Lê Văn Khác', status: 'processing', updatedAt: ago(1), centreCode: OTHER },
      { id: 'closed', name: 'Phạm Thị Đóng', status: 'returned', updatedAt: ago(800) },
    ]);
    const snapshot = () => retentionSnapshot(db);
    const before = snapshot();
    const policy = policyFromSettings(settings);
    const dry = purge(db, { policy, now: NOW, ownCentre: OWN, dryRun: true });
    expect(snapshot()).toEqual(before);
    expect(found('Lê Văn Khác')).toEqual(['MC-other']);
    expect(dry).toEqual({ consents: 1, drafts: 1, sentBodiesReduced: 1, otherCentreCases: 1, closedCases: 1 });
    expect(run()).toEqual(dry);
  });
});
