// One citizen's turn at a kiosk, over browser mode as the renderer makes it: identify with the
// card, consent, reminders, prepare a dossier and fill what it asks for, print it (the PDF comes
// back to the screen: no printer is chosen), then finish, which wipes the turn. Every answer is
// checked; a wrong one throws.
import type { DossierView, PrintedDocument } from '../../electron/contract';
import { encodeHandoff, loadOrCreateDeviceKey } from '../../electron/security/device-signing';
import { BIRTH_REGISTRATION_VALUES } from '../fixtures/dossier/birth-registration-values';
import { ChannelError, type BrowserModeClient } from '../support/browser-mode-client';
import { DEMO_MOTHER } from '../support/host-with-central';

interface DemoCitizen {
  card: { personalNumber: string; birthDate: string; cardIssueDate: string; source: 'card'; fullName?: string };
  /** The dossier this citizen prints, opened from one of their reminders, and what they type into it. */
  formId: string;
  values: Record<string, string>;
}

/** The demo centre's citizens (test/support/central-sim/proactive-profiles.ts), in turn. */
export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  { card: DEMO_MOTHER, formId: 'birth-registration', values: BIRTH_REGISTRATION_VALUES },
  {
    // The man on the keyboard-mode recording: no name from the card, his ID card is due for renewal.
    card: { personalNumber: '001099012345', birthDate: '1999-05-01', cardIssueDate: '2021-10-10', source: 'card' },
    formId: 'id-card-cc01',
    values: {
      'request.kind': 'renew',
      'person.placeOfBirth': 'Thành phố Hà Nội',
      'person.placeOfOrigin': 'Xã Phù Đổng, Huyện Gia Lâm, Thành phố Hà Nội',
      'person.currentAddress': 'Số 1 Bến Nghé, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh',
    },
  },
];

/** Any Ed25519 key sizes a hand-off as the kiosk's own does: the key id and the signature have fixed lengths. */
const SIZING_KEY = (() => {
  const store = new Map<string, string>();
  return loadOrCreateDeviceKey({ get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) });
})();

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

interface Reminders {
  identity: { personalNumber: string };
  usedCentral: boolean;
  reminders: { formId: string | null }[];
}

/** Serves one citizen from start to wipe; returns the printed PDF's size in bytes. */
export async function kioskSession(kiosk: BrowserModeClient, citizen: DemoCitizen): Promise<number> {
  const { card } = citizen;
  const opened = await kiosk.call<{ identity: { personalNumber: string } }>('citizen.open', card);
  check(opened.identity.personalNumber === card.personalNumber, 'citizen.open: another citizen');
  await kiosk.call('consent.notice', { purpose: 'proactive-services' });
  // The card's QR releases nothing from the centre: the citizen confirms with the code the demo centre sent to the phone.
  await kiosk.call('identity.challenge');
  const { messages } = await kiosk.call<{ messages: { code: string }[] }>('identity.demoPhone');
  const confirmed = await kiosk.call<{ assurance: string }>('identity.confirm', { code: messages.at(-1)?.code ?? '' });
  check(confirmed.assurance === 'holder-confirmed', `identity.confirm: ${confirmed.assurance}`);
  const consent = await kiosk.call<{ accepted: boolean; profile: string }>('consent.decide', { purpose: 'proactive-services', accept: true });
  check(consent.accepted && consent.profile === 'loaded', `consent.decide: profile ${consent.profile}`);

  const { reminders, usedCentral } = await kiosk.call<Reminders>('proactive.reminders');
  const forms = new Set(reminders.map((r) => r.formId));
  check(usedCentral && forms.has(citizen.formId), `proactive.reminders: no reminder opens ${citizen.formId}`);
  // A second dossier the citizen starts and walks away from: the wipe must erase it.
  const abandoned = [...forms].find((f) => f !== null && f !== citizen.formId);
  if (abandoned) await kiosk.call('dossier.prepare', { formId: abandoned });

  const { draft } = await kiosk.call<DossierView>('dossier.prepare', { formId: citizen.formId });
  // The child's birth date comes from the centre's record where it has one; else the citizen types it (the story's: 12 days ago).
  const childBorn = draft.fields['child.birthDate'];
  const values = childBorn && childBorn.value === null ? { ...citizen.values, 'child.birthDate': new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10) } : citizen.values;
  const filled = await kiosk.call<DossierView>('dossier.update', { draftId: draft.id, values });
  check(filled.missing.length === 0, `dossier.update: still missing ${filled.missing.join(', ')}`);
  const printed = await kiosk.call<PrintedDocument>('dossier.print', { draftId: draft.id });
  const pdf = Buffer.from(printed.pdfBase64, 'base64');
  check(pdf.subarray(0, 5).toString('latin1') === '%PDF-' && printed.pages >= 1 && printed.print === undefined, 'dossier.print: not a PDF for the screen');

  // The wipe erases the abandoned draft, and the printed one when its QR carries it whole.
  const wholeInQr = encodeHandoff(filled.draft, SIZING_KEY).kind === 'draft';
  const { erasedDrafts } = await kiosk.call<{ erasedDrafts: number }>('citizen.close');
  check(erasedDrafts === (abandoned ? 1 : 0) + (wholeInQr ? 1 : 0), `citizen.close: erased ${erasedDrafts} drafts`);
  // Wiped: the session no longer knows anyone.
  const after = await kiosk.call('proactive.reminders').then(
    () => 'answered',
    (error: unknown) => (error instanceof ChannelError ? error.error.code : String(error)),
  );
  check(after === 'NO_CITIZEN', `proactive.reminders after the wipe: ${after}`);
  return pdf.length;
}
