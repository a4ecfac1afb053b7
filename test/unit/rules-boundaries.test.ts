import { describe, expect, it } from 'vitest';
import type { CitizenProfile } from '../../electron/contract';
import { compileRules } from '../../electron/proactive/rules/engine';
import { loadRulePacks } from '../../electron/proactive/rules/load-packs';
import { addDays, isoDate, type IsoDate } from '../../electron/base/calendar-date';

// The production packs and the demo examples: every rule's boundaries.
const engine = compileRules(loadRulePacks(process.cwd(), undefined, { demo: true }).packs);

interface Deadline {
  ruleId: string;
  profile: CitizenProfile;
  due: IsoDate;
  /** First day shown; null when the rule shows from the start. */
  opens: IsoDate | null;
  /**
   * The day after the due date: an obligation is overdue; a benefit or advice only had a
   * suggested date (never "overdue"); a rule whose window closes on its due date is gone.
   */
  after?: 'overdue' | 'suggested' | 'closed';
}

// Every bundled rule, with its due date and window worked out by hand.
const DEADLINES: Deadline[] = [
  // Card issued at 15 expires at 25 (15/06/2025); renewable from 23 (15/06/2023).
  { ruleId: 'id-card-renewal', profile: { birthDate: '2000-06-15', idCard: { issueDate: '2015-09-01' } }, due: isoDate('2025-06-15'), opens: isoDate('2023-06-15') },
  // Renewed at 24: valid until 40.
  { ruleId: 'id-card-renewal', profile: { birthDate: '2000-06-15', idCard: { issueDate: '2024-07-01' } }, due: isoDate('2040-06-15'), opens: isoDate('2038-06-15') },
  // Renewed at 39: valid until 60.
  { ruleId: 'id-card-renewal', profile: { birthDate: '1980-02-10', idCard: { issueDate: '2019-03-01' } }, due: isoDate('2040-02-10'), opens: isoDate('2038-02-10') },
  // 60 days after a birth on 10/01/2026 is 11/03/2026.
  // On time until then; from the next day the late-registration rule takes over.
  { ruleId: 'birth-registration', profile: { children: [{ birthDate: '2026-01-10' }] }, due: isoDate('2026-03-11'), opens: null, after: 'closed' },
  { ruleId: 'newborn-linked-procedures', profile: { children: [{ birthDate: '2026-01-10', birthRegistered: false }] }, due: isoDate('2026-03-11'), opens: null, after: 'suggested' },
  // 6 months before an expiry on 01/03/2027, shown 3 months before that.
  { ruleId: 'passport-renewal', profile: { passport: { expiryDate: '2027-03-01' } }, due: isoDate('2026-09-01'), opens: isoDate('2026-06-01'), after: 'suggested' },
  // 31 August − 6 months is the last day of February.
  { ruleId: 'passport-renewal', profile: { passport: { expiryDate: '2027-08-31' } }, due: isoDate('2027-02-28'), opens: isoDate('2026-11-28'), after: 'suggested' },
  { ruleId: 'health-insurance-renewal', profile: { healthInsurance: { expiryDate: '2026-12-31' } }, due: isoDate('2026-12-31'), opens: isoDate('2026-12-01'), after: 'suggested' },
  // 15 days after a death on 1 December 2026.
  { ruleId: 'death-registration', profile: { deaths: [{ deathDate: '2026-12-01' }] }, due: isoDate('2026-12-16'), opens: null },
  // A man born 1 June 2009 turns 17 in 2026: registration in April 2026, shown from 28 February.
  { ruleId: 'military-service-registration', profile: { birthDate: '2009-06-01', sex: 'male' }, due: isoDate('2026-04-30'), opens: isoDate('2026-02-28') },
  // 14 on 5 May 2027, no card yet: shown from 5 February 2027.
  { ruleId: 'id-card-first', profile: { birthDate: '2013-05-05', idCard: { kind: 'none' } }, due: isoDate('2027-05-05'), opens: isoDate('2027-02-05') },
  { ruleId: 'social-pension-75', profile: { birthDate: '1952-03-20' }, due: isoDate('2027-03-20'), opens: isoDate('2027-01-20'), after: 'suggested' },
  { ruleId: 'cmnd-9-replacement', profile: { idCard: { kind: 'cmnd-9' } }, due: isoDate('2024-12-31'), opens: null },
  { ruleId: 'driving-licence-renewal', profile: { drivingLicence: { expiryDate: '2027-01-15' } }, due: isoDate('2027-01-15'), opens: isoDate('2026-10-15') },
  { ruleId: 'temporary-residence-extension', profile: { temporaryResidence: { expiryDate: '2026-12-05' } }, due: isoDate('2026-12-05'), opens: isoDate('2026-11-20') },
  {
    ruleId: 'case-supplement',
    profile: { cases: [{ receiptCode: 'MC-261101-0000001', procedureCode: '1.001193', status: 'supplement-required', dueAt: '2026-11-30T10:00:00.000Z' }] },
    due: isoDate('2026-11-30'),
    opens: null,
  },
  {
    ruleId: 'case-result-pickup',
    profile: { cases: [{ receiptCode: 'MC-261101-0000002', procedureCode: 'CC.CAP-DOI', status: 'completed', dueAt: '2026-12-02' }] },
    due: isoDate('2026-12-02'),
    opens: null,
    after: 'suggested',
  },
];

