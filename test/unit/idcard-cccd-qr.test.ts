import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCccdQr, type CccdQrOutcome } from '../../drivers/idcard/cccd-qr';
import { PROVINCE_CODES } from '../../drivers/idcard/provinces';

const TODAY = '2026-03-01';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/idcard/${name}`, import.meta.url), 'utf8');
const ADDRESS = 'Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh';

function ok(outcome: CccdQrOutcome) {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.problem}`);
  return outcome;
}

/** A QR payload; `fields` overrides single fields of a consistent male sample (Hà Nội, 1999). */
function qr(fields: Partial<Record<'pin' | 'old' | 'name' | 'birth' | 'sex' | 'address' | 'issue', string>> = {}): string {
  const f = { pin: '001099012345', old: '123456789', name: 'Nguyễn Văn An', birth: '15031999', sex: 'Nam', address: ADDRESS, issue: '10082021', ...fields };
  return [f.pin, f.old, f.name, f.birth, f.sex, f.address, f.issue].join('|');
}

const AN = {
  personalNumber: '001099012345',
  oldIdNumber: '123456789',
  fullName: 'Nguyễn Văn An',
  birthDate: '1999-03-15',
  sex: 'male',
  address: ADDRESS,
  issueDate: '2021-08-10',
};
const NHUNG = {
  personalNumber: '079301000123',
  fullName: 'Lê Thị Hồng Nhung',
  birthDate: '2001-01-02',
  sex: 'female',
  address: ADDRESS,
  issueDate: '2022-05-20',
};

describe('parseCccdQr: samples', () => {
  it('reads a man’s card (fixture ending in CRLF)', () => {
    expect(parseCccdQr(fixture('qr-nam.txt'), TODAY)).toEqual({ ok: true, identity: AN, warnings: [] });
  });

  it('reads a woman’s card without an old ID number', () => {
    expect(parseCccdQr(fixture('qr-nu.txt'), TODAY)).toEqual({ ok: true, identity: NHUNG, warnings: [] });
  });

  it('reads the same card sent in decomposed Unicode (NFD) and returns NFC text', () => {
    const text = fixture('qr-nu-nfd.txt');
    expect(text).not.toBe(text.normalize('NFC'));
    const { identity } = ok(parseCccdQr(text, TODAY));
    expect(identity).toEqual(NHUNG);
    expect(identity.fullName).toBe(identity.fullName!.normalize('NFC'));
    expect(identity.address).toBe(identity.address!.normalize('NFC'));
  });

  it('tolerates extra trailing fields and surrounding whitespace (fixture)', () => {
    expect(parseCccdQr(fixture('qr-extra-fields.txt'), TODAY)).toEqual({ ok: true, identity: AN, warnings: [] });
  });

  it('keeps the diacritics of names and addresses', () => {
    const { identity } = ok(parseCccdQr(qr(), TODAY));
    expect(identity.fullName).toBe('Nguyễn Văn An');
    expect(identity.address).toBe('Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh');
  });

  it('trims fields and collapses runs of spaces inside names', () => {
    expect(ok(parseCccdQr(qr({ pin: ' 001099012345 ', name: '  Nguyễn   Văn  An ' }), TODAY)).identity.fullName).toBe('Nguyễn Văn An');
  });

  it.each(['Nam', 'NAM', 'nam', ' Nam '])('reads sex %j as male', (sex) => {
    expect(ok(parseCccdQr(qr({ sex }), TODAY)).identity.sex).toBe('male');
  });

  it.each(['Nữ', 'NỮ', 'nữ', 'Nữ'.normalize('NFD'), 'NỮ'.normalize('NFD')])('reads sex %j as female', (sex) => {
    const outcome = ok(parseCccdQr(qr({ pin: '001199012345', sex }), TODAY));
    expect(outcome.identity.sex).toBe('female');
    expect(outcome.warnings).toEqual([]);
  });

  it('accepts a 12-digit old CMND number (issued 2012–2016)', () => {
    expect(ok(parseCccdQr(qr({ old: '001099012345' }), TODAY)).identity.oldIdNumber).toBe('001099012345');
  });

  it('accepts empty name, sex and address, as a keyboard-mode scanner delivers them, and omits them', () => {
    expect(ok(parseCccdQr(qr({ name: '', sex: '', address: '' }), TODAY)).identity).toEqual({
      personalNumber: '001099012345',
      oldIdNumber: '123456789',
      birthDate: '1999-03-15',
      issueDate: '2021-08-10',
    });
  });

  it('accepts a card issued on the day of birth and one issued today', () => {
    expect(ok(parseCccdQr(qr({ pin: '001226000001', birth: '01012022', issue: '01012022' }), TODAY)).identity.issueDate).toBe('2022-01-01');
    expect(ok(parseCccdQr(qr({ issue: '01032026' }), TODAY)).identity.issueDate).toBe('2026-03-01');
  });
});

