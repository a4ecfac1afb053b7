import type { KioskOptions } from '../../electron/contract';
import { BIRTH_REGISTRATION_VALUES } from '../fixtures/dossier/birth-registration-values';

// What the power-loss writer (crash-writer.ts) and the test's model of the database share: the
// kinds of writes, the ops a writer announces, and the values an op writes, derived from `k` only.

export type CrashKind = 'drafts' | 'consent' | 'counter' | 'accounts' | 'settings' | 'audit' | 'outbox' | 'devices' | 'case-index' | 'migrations' | 'restore';

/** One write: what it is, and `k`, the number that makes its values unique. */
export interface CrashOp {
  op: string;
  k: number;
}

export interface WriterContext {
  /** The folder of the database (`motcua.db`) and of its key file. */
  dir: string;
  /** The first `k` this writer uses: earlier writers used those below. */
  first: number;
  ready(): void;
  /** Announces `op`, runs its write, then says it committed. */
  step(op: CrashOp, write: () => unknown): Promise<void>;
}

export type Writer = (ctx: WriterContext) => Promise<void>;

export const DB_FILE = 'motcua.db';

/** A child's name that says which cycle wrote it ("Trần Minh Bca" for 1 2 0 …): letters only, as a name must be. */
export function childName(k: number): string {
  const letters = [...String(k)].map((d) => 'abcdefghij'[Number(d)]).join('');
  return `Trần Minh ${letters[0]!.toUpperCase()}${letters.slice(1)}`;
}

/** What the mother types in with no centre to fill in her profile: the form's open fields, the child named after `k`. */
export const draftValues = (k: number) => ({
  ...BIRTH_REGISTRATION_VALUES,
  'applicant.residence': '12 Lê Lợi, Phường Bến Nghé, Thành phố Hồ Chí Minh',
  'mother.ethnicity': 'Kinh',
  'mother.nationality': 'Việt Nam',
  'mother.permanentAddress': '12 Lê Lợi, Phường Bến Nghé, Thành phố Hồ Chí Minh',
  'child.birthDate': '2026-11-11',
  'child.fullName': childName(k),
});

/**
 * Which kiosk dossiers the drafts writer prints, and how: every other one, alternately whole in its
 * QR (the turn's end deletes it) and too large for one QR (a reference: kept for the counter).
 */
export const printedAs = (k: number): 'qr' | 'reference' | null => (k % 4 === 0 ? 'qr' : k % 4 === 2 ? 'reference' : null);

export const kioskOptionsFor = (k: number): KioskOptions => ({
  role: k % 2 === 0 ? 'kiosk' : 'counter',
  idleSeconds: 30 + (k % 500),
  defaultLanguage: k % 3 === 0 ? 'en' : 'vi',
  centreName: { vi: `Trung tâm số ${k}`, en: `Centre number ${k}` },
  openingHours: { vi: `Mở cửa lần ${k}`, en: `Opening ${k}` },
  saturdayMorning: k % 2 === 1,
});

export const secretFor = (k: number) => `device-token-${k}`;
