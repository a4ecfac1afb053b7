import type { DossierView } from '../../electron/contract';
import { newSession, type Session } from '../../electron/host/session';
import { encodeHandoff } from '../../electron/security/device-signing';
import { BIRTH_REGISTRATION_VALUES } from '../fixtures/dossier/birth-registration-values';
import { hostCall, hostDeviceKey, openWithChip, type HostWithCentral } from './host-with-central';

/**
 * The counter's usual start: the demo mother prepares and prints the birth registration at a
 * kiosk, the officer scans the print-out's QR and ticks the originals. Returns the draft's id.
 */
export async function printedAndChecked(running: HostWithCentral, officer: Session, values: Record<string, string> = BIRTH_REGISTRATION_VALUES): Promise<string> {
  const call = hostCall(() => running.host);
  const kiosk = newSession('kiosk');
  await openWithChip(call, kiosk);
  await call(kiosk, 'consent.decide', { purpose: 'proactive-services', accept: true });
  const { draft } = await call<DossierView>(kiosk, 'dossier.prepare', { formId: 'birth-registration' });
  const done = await call<DossierView>(kiosk, 'dossier.update', { draftId: draft.id, values });
  await call(kiosk, 'dossier.print', { draftId: draft.id });
  await call(kiosk, 'citizen.close', {});
  const key = hostDeviceKey(running);
  await call(officer, 'counter.openHandoff', { text: encodeHandoff(done.draft, key).text });
  await call(officer, 'counter.checkOriginals', {
    draftId: draft.id,
    attachments: [{ id: 'birthCertificate', seen: true, note: '' }, { id: 'marriageCertificate', seen: true, note: '' }],
    needsSupplement: false,
    supplementNote: '',
  });
  return draft.id;
}