describe('parseCccdQr: cross-checks with the personal number are warnings', () => {
  it('warns when the birth year digits differ', () => {
    expect(ok(parseCccdQr(qr({ birth: '15031998' }), TODAY)).warnings).toEqual([{ code: 'birth-date-mismatch', detail: 'birth-year' }]);
  });

  it('warns when the birth year lies outside the century the number states', () => {
    // 2 = male born 2000–2099, but the card says 1999.
    expect(ok(parseCccdQr(qr({ pin: '001299012345' }), TODAY)).warnings).toEqual([{ code: 'birth-date-mismatch', detail: 'century-sex' }]);
  });

  it('warns when the sex differs', () => {
    const outcome = ok(parseCccdQr(qr({ sex: 'Nữ' }), TODAY));
    expect(outcome.identity.sex).toBe('female');
    expect(outcome.warnings).toEqual([{ code: 'sex-mismatch', detail: 'the number says male' }]);
  });

  it('warns about both when sex and year disagree', () => {
    expect(ok(parseCccdQr(qr({ birth: '15031998', sex: 'Nữ' }), TODAY)).warnings.map((w) => w.code)).toEqual(['birth-date-mismatch', 'sex-mismatch']);
  });

  it('reads a number whose code is outside the province table without a warning (a birth registered abroad)', () => {
    const outcome = ok(parseCccdQr(qr({ pin: '000099012345' }), TODAY));
    expect(outcome.identity.personalNumber).toBe('000099012345');
    expect(outcome.warnings).toEqual([]);
  });
});

describe('parseCccdQr: refusals', () => {
  it.each([
    ['nothing', '', 'empty'],
    ['only whitespace', ' \r\n', 'empty'],
    ['more than 8 KiB', qr({ address: 'Đường '.repeat(2000) }), 'too-long'],
    ['six fields', qr().split('|').slice(0, 6).join('|'), 'qr-field-count'],
    ['a bare personal number', '001099012345', 'qr-field-count'],
    ['comma-separated fields', qr().replaceAll('|', ','), 'qr-field-count'],
    ['an 11-digit personal number', qr({ pin: '00109901234' }), 'qr-bad-number'],
    ['a 13-digit personal number', qr({ pin: '0010990123456' }), 'qr-bad-number'],
    ['a letter O in the personal number', qr({ pin: '001O99012345' }), 'qr-bad-number'],
    ['spaces inside the personal number', qr({ pin: '001 099 012345' }), 'qr-bad-number'],
    ['full-width digits', qr({ pin: '００１０９９０１２３４５' }), 'qr-bad-number'],
    ['an 8-digit old ID number', qr({ old: '12345678' }), 'qr-bad-number'],
    ['a 10-digit old ID number', qr({ old: '1234567890' }), 'qr-bad-number'],
    ['letters in the old ID number', qr({ old: '12345678A' }), 'qr-bad-number'],
    ['31 February', qr({ birth: '31021999' }), 'qr-bad-date'],
    ['29 February 1900', qr({ pin: '001000012345', birth: '29021900' }), 'qr-bad-date'],
    ['month 13', qr({ birth: '15131999' }), 'qr-bad-date'],
    ['day 00', qr({ birth: '00031999' }), 'qr-bad-date'],
    ['a slash-separated date', qr({ birth: '15/03/1999' }), 'qr-bad-date'],
    ['a 7-digit date', qr({ birth: '1531999' }), 'qr-bad-date'],
    ['an empty birth date', qr({ birth: '' }), 'qr-bad-date'],
    ['an empty issue date', qr({ issue: '' }), 'qr-bad-date'],
    ['a birth in the future', qr({ pin: '001226012345', birth: '02032026', issue: '02032026' }), 'qr-bad-date'],
    ['an issue before birth', qr({ issue: '14031999' }), 'qr-bad-date'],
    ['an issue after today', qr({ issue: '02032026' }), 'qr-bad-date'],
    ['sex "Male"', qr({ sex: 'Male' }), 'qr-bad-sex'],
    ['sex "Nu" without its diacritic', qr({ sex: 'Nu' }), 'qr-bad-sex'],
    ['sex "X"', qr({ sex: 'X' }), 'qr-bad-sex'],
  ])('refuses %s as %s', (_, text, problem) => {
    expect(parseCccdQr(text, TODAY)).toEqual({ ok: false, problem });
  });
});

