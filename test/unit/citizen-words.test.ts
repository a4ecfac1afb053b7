import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json';
import vi from '../../renderer/i18n/vi.json';

// What a citizen reads: the Vietnamese catalogue of the screens, the printouts' own words, and
// the reminders, outcomes and forms the app shows. Citizens are "Ông/Bà", never "bạn".
const filesIn = (dir: string, ext: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : []));

const SOURCES = [
  'renderer/i18n/vi.json',
  ...filesIn('electron/print', '.ts'),
  ...filesIn('resources/rules', '.json'),
  ...filesIn('resources/demo/rules', '.json'),
  ...filesIn('resources/catalogue', '.json'),
  ...filesIn('resources/forms', '.json'),
  ...filesIn('renderer/kiosk', '.tsx'),
];

// Every Vietnamese text we write, for the spelling: all of electron/ (errors, CLI, printouts), the
// renderer, the resources. The virtual keyboard's tone rule is about what a citizen types, not ours.
const ALL_WORDS = [
  ...filesIn('electron', '.ts'),
  ...filesIn('renderer', '.ts').filter((f) => !f.endsWith('vietnamese-tones.ts')),
  ...filesIn('renderer', '.tsx'),
  ...filesIn('renderer/i18n', '.json'),
  ...filesIn('resources', '.json'),
];

// One convention, the legal texts' (the national heading itself writes "CỘNG HÒA"; Luật Cư trú
// "xóa đăng ký thường trú"): in an open oa, oe, uy the tone sits on the first vowel — hóa, khỏe,
// thủy, hủy — not on the second (hoá, khoẻ, thuỷ, huỷ). "quý" is q + uy, the same in both.
const SECOND_VOWEL_TONE = /(?<![qQ])(o[áàảãạéèẻẽẹ]|O[ÁÀẢÃẠÉÈẺẼẸ]|u[ýỳỷỹỵ]|U[ÝỲỶỸỴ])(?![\p{L}])/u;
const YOU = /(^|[^\p{L}])bạn(?![\p{L}])/iu;

type Catalogue = { [key: string]: string | Catalogue };
const entries = (c: Catalogue, prefix = ''): [string, string][] =>
  Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : entries(v, `${prefix}${k}.`)));

describe("the citizen's words", () => {
  it.each(SOURCES)('%s says "Ông/Bà", never "bạn"', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => YOU.test(l));
    expect(lines).toEqual([]);
  });

  it.each(ALL_WORDS)('%s writes xóa, hủy, khóa, tùy, hóa (tone on the first vowel of an open oa/oe/uy)', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => SECOND_VOWEL_TONE.test(l));
    expect(lines).toEqual([]);
  });

  it('the spelling check tells the two conventions apart', () => {
    for (const old of ['xoá', 'huỷ', 'khoá', 'tuỳ', 'hoà', 'khoẻ', 'Vô hiệu hoá']) expect(old).toMatch(SECOND_VOWEL_TONE);
    for (const ours of ['xóa', 'hủy', 'khóa', 'tùy', 'hòa', 'khỏe', 'quý', 'hoàn', 'khoảng', 'thuyền']) expect(ours).not.toMatch(SECOND_VOWEL_TONE);
  });

  it('every greeting is "Kính chào Ông/Bà", never a bare "Xin chào"', () => {
    const greetings = entries(vi).filter(([, text]) => /(xin|kính) chào/i.test(text));
    expect(greetings.map(([k]) => k)).toContain('scan.greeting');
    for (const [key, text] of greetings) expect(text, key).toMatch(/^Kính chào Ông\/Bà[ !]/);
  });

  it('no "example" mark, rule id or version in what the kiosk says', () => {
    const kiosk = entries(vi).filter(([k]) => /^(kiosk|kioskUi|consent|scan|identify|reminders|dossier|compare|lookup|catalogue|assurance|phone|print)\./.test(k) && k !== 'dossier.example');
    for (const [key, text] of kiosk) {
      expect(text, key).not.toMatch(/ví dụ|phiên bản|\{\{version\}\}|\{\{ruleId\}\}/i);
    }
  });
});

describe('the English catalogue', () => {
  const viEntries = new Map(entries(vi));
  const enEntries = new Map(entries(en));
  // Names are written as they are: a language's on the switch, the demo citizen's on the chip note.
  const ENDONYMS = new Set(['language.vi', 'chipReaders.demo.note']);
  const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

  it('has the same keys as the Vietnamese one, none empty', () => {
    expect([...enEntries.keys()].sort()).toEqual([...viEntries.keys()].sort());
    for (const [key, text] of enEntries) expect(text.trim(), key).not.toBe('');
  });

  it('has no Vietnamese left in it', () => {
    const left = [...enEntries].filter(([key, text]) => !ENDONYMS.has(key) && VIETNAMESE_LETTER.test(text));
    expect(left).toEqual([]);
  });
});
