import { describe, expect, it } from 'vitest';
import type { RuleReminder } from '../../electron/contract';
import { compileRules } from '../../electron/proactive/rules/engine';
import { loadRulePacks } from '../../electron/proactive/rules/load-packs';
import { compareUrgency } from '../../electron/proactive/rules/urgency';
import { isoDate } from '../../electron/base/calendar-date';

const engine = compileRules(loadRulePacks(process.cwd()).packs);
const demoEngine = compileRules(loadRulePacks(process.cwd(), undefined, { demo: true }).packs);
const TODAY = isoDate('2026-11-23');
const byId = (rs: RuleReminder[], id: string) => rs.find((r) => r.ruleId === id)!;

describe('explanations', () => {
  const rs = engine.evaluate(
    {
      birthDate: '2001-03-10',
      idCard: { issueDate: '2016-05-01' },
      children: [{ birthDate: '2026-10-01', birthRegistered: false }],
      cases: [{ receiptCode: 'MC-261120-0000042', procedureCode: '1.001193', status: 'supplement-required', dueAt: '2026-11-30T10:00:00.000Z' }],
    },
    TODAY,
  );

  it('the ID card: the facts, the age, the due date written out, and the law, in both languages', () => {
    const { vi, en } = byId(rs, 'id-card-renewal').explanation;
    expect(vi).toContain('khi đủ 25 tuổi');
    expect(vi).toContain('theo ngày sinh của Ông/Bà (10 tháng 3 năm 2001)');
    expect(vi).toContain('Thông tin đã dùng — ngày sinh: 10 tháng 3 năm 2001; ngày cấp thẻ căn cước: 1 tháng 5 năm 2016.');
    expect(vi).toContain('Hạn là ngày 10 tháng 3 năm 2026: đã quá hạn 258 ngày.');
    expect(vi).toContain('Căn cứ: Luật Căn cước số 26/2023/QH15, Điều 21.');
    expect(en).toContain('on reaching age 25');
    expect(en).toContain('Facts used — date of birth: 10 March 2001; ID card issue date: 1 May 2016.');
    expect(en).toContain('It was due on 10 March 2026: 258 days overdue.');
  });

  it("birth registration: the child's birth date, the 60 days, free on time, and Civil Status Law art. 15", () => {
    const { vi, en } = byId(rs, 'birth-registration').explanation;
    expect(vi).toMatch(/^Con của Ông\/Bà sinh ngày 1 tháng 10 năm 2026; .*60 ngày kể từ ngày sinh\. Đăng ký đúng hạn được miễn lệ phí\. Cần làm trước ngày 30 tháng 11 năm 2026 \(còn 7 ngày\)\./);
    expect(vi).toContain('ngày sinh của con: 1 tháng 10 năm 2026; khai sinh: chưa đăng ký.');
    expect(vi).toContain('Căn cứ: Luật Hộ tịch số 60/2014/QH13, Điều 15');
    expect(en).toContain("Facts used — the child's date of birth: 1 October 2026; birth: not registered.");
  });

  it('a case names its receipt code and the day it is due in Vietnam', () => {
    const r = byId(rs, 'case-supplement');
    expect(r.procedureCode).toBe('1.001193');
    expect(r.explanation.vi).toContain('Hồ sơ MC-261120-0000042 cần được bổ sung giấy tờ trước ngày 30 tháng 11 năm 2026');
    expect(r.explanation.en).toContain('Case MC-261120-0000042 needs more documents by 30 November 2026');
    expect(r.explanation.vi).toContain('trạng thái hồ sơ: cần bổ sung');
    expect(r.explanation.vi).toContain('Nghị định số 118/2025/NĐ-CP');
  });

  it('a citizen reads no rule id, pack name, version or "example" mark; each explanation gives its legal basis and due date', () => {
    for (const r of [...rs, ...demoEngine.evaluate({ passport: { expiryDate: '2027-03-01' } }, TODAY)]) {
      const [y, m, d] = r.dueDate.split('-').map(Number);
      expect(r.explanation.vi).toContain(`${d} tháng ${m} năm ${y}`);
      for (const text of [r.explanation.vi, r.explanation.en]) {
        expect(text).not.toContain(r.ruleId);
        expect(text).not.toMatch(/Quy tắc|gói |phiên bản|Rule |pack |version|ví dụ|example/);
        for (const b of r.legalBasis) expect(text).toContain(`${b.document}, ${b.article}`);
      }
    }
  });

  it('reminders do not share mutable parts: the fixed texts are frozen', () => {
    const r = byId(rs, 'id-card-renewal');
    expect(Object.isFrozen(r.legalBasis)).toBe(true);
    expect(Object.isFrozen(r.steps[0])).toBe(true);
  });
});

describe('advice', () => {
  it('is never "overdue": a passport whose suggested renewal date has passed is not "quá hạn"', () => {
    // Valid until 1 May 2027; the 6-month advice date (1 November 2026) has passed.
    const r = byId(demoEngine.evaluate({ passport: { expiryDate: '2027-05-01' } }, isoDate('2026-12-02')), 'passport-renewal');
    expect(r.severity).toBe('advice');
    expect(r.explanation.vi).not.toContain('quá hạn');
    expect(r.explanation.en).not.toContain('overdue');
    expect(r.explanation.vi).toContain('Ngày gợi ý là 1 tháng 11 năm 2026');
  });

  it('never ranks above a legal obligation, even when its date is earlier', () => {
    const rs = demoEngine.evaluate({ passport: { expiryDate: '2027-05-01' }, children: [{ birthDate: '2026-11-01', birthRegistered: false }] }, isoDate('2026-12-02'));
    const ids = rs.map((r) => r.ruleId);
    expect(ids.indexOf('birth-registration')).toBeLessThan(ids.indexOf('passport-renewal'));
  });
});

describe('urgency order', () => {
  const r = (ruleId: string, dueDate: string, severity: RuleReminder['severity']) => ({ ruleId, dueDate, severity });

  it('overdue obligations first, then by due date with advice last, then obligation > benefit, then rule id', () => {
    const list = [
      r('z-advice-later', '2026-12-10', 'advice'),
      r('b-benefit-same-day', '2026-12-01', 'benefit'),
      r('a-advice-same-day', '2026-12-01', 'advice'),
      r('c-obligation-same-day', '2026-12-01', 'obligation'),
      r('d-obligation-same-day', '2026-12-01', 'obligation'),
      r('due-today', TODAY, 'advice'),
      r('overdue-recent', '2026-11-22', 'advice'),
      r('overdue-long', '2020-01-01', 'obligation'),
      r('benefit-past', '2020-01-01', 'benefit'),
    ];
    expect(list.sort(compareUrgency(TODAY)).map((x) => x.ruleId)).toEqual([
      'overdue-long',
      'benefit-past',
      'c-obligation-same-day',
      'd-obligation-same-day',
      'b-benefit-same-day',
      'overdue-recent',
      'due-today',
      'a-advice-same-day',
      'z-advice-later',
    ]);
  });
});
