import { z } from 'zod';
import type { Result } from './errors';
import type { EventName, EventPayload } from './events';
import type { Role } from './roles';
import { scanResult, scanText } from './scan';
import { consentDecision, consentNotice, consentPurpose } from './consent';
import { dossierEdit, dossierView, linkedDossierView } from './dossier';
import { comparison, comparisonRequest } from './recommend';
import { procedureQuery, procedureResults } from './procedures';
import { localizedText } from './localized';
import { applicant, attentionItem, caseDetail, caseHit, counterDossier, dueEntry, originalsReview, publicCaseStatus, receiptCode, submissionView } from './counter';
import { accountView, bootstrapAccount, loginInput, loginResult, newAccount, passwordReset, username } from './accounts';
import { ruleReminder } from './profile';
import { kioskOptions } from './kiosk-options';
import { documentKind, keptDocumentView, printersOverview, printOutcome, reprintId } from './printing';
import { type AssuranceLevel, assuranceLevel, assuranceView, challengeAnswer, challengeStatus, chipFace, chipKeyInput, demoPhoneMessage, holderChallenge } from './identity';
import { chipReaderName, chipReadersOverview, chipReaderTest } from './chip-readers';
import { centralConfigure, centralRegister, centralStatus, centralTestResult } from './central';
import { queueChannels } from './queue';
import { oneStopRequest } from './one-stop';
import { appInfo, citizenQuery, deviceProfile, deviceRole, devicesOverview, deviceView, doctorReport, identity, printedDocument, syncStatus } from './schemas';

/** Why personal data is used, recorded in the audit log with every call. */
export interface PersonalDataUse {
  purpose: string;
  legalBasis: string;
  /**
   * Where the personal number of the person concerned is found (recorded as a keyed hash);
   * `session` means the citizen this session is serving.
   */
  subject: { from: 'input' | 'output' | 'session'; path: readonly string[] };
  /** The assurance a channel's subject always has (a card scan: its QR); otherwise the session's turn's. */
  assurance?: AssuranceLevel;
}

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  roles: readonly Role[];
  personalData: PersonalDataUse | false;
}

const channel = <I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>) => def;
const none = z.object({}).strict();
const ALL: readonly Role[] = ['kiosk', 'officer', 'technician'];
const SERVES_CITIZENS: readonly Role[] = ['kiosk', 'officer'];
const TECHNICIAN: readonly Role[] = ['technician'];
export const IDENTIFICATION: PersonalDataUse = {
  purpose: 'identify-citizen',
  legalBasis: 'Luật Căn cước 2023 (26/2023/QH15); Luật Bảo vệ dữ liệu cá nhân 2025 (91/2025/QH15)',
  subject: { from: 'input', path: ['personalNumber'] },
};

/** Reading the central profile, reminding and preparing dossiers: on the citizen's consent or the card alone. */
const PROACTIVE: PersonalDataUse = {
  purpose: 'proactive-services',
  legalBasis: 'Luật Bảo vệ dữ liệu cá nhân 2025 (91/2025/QH15): sự đồng ý của chủ thể dữ liệu; Luật Căn cước 2023 (26/2023/QH15)',
  subject: { from: 'session', path: [] },
};

/** The citizen a kiosk or counter session serves, from their card or typed number and birth date. */
const citizenOpen = citizenQuery
  .extend({
    /** As read from the card (not in keyboard mode, which loses the diacritics). */
    fullName: z.string().trim().min(1).max(200).optional(),
    address: z.string().trim().min(1).max(300).optional(),
    source: z.enum(['card', 'typed']),
  })
  .strict();
