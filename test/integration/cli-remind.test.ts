import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleReminder } from '../../electron/contract';
import { ISSUE_PROFILE } from '../fixtures/profiles/issue-example';

// The real `motcua remind` in its own process: its flags, JSON and exit codes are a contract.
const dir = mkdtempSync(join(tmpdir(), 'motcua-remind-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function profileFile(content: unknown): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function motcua(...args: string[]): { json: Record<string, unknown>; status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/motcua.ts', 'remind', ...args], { encoding: 'utf8' });
  return { json: JSON.parse(run.stdout) as Record<string, unknown>, status: run.status, stdout: run.stdout };
}


// Each case starts a process (tsx compiles the CLI): generous on a loaded machine.
describe('motcua remind', { timeout: 30_000 }, () => {
  it('--json prints the reminders most urgent first, each in the exact shape', () => {
    const { json, status, stdout } = motcua('--profile', profileFile(ISSUE_PROFILE), '--today', '2026-11-23', '--demo', '--json');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(json.ok).toBe(true);
    const reminders = json.reminders as Record<string, unknown>[];
    // Overdue obligations first; advice (the passport) never above an obligation or a benefit.
    expect(reminders.map((r) => [r.ruleId, r.dueDate, r.severity, r.procedureCode])).toEqual([
      ['id-card-renewal', '2026-03-10', 'obligation', 'CC.CAP-DOI'],
      ['birth-registration', '2026-11-30', 'obligation', '1.001193'],
      ['newborn-linked-procedures', '2026-11-30', 'benefit', 'LT.KS-TT-BHYT'],
      ['health-insurance-renewal', '2026-12-01', 'benefit', 'BHYT.GIA-HAN'],
      ['temporary-residence-extension', '2026-12-05', 'obligation', 'CT.GIA-HAN-TAM-TRU'],
      ['driving-licence-renewal', '2027-01-15', 'obligation', 'GPLX.CAP-DOI'],
      ['passport-renewal', '2026-09-01', 'advice', '1.001456'],
    ]);
    for (const r of reminders) {
      expect(ruleReminder.strict().parse(r)).toEqual(r);
      expect(Object.keys(r)).toEqual(['ruleId', 'severity', 'dueDate', 'procedureCode', 'legalBasis', 'title', 'explanation', 'steps', 'example']);
    }
    expect(reminders[1]).toMatchObject({
      legalBasis: [{ document: 'Luật Hộ tịch số 60/2014/QH13', article: 'Điều 15', source: expect.stringMatching(/^https:/), checked: '2026-12-07' }, expect.anything()],
      title: { vi: 'Đăng ký khai sinh cho con', en: "Register your child's birth" },
      explanation: { vi: expect.stringContaining('Cần làm trước ngày 30 tháng 11 năm 2026 (còn 7 ngày)'), en: expect.stringContaining('To be done by 30 November 2026 (7 days left)') },
      example: false,
    });
    expect(reminders[6]).toMatchObject({ example: true });
  });

  it('without --demo only the confirmed rules remind: no example reaches a citizen', () => {
    const { json } = motcua('--profile', profileFile(ISSUE_PROFILE), '--today', '2026-11-23', '--json');
    expect((json.reminders as { ruleId: string; example: boolean }[]).map((r) => [r.ruleId, r.example])).toEqual([
      ['id-card-renewal', false],
      ['birth-registration', false],
    ]);
  });

  it('works from the ID card alone', () => {
    const card = { personalNumber: '001212012345', birthDate: '2012-06-15', sex: 'female', idCard: { issueDate: '2025-01-10' } };
    // Issued within 2 years before 14: valid until 25 (15/06/2037), renewable from 23.
    expect(motcua('--profile', profileFile(card), '--today', '2035-06-14', '--json').json).toEqual({ ok: true, reminders: [] });
    const { json } = motcua('--profile', profileFile(card), '--today', '2035-06-15', '--json');
    expect(json).toMatchObject({ ok: true, reminders: [{ ruleId: 'id-card-renewal', dueDate: '2037-06-15' }] });
  });

  it('nothing due gives an empty list', () => {
    expect(motcua('--profile', profileFile({ birthDate: '1990-01-01', idCard: { issueDate: '2025-01-01' } }), '--today', '2026-11-23', '--json').json).toEqual({ ok: true, reminders: [] });
  });

  it('--today defaults to today in Vietnam', () => {
    const { json, status } = motcua('--profile', profileFile({ deaths: [{ deathDate: '2000-01-01' }] }), '--json');
    expect(status).toBe(0);
    expect(json).toMatchObject({ ok: true, reminders: [{ ruleId: 'death-registration', explanation: { en: expect.stringMatching(/days overdue/) } }] });
  });

  it.each([
    ['bad JSON', '{"birthDate":', 'PROFILE_UNREADABLE', /^Không đọc được .* \/ The citizen profile file cannot be read/],
    ['a wrong shape', { birthDate: 20010310 }, 'PROFILE_INVALID', /^Hồ sơ công dân không đúng khuôn dạng: birthDate \/ The citizen profile .*: birthDate$/],
    ['an impossible date', { children: [{ birthDate: '2026-02-29' }] }, 'PROFILE_DATE_INVALID', /: children\[0\]\.birthDate \/ .*: children\[0\]\.birthDate$/],
  ])('%s → ok:false with code and "vi / en" message, exit 1', (_, content, code, message) => {
    const { json, status } = motcua('--profile', profileFile(content), '--today', '2026-11-23', '--json');
    expect(status).toBe(1);
    expect(json).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
  });

  it.each([
    ['a missing file', () => ['--profile', join(dir, 'absent.json')], 'PROFILE_UNREADABLE'],
    ['no --profile', () => [], 'BAD_INPUT'],
    ['an impossible --today', () => ['--profile', profileFile({}), '--today', '2026-02-30'], 'BAD_INPUT'],
  ])('%s is an error too', (_, args, code) => {
    expect(motcua(...args(), '--json')).toMatchObject({ status: 1, json: { ok: false, error: { code } } });
  });

  describe('life events a profile can express', () => {
    const ids = (profile: unknown, today: string, ...extra: string[]) =>
      ((motcua('--profile', profileFile(profile), '--today', today, ...extra, '--json').json.reminders ?? []) as { ruleId: string; dueDate: string }[]).map((r) => `${r.ruleId}@${r.dueDate}`);

    it.each([
      ['the first ID card at 14 ("cấp", not "cấp đổi")', { birthDate: '2012-06-15' }, '2026-05-01', ['id-card-first@2026-06-15']],
      ['an old 12-digit CMND (invalid since 1 January 2025)', { birthDate: '1990-01-01', idCard: { kind: 'cmnd-12' } }, '2026-12-07', ['cmnd-12-replacement@2024-12-31']],
      ['an old 9-digit CMND', { idCard: { kind: 'cmnd-9' } }, '2026-12-07', ['cmnd-9-replacement@2024-12-31']],
      ['the social pension from 75', { birthDate: '1951-12-20', idCard: { issueDate: '2015-01-01' } }, '2026-12-07', ['social-pension-75@2026-12-20']],
      ['military service registration in the year a man turns 17', { birthDate: '2009-08-01', sex: 'male', idCard: { issueDate: '2024-01-01' } }, '2026-03-15', ['military-service-registration@2026-04-30']],
      ['no military registration for a woman', { birthDate: '2009-08-01', sex: 'female', idCard: { issueDate: '2024-01-01' } }, '2026-03-15', []],
      ['death registration within 15 days', { deaths: [{ deathDate: '2026-12-01' }] }, '2026-12-07', ['death-registration@2026-12-16']],
      ['a registered death asks nothing', { deaths: [{ deathDate: '2026-12-01', registered: true }] }, '2026-12-07', []],
      ['late birth registration after the 60 days', { children: [{ birthDate: '2026-08-01' }] }, '2026-12-07', ['birth-registration-late@2026-09-30']],
      ['past a renewal age with the issue date unknown: check the card', { birthDate: '1980-03-01' }, '2026-12-07', ['id-card-check-issue-date@2020-03-01']],
    ])('%s', (_, profile, today, expected) => {
      expect(ids(profile, today)).toEqual(expected);
    });

    it("a child's free health insurance ending at 6 (a demo example until its basis is confirmed)", () => {
      const profile = { children: [{ birthDate: '2020-12-20', birthRegistered: true }] };
      expect(ids(profile, '2026-12-07')).toEqual([]);
      expect(ids(profile, '2026-12-07', '--demo')).toEqual(['child-health-insurance-at-6@2026-12-20']);
    });
  });
});
