import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesShortcut, SHORTCUTS } from '../../renderer/counter/shortcuts';

const key = (key: string, code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({ key, code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('counter shortcuts', () => {
  it('Alt+letter by the letter or the physical key (a layout that turns Alt+G into another character still submits)', () => {
    expect(matchesShortcut(key('g', 'KeyG', { altKey: true }), 'Alt+G')).toBe(true);
    expect(matchesShortcut(key('G', 'KeyG', { altKey: true, shiftKey: true }), 'Alt+G')).toBe(true);
    expect(matchesShortcut(key('©', 'KeyG', { altKey: true }), 'Alt+G')).toBe(true);
    expect(matchesShortcut(key('3', 'Digit3', { altKey: true }), 'Alt+3')).toBe(true);
  });

  it('never fires without Alt, with Ctrl or Meta, or for typing the letter into a field', () => {
    expect(matchesShortcut(key('g', 'KeyG'), 'Alt+G')).toBe(false);
    expect(matchesShortcut(key('g', 'KeyG', { altKey: true, ctrlKey: true }), 'Alt+G')).toBe(false);
    expect(matchesShortcut(key('F2', 'F2', { altKey: true }), 'F2')).toBe(false);
    expect(matchesShortcut(key('F2', 'F2'), 'F2')).toBe(true);
  });

  it('no two actions share a key, and no plain printable key is a shortcut (it would steal typing)', () => {
    const keys = Object.values(SHORTCUTS);
    expect(new Set(keys).size).toBe(keys.length);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 1 }), (ch) => keys.every((s) => !matchesShortcut(key(ch, `Key${ch.toUpperCase()}`), s))),
    );
  });
});