const citizenReminderList = z.object({
  identity,
  fullName: z.string().nullable(),
  today: z.string(),
  /**
   * `formId`: the form a "prepare the dossier" button opens; `outcomeId`: the outcome whose ways
   * a "compare the options" button shows; each when the procedure has one. `linked`: the procedure is
   * a bundle of linked procedures, so "prepare" opens all their forms as one dossier (dossier.prepareLinked).
   */
  reminders: z.array(ruleReminder.extend({ formId: z.string().nullable(), outcomeId: z.string().nullable(), linked: z.boolean() })),
  /** Whether the central profile (given by consent) was used beside the card. */
  usedCentral: z.boolean(),
  assurance: assuranceLevel,
});
/** Proving who the citizen is, so the centre may release more than the card-only service. */
const IDENTITY_PROOF: PersonalDataUse = { ...IDENTIFICATION, subject: { from: 'session', path: [] } };
const opened = z.object({ identity, fullName: z.string().nullable(), assurance: assuranceLevel });
const draftRef = z.object({ draftId: z.string().max(64) }).strict();
/** Receiving a dossier at the counter and looking up cases: the one-stop mechanism. */
const COUNTER: PersonalDataUse = {
  purpose: 'receive-dossier',
  legalBasis: 'Nghị định 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông',
  subject: { from: 'output', path: ['applicant', 'personalNumber'] },
};
const COUNTER_LIST: PersonalDataUse = { ...COUNTER, subject: { from: 'session', path: [] } };
const OFFICER: readonly Role[] = ['officer'];
const submissionRef = z.object({ submissionId: z.number().int().positive() }).strict();
/** A submission by its id, or by the reference on its provisional receipt. */
const submissionLookup = z.union([submissionRef, z.object({ reference: receiptCode }).strict()]);
const submissionOutput = submissionView.extend({ applicant });

