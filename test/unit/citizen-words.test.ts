import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What a citizen reads: the Vietnamese catalogue of the screens, the printouts' own words, and
// the reminders, outcomes and forms the app shows. Citizens are "Ông/Bà", never "bạn"; one
// spelling convention, the legal texts' (xóa, hủy, khóa, tùy).
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

const OLD_SPELLINGS = /xoá|huỷ|khoá|tuỳ/i;
const YOU = /(^|[^\p{L}])bạn(?![\p{L}])/iu;

describe("the citizen's words", () => {
  it.each(SOURCES)('%s says "Ông/Bà", never "bạn"', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => YOU.test(l));
    expect(lines).toEqual([]);
  });

  it.each(SOURCES)('%s writes xóa, hủy, khóa, tùy', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => OLD_SPELLINGS.test(l));
    expect(lines).toEqual([]);
  });

  it('the kiosk greets politely, and the English catalogue has every key the Vietnamese one has', () => {
    const vi = JSON.parse(readFileSync('renderer/i18n/vi.json', 'utf8')) as Record<string, unknown>;
    const en = JSON.parse(readFileSync('renderer/i18n/en.json', 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(vi)).toContain('Kính chào Ông/Bà!');
    const keys = (o: unknown, prefix = ''): string[] =>
      typeof o === 'object' && o !== null ? Object.entries(o).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix];
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });
});