const reminder = (ruleId: string, profile: CitizenProfile, today: string) => engine.evaluate(profile, isoDate(today)).find((r) => r.ruleId === ruleId);
const find = (d: Deadline, today: string) => reminder(d.ruleId, d.profile, today);

describe.each(DEADLINES)('$ruleId due $due', (d) => {
  if (d.opens !== null) {
    const opens = d.opens;
    it(`is not shown the day before its window opens (${opens})`, () => expect(find(d, addDays(opens, -1))).toBeUndefined());
    it('is shown the day its window opens and the day after', () => {
      expect(find(d, opens)?.dueDate).toBe(d.due);
      expect(find(d, addDays(opens, 1))?.dueDate).toBe(d.due);
    });
  }

  it('the day before the deadline: 1 day left', () => {
    const r = find(d, addDays(d.due, -1));
    expect(r?.dueDate).toBe(d.due);
    expect(r?.explanation.vi).toContain('(còn 1 ngày)');
    expect(r?.explanation.en).toContain('(1 day left)');
  });

  it('the day of the deadline: due today, not overdue', () => {
    const r = find(d, d.due);
    const obligation = r?.severity === 'obligation';
    expect(r?.explanation.vi).toContain(obligation ? 'Hạn là hôm nay' : 'Nên làm trong hôm nay');
    expect(r?.explanation.en).toContain(obligation ? 'It is due today' : 'Best done today');
  });

  it(`the day after the deadline: ${d.after ?? 'overdue'}`, () => {
    const r = find(d, addDays(d.due, 1));
    if (d.after === 'closed') return expect(r).toBeUndefined();
    expect(r?.dueDate).toBe(d.due);
    if (d.after === 'suggested') {
      expect(r?.explanation.vi).not.toContain('quá hạn');
      return expect(r?.explanation.en).not.toContain('overdue');
    }
    expect(r?.explanation.vi).toContain('đã quá hạn 1 ngày');
    expect(r?.explanation.en).toContain('1 day overdue');
  });
});

