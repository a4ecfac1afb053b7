import { randomBytes } from 'node:crypto';
import type { DossierDraft, DossierView } from '../../electron/contract';
import { newSession, type Session } from '../../electron/host/session';
import { BIRTH_REGISTRATION_VALUES } from '../fixtures/dossier/birth-registration-values';
import { openWithChip } from './host-with-central';

type Call = <T>(session: Session, channel: string, input: unknown) => Promise<T>;

export interface KioskPrintOut {
  /** The dossier as printed. */
  draft: DossierDraft;
  pdf: Buffer;
  pages: number;
  /** What citizen.close answered; null when the turn was left going. */
  erasedDrafts: number | null;
}

export interface KioskPrintOptions {
  /** 'reference': too large for one QR code. */
  size?: 'qr' | 'reference';
  session?: Session;
  /** Whether the citizen finishes (citizen.close) after printing. */
  finish?: boolean;
}

/**
 * Correction requests on three of the prefilled (locked) fields, with notes that do not compress:
 * the dossier no longer fits one QR code, so its print-out carries a reference to this machine's copy.
 */
export const referenceSized = (draft: DossierDraft) =>
  Object.entries(draft.fields)
    .filter(([, field]) => field.locked)
    .slice(0, 3)
    .map(([fieldId]) => ({ fieldId, requestedValue: null, note: randomBytes(360).toString('base64url') }));

/**
 * A citizen's turn at a kiosk (or a counter, given an officer's session): the demo mother identified
 * by her card, consent given, the birth registration prepared, filled in and printed, then finish.
 */
export async function kioskPrintsDossier(call: Call, { size = 'qr', session: kiosk = newSession('kiosk'), finish = true }: KioskPrintOptions = {}): Promise<KioskPrintOut> {
  await openWithChip(call, kiosk);
  await call(kiosk, 'consent.decide', { purpose: 'proactive-services', accept: true });
  const prepared = await call<DossierView>(kiosk, 'dossier.prepare', { formId: 'birth-registration' });
  const corrections = size === 'reference' ? referenceSized(prepared.draft) : [];
  const { draft } = await call<DossierView>(kiosk, 'dossier.update', { draftId: prepared.draft.id, values: BIRTH_REGISTRATION_VALUES, corrections });
  const printed = await call<{ pdfBase64: string; pages: number }>(kiosk, 'dossier.print', { draftId: draft.id });
  const erasedDrafts = finish ? (await call<{ erasedDrafts: number }>(kiosk, 'citizen.close', {})).erasedDrafts : null;
  return { draft, pdf: Buffer.from(printed.pdfBase64, 'base64'), pages: printed.pages, erasedDrafts };
}
