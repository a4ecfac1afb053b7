import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseRepository, type CaseRecord, type SyncedCaseStatus } from '../../electron/db/case-repository';
import { openDatabase, type Db } from '../../electron/db/connection';
import { dueList, dueListOf } from '../../electron/proactive/rules/due-list';
import { compileRules } from '../../electron/proactive/rules/engine';
import { loadRulePacks, readBundledPacks } from '../../electron/proactive/rules/load-packs';
import { isoDate } from '../../electron/base/calendar-date';

const TODAY = isoDate('2026-11-23');
const engine = compileRules(loadRulePacks(process.cwd()).packs);

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:', join('electron', 'db', 'migrations')).db;
});
afterEach(() => db.close());

let n = 0;
function syncedCase(status: SyncedCaseStatus, dueAt: string, name = 'Nguyễn Văn An'): CaseRecord {
  n++;
  const receiptCode = `MC-261101-${String(n).padStart(7, '0')}`;
  return {
    id: `case-${n}`,
    receiptCode,
    procedureCode: '1.001193',
    applicant: { personalNumber: '001201012345', fullName: name },
    status,
    receivedAt: '2026-11-01T02:00:00.000Z',
    dueAt,
    updatedAt: '2026-11-20T02:00:00.000Z',
    timeline: [],
    seq: n,
  };
}

describe('the officers’ due list over the synced cases', () => {
  it('lists supplements due and results to collect, most urgent first, with the rule explanations', () => {
    const cases = new CaseRepository(db);
    const late = syncedCase('supplement-required', '2026-11-20T10:00:00.000Z');
    const soon = syncedCase('supplement-required', '2026-11-25T10:00:00.000Z', 'Trần Thị Bình');
    const ready = syncedCase('completed', '2026-11-25T10:00:00.000Z');
    [late, soon, ready, syncedCase('processing', '2026-11-21T10:00:00.000Z'), syncedCase('returned', '2026-11-01T10:00:00.000Z')].forEach((c) => cases.upsert(c));

    const list = dueList(db, engine, TODAY);
    expect(list.map((e) => [e.receiptCode, e.reminder.ruleId, e.reminder.dueDate])).toEqual([
      [late.receiptCode, 'case-supplement', '2026-11-20'],
      [soon.receiptCode, 'case-supplement', '2026-11-25'],
      [ready.receiptCode, 'case-result-pickup', '2026-11-25'],
    ]);
    expect(list[1]?.applicant).toEqual({ personalNumber: '001201012345', fullName: 'Trần Thị Bình' });
    expect(list[0]?.reminder.explanation.vi).toContain(`Hồ sơ ${late.receiptCode} cần được bổ sung giấy tờ trước ngày 20 tháng 11 năm 2026`);
    expect(list[0]?.reminder.explanation.en).toContain('3 days overdue');
  });

  it('reads only the statuses the case rules name', () => {
    expect(engine.caseStatuses).toEqual(['completed', 'supplement-required']);
  });

  it('the pure form gives the same list from rows', () => {
    const rows = [
      { receiptCode: 'B', procedureCode: 'P', applicantPersonalNumber: '001201012345', applicantFullName: 'X', status: 'completed' as const, dueAt: '2026-11-24', updatedAt: '2026-11-20' },
      { receiptCode: 'A', procedureCode: 'P', applicantPersonalNumber: '001201012345', applicantFullName: 'X', status: 'completed' as const, dueAt: '2026-11-24', updatedAt: '2026-11-20' },
      { receiptCode: 'C', procedureCode: 'P', applicantPersonalNumber: '001201012345', applicantFullName: 'X', status: 'received' as const, dueAt: '2026-11-24', updatedAt: '2026-11-20' },
    ];
    expect(dueListOf(rows, engine, TODAY).map((e) => e.receiptCode)).toEqual(['A', 'B']);
  });
});

describe('rule packs synced into the database', () => {
  const put = (id: string, data: unknown) =>
    db.prepare("INSERT INTO synced_objects (type, id, data, seq) VALUES ('rulepack', ?, ?, 1)").run(id, JSON.stringify(data));

  it('a newer synced pack is used beside the bundled ones; a broken one is reported, not thrown', () => {
    const caseRules = JSON.parse(readBundledPacks(process.cwd()).find((s) => s.name === 'case-follow-up.json')!.text) as { rules: { id: string }[] };
    put('case-follow-up', { version: '2027.1', rules: caseRules.rules.filter((r) => r.id === 'case-supplement') });
    put('id-card-renewal', { version: '2026.1', ages: [14, 25, 40, 60] });
    const { packs, rejected } = loadRulePacks(process.cwd(), db);
    expect(packs.map((p) => `${p.id}@${p.version}`)).toEqual(['case-follow-up@2027.1', 'civil-status@2026.2', 'identity-documents@2026.2', 'social-life-events@2026.1']);
    expect(rejected).toEqual([{ origin: 'synced', name: 'id-card-renewal', reason: expect.stringContaining('rules') }]);
    expect(compileRules(packs).caseStatuses).toEqual(['supplement-required']);
  });
});