const vietnameseWord = fc
  .array(fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ'), { minLength: 1, maxLength: 7 })
  .map((letters) => letters.join(''));
const vietnameseText = fc.array(vietnameseWord, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

/** A consistent card: the personal number agrees with the birth year and sex. */
const validCard = fc
  .record({
    province: fc.constantFrom(...Object.keys(PROVINCE_CODES)),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-03-01T00:00:00Z'), noInvalidDate: true }),
    daysToIssue: fc.integer({ min: 0, max: 50_000 }),
    female: fc.boolean(),
    serial: fc.stringMatching(/^[0-9]{6}$/),
    old: fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9]{9}$/)),
    name: vietnameseText,
    address: vietnameseText,
  })
  .map(({ province, birth, daysToIssue, female, serial, old, name, address }) => {
    const issue = new Date(Math.min(birth.getTime() + daysToIssue * 86_400_000, Date.parse(`${TODAY}T00:00:00Z`)));
    const year = birth.getUTCFullYear();
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const ddmmyyyy = (d: Date) => iso(d).split('-').reverse().join('');
    const pin = `${province}${(year >= 2000 ? 2 : 0) + (female ? 1 : 0)}${String(year % 100).padStart(2, '0')}${serial}`;
    return {
      text: [pin, old, name, ddmmyyyy(birth), female ? 'Nữ' : 'Nam', address, ddmmyyyy(issue)].join('|'),
      identity: {
        personalNumber: pin,
        ...(old === '' ? {} : { oldIdNumber: old }),
        fullName: name,
        birthDate: iso(birth),
        sex: female ? 'female' : 'male',
        address,
        issueDate: iso(issue),
      },
    };
  });

describe('parseCccdQr: properties', () => {
  it('never throws, whatever the text', () => {
    const pipey = fc.array(fc.constantFrom('|', '0', '1', '9', 'Nam', 'Nữ', ' ', '\n', '31', '12', '2020'), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), pipey), (text) => {
        parseCccdQr(text, TODAY);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back every consistent card without warnings', () => {
    fc.assert(
      fc.property(validCard, ({ text, identity }) => {
        expect(parseCccdQr(text, TODAY)).toEqual({ ok: true, identity, warnings: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('never accepts a truncated payload with a partial identity', () => {
    const withExtra = validCard.chain((card) => fc.constantFrom(card, { ...card, text: `${card.text}|${'9'.repeat(8)}|extra` }));
    fc.assert(
      fc.property(withExtra, fc.nat(), ({ text, identity }, n) => {
        const outcome = parseCccdQr(text.slice(0, n % text.length), TODAY);
        // Only cuts inside the ignored trailing fields keep the whole identity.
        if (outcome.ok) expect(outcome.identity).toEqual(identity);
      }),
      { numRuns: 2000 },
    );
  });
});
