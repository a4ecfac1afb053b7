import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../electron/proactive/rules/profile-input';
import { vietnamDateOf } from '../../electron/base/calendar-date';
import { ISSUE_PROFILE } from '../fixtures/profiles/issue-example';

describe('reading a --profile file', () => {
  it('accepts the issue example, every part optional', () => {
    const profile = ISSUE_PROFILE;
    expect(parseProfile(JSON.stringify(profile))).toEqual({ ok: true, value: profile });
    expect(parseProfile('{}')).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['not JSON', '{"birthDate":', 'PROFILE_UNREADABLE', undefined],
    ['an array', '[]', 'PROFILE_INVALID', ['(profile)']],
    ['an unknown field', '{"nickname":"x"}', 'PROFILE_INVALID', ['(profile)']],
    ['a date in another format', '{"birthDate":"10/03/2001"}', 'PROFILE_INVALID', ['birthDate']],
    ['a bad sex', '{"sex":"x"}', 'PROFILE_INVALID', ['sex']],
    ['a child without a birth date', '{"children":[{}]}', 'PROFILE_INVALID', ['children.0.birthDate']],
    ['30 February', '{"birthDate":"2001-02-30"}', 'PROFILE_DATE_INVALID', ['birthDate']],
    ['month 13', '{"passport":{"expiryDate":"2027-13-01"}}', 'PROFILE_DATE_INVALID', ['passport.expiryDate']],
    ["a child's impossible birth date", '{"children":[{"birthDate":"2026-01-01"},{"birthDate":"2026-04-31"}]}', 'PROFILE_DATE_INVALID', ['children[1].birthDate']],
    ['a case timestamp that is not one', '{"cases":[{"receiptCode":"R","procedureCode":"P","status":"completed","dueAt":"soon"}]}', 'PROFILE_DATE_INVALID', ['cases[0].dueAt']],
  ])('rejects %s', (_, text, code, fields) => {
    const result = parseProfile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.fields).toEqual(fields);
      expect(result.error.message.vi).not.toBe(result.error.message.en);
    }
  });
});

describe('synced timestamps as days in Vietnam', () => {
  it.each([
    ['2026-11-30', '2026-11-30'],
    ['2026-11-30T10:00:00.000Z', '2026-11-30'],
    ['2026-11-30T16:59:59Z', '2026-11-30'],
    ['2026-11-30T17:00:00Z', '2026-12-01'],
    ['2026-12-01T00:30:00+07:00', '2026-12-01'],
    ['2026-02-30', null],
    ['9999-12-31T17:00:00Z', null],
    ['0000-06-01T00:00:00Z', null],
    ['tomorrow', null],
  ])('%s → %s', (stamp, day) => expect(vietnamDateOf(stamp)).toBe(day));
});
