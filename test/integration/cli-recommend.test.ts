import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The real `motcua calendar | workdays | recommend` in their own process: flags, JSON and exit codes are a contract.
function motcua(...args: string[]): { json: Record<string, unknown>; status: number | null } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/motcua.ts', ...args, '--json'], { encoding: 'utf8' });
  return { json: JSON.parse(run.stdout) as Record<string, unknown>, status: run.status };
}

const profileFile = (profile: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), 'motcua-profile-')), 'profile.json');
  writeFileSync(file, typeof profile === 'string' ? profile : JSON.stringify(profile));
  return file;
};

const badInput = { ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/ \/ /) } };

describe('motcua calendar', { timeout: 30_000 }, () => {
  it('--year 2025: Tết on 29 January and the days off in order', () => {
    const { json, status } = motcua('calendar', '--year', '2025');
    expect(status).toBe(0);
    expect(json.lunarNewYear).toBe('2025-01-29');
    const holidays = json.holidays as { date: string; name: { vi: string; en: string } }[];
    expect(holidays[0]).toEqual({ date: '2025-01-01', name: { vi: 'Tết Dương lịch', en: "New Year's Day" } });
    expect(holidays.map((h) => h.date)).toContain('2025-04-07');
    expect(Object.keys(json)).toEqual(['lunarNewYear', 'holidays']);
  });

  it('--year 1985 uses the Vietnamese calendar (21 January, not 20 February)', () => {
    expect(motcua('calendar', '--year', '1985').json.lunarNewYear).toBe('1985-01-21');
  });

  it.each([['abcd'], ['1899'], ['20255']])('--year %s is refused with exit 1', (year) => {
    const { json, status } = motcua('calendar', '--year', year);
    expect(status).toBe(1);
    expect(json).toEqual(badInput);
  });
});

describe('motcua workdays', { timeout: 30_000 }, () => {
  it('across Tết 2025 and with Saturday mornings', () => {
    expect(motcua('workdays', '--from', '2025-01-24', '--add', '1')).toEqual({ json: { date: '2025-02-03' }, status: 0 });
    expect(motcua('workdays', '--from', '2025-12-01', '--add', '10', '--saturday-morning').json).toEqual({ date: '2025-12-15' });
  });

  it.each([
    ['--from', '2025-02-30', '--add', '1'],
    ['--from', '2025-02-03', '--add=-1'],
    ['--from', '2025-02-03', '--add', '1.5'],
    ['--from', '2025-02-03'],
  ])('refuses %s %s %s %s', (...args) => {
    const { json, status } = motcua('workdays', ...args);
    expect(status).toBe(1);
    expect(json).toEqual(badInput);
  });
});

describe('motcua recommend', { timeout: 30_000 }, () => {
  it('--list names every outcome in both languages', () => {
    const { json, status } = motcua('recommend', '--list');
    expect(status).toBe(0);
    expect(json.outcomes).toEqual(expect.arrayContaining([{ id: 'criminal-record', title: { vi: 'Phiếu lý lịch tư pháp', en: 'Criminal record certificate' } }]));
  });

  it('--outcome with a profile: the exact shape, ineligible options listed with their reason', () => {
    const file = profileFile({ birthDate: '1990-03-01', vneidLevel: 1 });
    const { json, status } = motcua('recommend', '--outcome', 'criminal-record', '--prefer', 'fewest-visits', '--profile', file, '--today', '2025-11-27');
    expect(status).toBe(0);
    expect(Object.keys(json)).toEqual(['ok', 'outcome', 'options', 'recommended', 'explanation']);
    expect(json).toMatchObject({ ok: true, outcome: 'criminal-record', recommended: 'criminal-record-counter-postal' });
    // Ten calendar days (Law on Criminal Records art. 48) from Thursday 27 November end on Sunday
    // 7 December, so on Monday 8 December: 7 working days.
    expect(json.options).toEqual([
      { id: 'criminal-record-counter', channel: 'counter', eligible: true, ineligibleReason: null, totalCostVnd: 200_000, workingDays: 7, readyBy: '2025-12-08', visits: 2, dominated: false },
      { id: 'criminal-record-counter-postal', channel: 'postal', eligible: true, ineligibleReason: null, totalCostVnd: 230_000, workingDays: 7, readyBy: '2025-12-08', visits: 1, dominated: false },
      {
        id: 'criminal-record-online',
        channel: 'online',
        eligible: false,
        ineligibleReason: { vi: expect.stringContaining('VNeID mức độ 2'), en: expect.stringContaining('level-2 VNeID') },
        totalCostVnd: 230_000,
        workingDays: 7,
        readyBy: '2025-12-08',
        visits: 0,
        dominated: false,
      },
    ]);
    expect(json.explanation).toEqual({ vi: expect.stringContaining('thứ Hai, ngày 8 tháng 12 năm 2025'), en: expect.stringContaining('Monday 8 December 2025') });
  });

  it('the same request gives the same answer', () => {
    const args = ['recommend', '--outcome', 'passport', '--prefer', 'balanced', '--today', '2025-11-27'];
    expect(motcua(...args)).toEqual(motcua(...args));
  });

  it('an unknown outcome', () => {
    const { json, status } = motcua('recommend', '--outcome', 'nope', '--prefer', 'balanced');
    expect(status).toBe(1);
    expect(json).toEqual({ ok: false, error: { code: 'OUTCOME_UNKNOWN', message: 'Danh mục không có kết quả (thủ tục) này: nope / The catalogue has no such outcome: nope' } });
  });

  it.each([
    [['--outcome', 'passport', '--prefer', 'cheap']],
    [['--outcome', 'passport', '--prefer', 'balanced', '--today', '2025-13-01']],
    [['--outcome', 'passport', '--prefer', 'balanced', '--today', '2199-06-01']],
    [[]],
  ])('refuses %j', (args) => {
    const { json, status } = motcua('recommend', ...args);
    expect(status).toBe(1);
    expect(json).toEqual(badInput);
  });

  it.each([
    ['{not json', 'PROFILE_UNREADABLE'],
    [{ vneidLevel: 3 }, 'PROFILE_INVALID'],
    [{ birthDate: '2025-02-30' }, 'PROFILE_DATE_INVALID'],
  ])('a bad profile %j → %s', (profile, code) => {
    const { json, status } = motcua('recommend', '--outcome', 'passport', '--prefer', 'balanced', '--profile', profileFile(profile));
    expect(status).toBe(1);
    expect(json).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(/ \/ /) } });
  });
});
