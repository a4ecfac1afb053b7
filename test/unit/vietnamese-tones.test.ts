import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTone, TONES } from '../../renderer/components/vietnamese-tones';

describe('tone marks typed after the letters', () => {
  it.each([
    ['Trân', 'grave', 'Trần'],
    ['Nguyên', 'tilde', 'Nguyễn'],
    ['Trương', 'grave', 'Trường'],
    ['Quôc', 'acute', 'Quốc'],
    ['Viêt', 'dot', 'Việt'],
    ['Thuy', 'hook', 'Thuỷ'],
    ['Hoa', 'grave', 'Hoà'],
    ['mia', 'acute', 'mía'],
    ['Gia', 'acute', 'Giá'],
    ['Minh Anh', 'acute', 'Minh Ánh'],
    ['Bênh viên', 'dot', 'Bênh viện'],
    ['khuya', 'grave', 'khuỳa'],
  ] as const)('%s + %s → %s', (text, tone, expected) => {
    expect(applyTone(text, tone)).toBe(expected);
  });

  it('another mark replaces the first; the same mark again takes it off', () => {
    expect(applyTone('Trần', 'acute')).toBe('Trấn');
    expect(applyTone('Trần', 'grave')).toBe('Trân');
  });

  it('leaves a word without a vowel, and an empty text, as they are', () => {
    expect(applyTone('Số 12', 'acute')).toBe('Số 12');
    expect(applyTone('', 'dot')).toBe('');
    expect(applyTone('Tr', 'dot')).toBe('Tr');
  });

  it('never changes anything but the last word, and a mark twice is the word without marks', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zăâđêôơư ]{0,12}$/), fc.constantFrom(...TONES), (text, tone) => {
        const once = applyTone(text, tone);
        const lastSpace = text.lastIndexOf(' ');
        expect(once.slice(0, lastSpace + 1)).toBe(text.slice(0, lastSpace + 1));
        expect([...once].length).toBe([...text].length);
        expect(applyTone(once, tone)).toBe(text);
      }),
    );
  });
});