describe('conditions', () => {
  it('a registered birth gives no birth reminders', () => {
    const rs = engine.evaluate({ children: [{ birthDate: '2026-01-10', birthRegistered: true }] }, isoDate('2026-01-20'));
    expect(rs).toEqual([]);
  });

  it('the linked procedures stop the day the child turns 6; the (late) birth registration does not', () => {
    const profile: CitizenProfile = { children: [{ birthDate: '2020-01-10' }] };
    const ids = (today: string) => engine.evaluate(profile, isoDate(today)).map((r) => r.ruleId);
    expect(ids('2026-01-09')).toEqual(expect.arrayContaining(['birth-registration-late', 'newborn-linked-procedures']));
    expect(ids('2026-01-10')).toContain('birth-registration-late');
    expect(ids('2026-01-10')).not.toContain('newborn-linked-procedures');
  });

  it('without the issue date, the next renewal age shows from its window and gives way to the next age on the birthday', () => {
    const profile: CitizenProfile = { birthDate: '1987-06-15' };
    expect(reminder('id-card-renewal', profile, '2025-06-14')).toBeUndefined();
    expect(reminder('id-card-renewal', profile, '2025-06-15')?.dueDate).toBe('2027-06-15');
    expect(reminder('id-card-renewal', profile, '2027-06-14')?.dueDate).toBe('2027-06-15');
    // From the 40th birthday assessRenewal looks to 60, whose window opens at 58.
    expect(reminder('id-card-renewal', profile, '2027-06-15')).toBeUndefined();
  });

  it('a first card at 14 is "cấp", not a renewal ("cấp đổi")', () => {
    const rs = engine.evaluate({ birthDate: '2012-06-15' }, isoDate('2026-06-01'));
    expect(rs.map((r) => r.ruleId)).toEqual(['id-card-first']);
    expect(rs[0]?.title.vi).toBe('Cấp thẻ căn cước lần đầu');
    expect(rs[0]?.procedureCode).toBe('CC.CAP');
  });

  it('past a renewal age with the issue date unknown: a warning to check the card, not silence', () => {
    const r = reminder('id-card-check-issue-date', { birthDate: '1980-03-01' }, '2026-12-07');
    expect(r).toMatchObject({ severity: 'advice', dueDate: '2020-03-01' });
    expect(r?.explanation.vi).toContain('xin xem ngày cấp và ngày hết hạn in trên thẻ');
    expect(reminder('id-card-check-issue-date', { birthDate: '1980-03-01', idCard: { issueDate: '2021-05-01' } }, '2026-12-07')).toBeUndefined();
  });

  it('a card renewed from 58 is valid for life: no reminder', () => {
    expect(engine.evaluate({ birthDate: '1970-05-01', idCard: { issueDate: '2028-05-01' } }, isoDate('2040-01-01'))).toEqual([]);
  });

  it('cases in other statuses give no reminder', () => {
    for (const status of ['received', 'processing', 'rejected', 'returned'] as const) {
      expect(engine.evaluate({ cases: [{ receiptCode: 'R', procedureCode: 'P', status, dueAt: '2026-12-01' }] }, isoDate('2026-11-23'))).toEqual([]);
    }
  });

  it("a case due 17:00 UTC is due the next day in Vietnam", () => {
    const [r] = engine.evaluate({ cases: [{ receiptCode: 'R', procedureCode: 'P', status: 'supplement-required', dueAt: '2026-11-30T17:00:00Z' }] }, isoDate('2026-11-23'));
    expect(r?.dueDate).toBe('2026-12-01');
  });

  it('one reminder per child and per case, with the case procedure code', () => {
    const rs = engine.evaluate(
      {
        children: [{ birthDate: '2026-11-01' }, { birthDate: '2026-11-01' }],
        cases: [{ receiptCode: 'A', procedureCode: 'CC.CAP-DOI', status: 'completed', dueAt: '2026-11-25' }],
      },
      isoDate('2026-11-23'),
    );
    expect(rs.filter((r) => r.ruleId === 'birth-registration')).toHaveLength(2);
    expect(rs.find((r) => r.ruleId === 'case-result-pickup')?.procedureCode).toBe('CC.CAP-DOI');
  });

  it('an empty profile gives nothing', () => expect(engine.evaluate({}, isoDate('2026-11-23'))).toEqual([]));

  it('a card renewed from 58 is valid for life, and a valid card issued after the last age asks nothing', () => {
    expect(engine.evaluate({ birthDate: '1960-05-01', idCard: { issueDate: '2019-01-01' } }, isoDate('2026-12-07')).map((r) => r.ruleId)).not.toContain('id-card-check-issue-date');
  });
});
