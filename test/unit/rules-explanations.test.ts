import { describe, expect, it } from 'vitest';
import type { RuleReminder } from '../../electron/contract';
import { compileRules } from '../../electron/proactive/rules/engine';
import { loadRulePacks } from '../../electron/proactive/rules/load-packs';
import { compareUrgency } from '../../electron/proactive/rules/urgency';

const engine = compileRules(loadRulePacks(process.cwd()).packs);
const TODAY = '2026-11-23';
const byId = (rs: RuleReminder[], id: string) => rs.find((r) => r.ruleId === id)!;

describe('explanations', () => {
  const rs = engine.evaluate(
    {
      birthDate: '2001-03-10',
      idCard: { issueDate: '2016-05-01' },
      children: [{ birthDate: '2026-10-01', birthRegistered: false }],
      passport: { expiryDate: '2027-03-01' },
      cases: [{ receiptCode: 'MC-261120-0000042', procedureCode: '1.001193', status: 'supplement-required', dueAt: '2026-11-30T10:00:00.000Z' }],
    },
    TODAY,
  );

  it('the ID card: the facts (birth and issue dates), the age, the due date, the law and the rule, in both languages', () => {
    const { vi, en } = byId(rs, 'id-card-renewal').explanation;
    expect(vi).toContain('khi đủ 25 tuổi');
    expect(vi).toContain('Thông tin đã dùng — ngày sinh: 10/03/2001; ngày cấp thẻ căn cước: 01/05/2016.');
    expect(vi).toContain('Hạn là ngày 10/03/2026: đã quá hạn 258 ngày.');
    expect(vi).toContain('Căn cứ: Luật Căn cước số 26/2023/QH15, Điều 21. Quy tắc id-card-renewal, gói identity-documents phiên bản 2026.1.');
    expect(en).toContain('on reaching age 25');
    expect(en).toContain('Facts used — date of birth: 10/03/2001; ID card issue date: 01/05/2016.');
    expect(en).toContain('It was due on 10/03/2026: 258 days overdue.');
    expect(en).toContain('Legal basis: Luật Căn cước số 26/2023/QH15, Điều 21. Rule id-card-renewal');
  });

  it("birth registration: the child's birth date, the 60 days and Law on Civil Status art. 15", () => {
    const { vi, en } = byId(rs, 'birth-registration').explanation;
    expect(vi).toMatch(/^Con của bạn sinh ngày 01\/10\/2026; .*60 ngày kể từ ngày sinh\. Hạn là ngày 30\/11\/2026 \(còn 7 ngày\)\./);
    expect(vi).toContain('ngày sinh của con: 01/10/2026; khai sinh: chưa đăng ký.');
    expect(vi).toContain('Căn cứ: Luật Hộ tịch số 60/2014/QH13, Điều 15.');
    expect(en).toContain("Facts used — the child's date of birth: 01/10/2026; birth: not registered.");
  });

  it('example legal bases say so', () => {
    const r = byId(rs, 'passport-renewal');
    expect(r.example).toBe(true);
    expect(r.explanation.vi).toContain('(ví dụ, chưa được xác nhận)');
    expect(r.explanation.en).toContain('(an example, not confirmed)');
    expect(byId(rs, 'birth-registration').explanation.en).not.toContain('example');
  });

  it('a case names its receipt code and the day it is due in Vietnam', () => {
    const r = byId(rs, 'case-supplement');
    expect(r.procedureCode).toBe('1.001193');
    expect(r.explanation.vi).toContain('Hồ sơ MC-261120-0000042 cần được bổ sung giấy tờ trước ngày 30/11/2026');
    expect(r.explanation.en).toContain('Case MC-261120-0000042 needs more documents by 30/11/2026');
    expect(r.explanation.vi).toContain('trạng thái hồ sơ: cần bổ sung');
  });

  it('every explanation names its rule, its legal basis and its due date', () => {
    for (const r of rs) {
      const [y, m, d] = r.dueDate.split('-');
      for (const text of [r.explanation.vi, r.explanation.en]) {
        expect(text).toContain(r.ruleId);
        expect(text).toContain(`${d}/${m}/${y}`);
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

describe('urgency order', () => {
  const r = (ruleId: string, dueDate: string, severity: RuleReminder['severity']) => ({ ruleId, dueDate, severity });

  it('overdue first, then by due date, then obligation > benefit > advice, then rule id', () => {
    const list = [
      r('z-advice-later', '2026-12-10', 'advice'),
      r('b-benefit-same-day', '2026-12-01', 'benefit'),
      r('a-advice-same-day', '2026-12-01', 'advice'),
      r('c-obligation-same-day', '2026-12-01', 'obligation'),
      r('d-obligation-same-day', '2026-12-01', 'obligation'),
      r('due-today', TODAY, 'advice'),
      r('overdue-recent', '2026-11-22', 'advice'),
      r('overdue-long', '2020-01-01', 'benefit'),
    ];
    expect(list.sort(compareUrgency(TODAY)).map((x) => x.ruleId)).toEqual([
      'overdue-long',
      'overdue-recent',
      'due-today',
      'c-obligation-same-day',
      'd-obligation-same-day',
      'b-benefit-same-day',
      'a-advice-same-day',
      'z-advice-later',
    ]);
  });

  it('the engine returns its reminders in that order', () => {
    const rs = engine.evaluate(
      { children: [{ birthDate: '2026-10-01' }], healthInsurance: { expiryDate: '2026-11-30' }, temporaryResidence: { expiryDate: '2026-11-20' } },
      TODAY,
    );
    expect(rs.map((x) => [x.ruleId, x.dueDate])).toEqual([
      ['temporary-residence-extension', '2026-11-20'],
      ['birth-registration', '2026-11-30'],
      ['health-insurance-renewal', '2026-11-30'],
      ['newborn-linked-procedures', '2026-11-30'],
    ]);
  });
});
