/**
 * The counter's keys, shown on the buttons they press. Alt+letter for actions on the dossier
 * (the letter of the Vietnamese verb: Gửi, Lưu, In biên nhận …), Alt+digit for the context tabs,
 * F-keys to jump to the three places work starts (citizen, procedure, scan).
 */
export const SHORTCUTS = {
  citizen: 'F2',
  procedure: 'F3',
  scan: 'F4',
  nextCitizen: 'Alt+N',
  attest: 'Alt+K',
  consent: 'Alt+D',
  save: 'Alt+L',
  submit: 'Alt+G',
  receipt: 'Alt+B',
} as const;

/** Whether a key press is `shortcut` ("Alt+G", "F2", "Alt+3"): the letter case and the keyboard's layout do not matter. */
export function matchesShortcut(e: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.at(-1)!;
  const alt = parts.includes('Alt');
  if (e.altKey !== alt || e.ctrlKey || e.metaKey) return false;
  if (/^F\d{1,2}$/.test(key)) return e.key === key;
  // With Alt held, some layouts change e.key (macOS: Alt+G is ©): the physical key decides.
  return e.key.toUpperCase() === key.toUpperCase() || e.code === (/^\d$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`);
}