/** The one list of channels. Transports register exactly these; the router dispatches them. */
export const channels = {
  'app.info': channel({ input: none, output: appInfo, roles: ALL, personalData: false }),
  'session.get': channel({
    input: none,
    /** `displayName`: the signed-in account's, when the session has one. */
    output: z.object({ role: z.enum(['kiosk', 'officer', 'technician']), displayName: z.string().optional() }),
    roles: ALL,
    personalData: false,
  }),
  'session.unlockTechnician': channel({
    input: z.object({ pin: z.string().regex(/^\d{4,12}$/) }).strict(),
    output: z.object({ role: z.enum(['kiosk', 'officer', 'technician']) }),
    roles: ALL,
    personalData: false,
  }),
  'session.lock': channel({ input: none, output: z.object({ role: z.enum(['kiosk', 'officer', 'technician']) }), roles: ALL, personalData: false }),
  /** Officer or technician account sign-in; one refusal (AUTH_FAILED) for an unknown user and a wrong password. */
  'auth.login': channel({ input: loginInput, output: loginResult, roles: ALL, personalData: false }),
  'auth.logout': channel({ input: none, output: z.object({ role: z.literal('kiosk') }), roles: ALL, personalData: false }),
  /** Whether this machine still needs its first technician account (the first-start screen). */
  'accounts.status': channel({ input: none, output: z.object({ needsBootstrap: z.boolean() }), roles: ALL, personalData: false }),
  /** Creates the first technician; refused as soon as one exists. */
  'accounts.bootstrap': channel({ input: bootstrapAccount, output: accountView, roles: ALL, personalData: false }),
  'accounts.list': channel({ input: none, output: z.object({ accounts: z.array(accountView) }), roles: TECHNICIAN, personalData: false }),
  'accounts.create': channel({ input: newAccount, output: accountView, roles: TECHNICIAN, personalData: false }),
  'accounts.disable': channel({ input: z.object({ username }).strict(), output: accountView, roles: TECHNICIAN, personalData: false }),
  'accounts.enable': channel({ input: z.object({ username }).strict(), output: accountView, roles: TECHNICIAN, personalData: false }),
  /** Lifts a lock-out after too many wrong passwords. */
  'accounts.unlock': channel({ input: z.object({ username }).strict(), output: accountView, roles: TECHNICIAN, personalData: false }),
  'accounts.resetPassword': channel({ input: passwordReset, output: accountView, roles: TECHNICIAN, personalData: false }),
  'citizen.open': channel({ input: citizenOpen, output: opened, roles: SERVES_CITIZENS, personalData: IDENTIFICATION }),
  /** Asks the centre to send a one-time code to the citizen's registered phone (holder-confirmed). */
  'identity.challenge': channel({ input: none, output: holderChallenge, roles: SERVES_CITIZENS, personalData: IDENTITY_PROOF }),
  /** With the code the citizen read, or without one to ask whether they approved in the e-ID app. */
  'identity.confirm': channel({ input: challengeAnswer, output: z.object({ status: challengeStatus, assurance: assuranceLevel }), roles: SERVES_CITIZENS, personalData: IDENTITY_PROOF }),
  /** The signed-in officer declares they checked the original card (officer-attested; audited with their account). */
  'identity.attest': channel({ input: z.object({ checkedOriginal: z.literal(true) }).strict(), output: assuranceView, roles: OFFICER, personalData: IDENTITY_PROOF }),
  /** Reads and verifies the card's chip on the reader (chip). */
  'identity.readChip': channel({ input: chipKeyInput, output: opened, roles: SERVES_CITIZENS, personalData: IDENTITY_PROOF }),
  /** The portrait on the chip, for the officer to compare with the person at the counter; JPEG 2000 is refused calmly (CHIP_FACE_JPEG2000). */
  'identity.chipFace': channel({ input: chipKeyInput, output: chipFace, roles: OFFICER, personalData: IDENTITY_PROOF }),
  /** Demo mode only: what the demo centre's "phone" of this citizen received. */
  'identity.demoPhone': channel({ input: none, output: z.object({ messages: z.array(demoPhoneMessage) }), roles: SERVES_CITIZENS, personalData: IDENTITY_PROOF }),
  /** Ends the citizen's turn (electron/host/citizen-turn.ts): the profile and unprinted, unsubmitted drafts are erased; at a kiosk also its consents and the dossiers printed whole in their QR. */
  'citizen.close': channel({ input: none, output: z.object({ erasedDrafts: z.number().int() }), roles: SERVES_CITIZENS, personalData: false }),
  'consent.notice': channel({ input: z.object({ purpose: consentPurpose }).strict(), output: consentNotice, roles: SERVES_CITIZENS, personalData: false }),
  'consent.decide': channel({
    input: z.object({ purpose: consentPurpose, accept: z.boolean() }).strict(),
    output: consentDecision,
    roles: SERVES_CITIZENS,
    personalData: PROACTIVE,
  }),
  'proactive.reminders': channel({ input: none, output: citizenReminderList, roles: SERVES_CITIZENS, personalData: PROACTIVE }),
  'print.reminders': channel({ input: z.object({ paper: z.enum(['80mm', 'a4']) }).strict(), output: printedDocument, roles: SERVES_CITIZENS, personalData: PROACTIVE }),
  /** The forms this machine can prepare (bundled and synced), for the counter's picker. */
  'dossier.forms': channel({
    input: none,
    output: z.object({ forms: z.array(z.object({ formId: z.string(), procedureCode: z.string(), title: localizedText })) }),
    roles: SERVES_CITIZENS,
    personalData: false,
  }),
  /** `procedureCode`: the procedure the dossier is filed for, when the form serves several (CT01); the form's own otherwise. */
  'dossier.prepare': channel({
    input: z.object({ formId: z.string().max(64), procedureCode: z.string().min(1).max(64).optional() }).strict(),
    output: dossierView,
    roles: SERVES_CITIZENS,
    personalData: PROACTIVE,
  }),
  /** Values typed by the citizen or officer; a locked field is refused, its correction request is not. */
  'dossier.update': channel({ input: dossierEdit, output: dossierView, roles: SERVES_CITIZENS, personalData: PROACTIVE }),
  'dossier.print': channel({ input: draftRef, output: printedDocument, roles: SERVES_CITIZENS, personalData: PROACTIVE }),
  /** A linked bundle's procedures (a reminder's `procedureCode`), each form prepared like `dossier.prepare`. */
  'dossier.prepareLinked': channel({
    input: z.object({ procedureCode: z.string().max(64) }).strict(),
    output: linkedDossierView,
    roles: SERVES_CITIZENS,
    personalData: PROACTIVE,
  }),
  /** The linked dossier's drafts printed as one document, each form with its own hand-off QR for the counter. */
  'dossier.printLinked': channel({
    input: z.object({ draftIds: z.array(z.string().max(64)).min(2).max(5) }).strict(),
    output: printedDocument,
    roles: SERVES_CITIZENS,
    personalData: PROACTIVE,
  }),
  'recommend.outcomes': channel({
    input: none,
    output: z.object({ outcomes: z.array(z.object({ id: z.string(), title: localizedText })) }),
    roles: SERVES_CITIZENS,
    personalData: false,
  }),
  /** The kiosk's procedure catalogue: search with or without accents, or browse by life event; nothing personal. */
  'procedures.search': channel({ input: procedureQuery, output: procedureResults, roles: SERVES_CITIZENS, personalData: false }),
  /** Level 3: every option for an outcome, ranked for the citizen this session serves (or anyone, before identification). */
  'recommend.compare': channel({ input: comparisonRequest, output: comparison, roles: SERVES_CITIZENS, personalData: PROACTIVE }),
  'print.comparison': channel({ input: comparisonRequest, output: printedDocument, roles: SERVES_CITIZENS, personalData: PROACTIVE }),
  'scan.classify': channel({
    input: scanText,
    output: scanResult,
    roles: SERVES_CITIZENS,
    personalData: { ...IDENTIFICATION, subject: { from: 'output', path: ['identity', 'personalNumber'] }, assurance: 'qr' },
  }),
  'devices.list': channel({ input: none, output: devicesOverview, roles: TECHNICIAN, personalData: false }),
  'devices.assign': channel({
    input: z.object({ key: z.string().max(200), role: deviceRole, profile: deviceProfile }).strict(),
    output: deviceView,
    roles: TECHNICIAN,
    personalData: false,
  }),
  /** Live test: raw reports and decoded results of this device go to technician screens. */
  'devices.test': channel({
    input: z.object({ key: z.string().max(200), on: z.boolean() }).strict(),
    output: deviceView,
    roles: TECHNICIAN,
    personalData: false,
  }),
  /** Test without hardware: plugs a recorded device that replays its stream. */
  'devices.replay': channel({ input: z.object({ name: z.string().max(100) }).strict(), output: deviceView, roles: TECHNICIAN, personalData: false }),
  /** The ID card chip readers (PC/SC) with a card on them or not; and, in demo mode, the demo card's control. */
  'devices.chipReaders': channel({ input: none, output: chipReadersOverview, roles: TECHNICIAN, personalData: false }),
  /** Live test of a chip reader: the card's ATR and its answer to SELECT eMRTD, no key and no data group read. */
  'devices.chipTest': channel({ input: z.object({ reader: chipReaderName }).strict(), output: chipReaderTest, roles: TECHNICIAN, personalData: false }),
  /** Demo mode only: puts the demo card (the virtual chip, on vpcd) on the reader or takes it off; refused elsewhere. */
  'devices.demoCard': channel({ input: z.object({ present: z.boolean() }).strict(), output: z.object({ present: z.boolean() }), roles: TECHNICIAN, personalData: false }),
  'sync.status': channel({ input: none, output: syncStatus, roles: ALL, personalData: false }),
  /** Pull now instead of waiting for the next period (after a cable is plugged back, say). */
  'sync.now': channel({ input: none, output: syncStatus, roles: ['officer', 'technician'], personalData: false }),
  'diagnostics.doctor': channel({ input: none, output: doctorReport, roles: TECHNICIAN, personalData: false }),
  /** A kiosk print-out's QR: verified offline with the trusted kiosk keys, then opened for this officer. */
  'counter.openHandoff': channel({ input: z.object({ text: z.string().max(4096) }).strict(), output: counterDossier, roles: OFFICER, personalData: COUNTER }),
  /** The originals seen, per attachment, and whether the dossier needs supplementing. */
  'counter.checkOriginals': channel({ input: originalsReview.extend({ draftId: z.string().max(64) }).strict(), output: counterDossier, roles: OFFICER, personalData: COUNTER }),
  /** Into the outbox (works offline); the receipt code arrives when the centre acknowledges. */
  'counter.submit': channel({ input: draftRef, output: submissionOutput, roles: OFFICER, personalData: COUNTER }),
  'counter.submission': channel({ input: submissionLookup, output: submissionOutput, roles: OFFICER, personalData: COUNTER }),
  /** Submissions the centre refused, waiting for an officer: "Cần xử lý". */
  'counter.attention': channel({ input: none, output: z.object({ items: z.array(attentionItem) }), roles: OFFICER, personalData: COUNTER_LIST }),
  /** Opens a refused dossier for correction in this officer's session; submitting it again makes a new submission. */
  'counter.correct': channel({ input: submissionRef, output: counterDossier, roles: OFFICER, personalData: COUNTER }),
  /** Sends a refused submission again, unchanged and under its own key, once the centre has fixed the problem. */
  'counter.sendAgain': channel({ input: submissionRef, output: submissionOutput, roles: OFFICER, personalData: COUNTER }),
  'print.receipt': channel({ input: submissionRef, output: printedDocument.extend({ applicant }), roles: OFFICER, personalData: COUNTER }),
  /** A one-stop document for a dossier this officer holds, from its data (supplement, refusal, apology, control sheet). */
  'print.oneStop': channel({ input: oneStopRequest, output: printedDocument.extend({ applicant }), roles: OFFICER, personalData: COUNTER }),
  /** This machine's kiosk signing key, for the counters of the centre to trust. */
  'kiosk.publicKey': channel({ input: none, output: z.object({ pem: z.string(), keyId: z.string() }), roles: TECHNICIAN, personalData: false }),
  'kiosk.trustKey': channel({ input: z.object({ pem: z.string().max(2000) }).strict(), output: z.object({ keyIds: z.array(z.string()) }), roles: TECHNICIAN, personalData: false }),
  /** What the kiosk screens show and how long they wait (no personal data: read before anyone is identified). */
  'kiosk.options': channel({ input: none, output: kioskOptions, roles: ALL, personalData: false }),
  'kiosk.setOptions': channel({ input: kioskOptions, output: kioskOptions, roles: TECHNICIAN, personalData: false }),
  'cases.search': channel({
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(200).optional() }).strict(),
    /** indexComplete false: names are searched among the cases indexed so far (a first sync still being indexed); codes and numbers always. */
    output: z.object({ cases: z.array(caseHit), indexComplete: z.boolean() }),
    roles: OFFICER,
    personalData: COUNTER_LIST,
  }),
  'cases.get': channel({ input: z.object({ receiptCode }).strict(), output: caseDetail, roles: OFFICER, personalData: COUNTER }),
  /** Case reminders over the synced cases (rule engine batch mode), overdue and due soon first. */
  'cases.dueList': channel({ input: none, output: z.object({ entries: z.array(dueEntry) }), roles: OFFICER, personalData: COUNTER_LIST }),
  /** A citizen at a kiosk, by exact receipt code: status and next step, never a name or number. */
  'cases.status': channel({ input: z.object({ receiptCode }).strict(), output: publicCaseStatus, roles: SERVES_CITIZENS, personalData: false }),
  /** Printing: the technician chooses a printer per document kind; officers reprint what was kept. */
  'printers.list': channel({ input: none, output: printersOverview, roles: TECHNICIAN, personalData: false }),
  'printers.choose': channel({
    input: z.object({ kind: documentKind, printer: z.string().trim().min(1).max(127).nullable() }).strict(),
    output: printersOverview,
    roles: TECHNICIAN,
    personalData: false,
  }),
  'printers.testPage': channel({ input: z.object({ printer: z.string().trim().min(1).max(127) }).strict(), output: printOutcome, roles: TECHNICIAN, personalData: false }),
  'print.kept': channel({ input: none, output: z.object({ documents: z.array(keptDocumentView) }), roles: ['officer', 'technician'], personalData: false }),
  'print.reprint': channel({
    input: z.object({ reprintId, printer: z.string().trim().min(1).max(127).optional() }).strict(),
    output: printOutcome,
    roles: ['officer', 'technician'],
    personalData: false,
  }),
  /** The link to the centre's one-stop system: endpoint, pinned central key, device registration, a test call. */
  'central.status': channel({ input: none, output: centralStatus, roles: TECHNICIAN, personalData: false }),
  'central.configure': channel({ input: centralConfigure, output: centralStatus, roles: TECHNICIAN, personalData: false }),
  'central.register': channel({ input: centralRegister, output: centralStatus, roles: TECHNICIAN, personalData: false }),
  'central.test': channel({ input: none, output: centralTestResult, roles: TECHNICIAN, personalData: false }),
  ...queueChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/** What the renderer sees as `window.motcua` in Electron and what the browser transport implements. */
export interface MotcuaApi {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Subscribes to a host event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The IPC channel name used on the Electron side for a contract channel. */
export const ipcName = (channel: ChannelName) => `motcua:${channel}`;
