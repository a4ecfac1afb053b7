import type { DeviceProfile, DeviceRole, DeviceView, ScanResult } from '../../electron/contract';

export const ROLES: readonly DeviceRole[] = ['id-reader', 'barcode-scanner', 'none'];
export const MODES: readonly DeviceProfile['mode'][] = ['keyboard', 'pos'];
export const LAYOUTS: readonly DeviceProfile['layout'][] = ['us'];
export const SUFFIXES: readonly DeviceProfile['suffix'][] = ['enter', 'tab', 'none'];
export const GAP_MIN = 10;
export const GAP_MAX = 2000;

/** USB ids as the OS tools print them: four lower-case hex digits. */
export const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** What the form edits: the gap stays text until it is saved, so it can be typed freely. */
export interface Draft {
  role: DeviceRole;
  mode: DeviceProfile['mode'];
  layout: DeviceProfile['layout'];
  suffix: DeviceProfile['suffix'];
  gap: string;
}

export const draftOf = (d: DeviceView): Draft => ({
  role: d.role,
  mode: d.profile.mode,
  layout: d.profile.layout,
  suffix: d.profile.suffix,
  gap: String(d.profile.interKeyGapMs),
});

/** The profile to save, or null when the gap is not a whole number in range. */
export function profileOf(draft: Draft): DeviceProfile | null {
  const gap = Number(draft.gap);
  if (!/^\d+$/.test(draft.gap.trim()) || gap < GAP_MIN || gap > GAP_MAX) return null;
  return { mode: draft.mode, layout: draft.layout, suffix: draft.suffix, interKeyGapMs: gap };
}

/** One line of the live test: a report as hex, or a decoded scan. */
export interface LiveEntry<T> {
  id: number;
  at: number;
  value: T;
}

export interface LiveLog {
  raw: LiveEntry<string>[];
  results: LiveEntry<ScanResult>[];
}

export const RAW_LINES = 50;
export const RESULT_LINES = 20;
export const emptyLog = (): LiveLog => ({ raw: [], results: [] });
