import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json';
import vi from '../../renderer/i18n/vi.json';

type Catalogue = { [key: string]: string | Catalogue };

function entries(catalogue: Catalogue, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : entries(v, `${prefix}${k}.`)));
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  const viEntries = new Map(entries(vi));
  const enEntries = new Map(entries(en));

  it('have the same keys in Vietnamese and English', () => {
    expect([...enEntries.keys()].sort()).toEqual([...viEntries.keys()].sort());
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of viEntries) {
      expect(text.trim(), key).not.toBe('');
      expect(enEntries.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(enEntries.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('write Vietnamese with its diacritics', () => {
    expect(viEntries.get('kioskUi.attract.scan')).toBe('Quét căn cước công dân');
    expect([...viEntries.values()].join(' ')).toMatch(/[ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữự]/);
  });
});
