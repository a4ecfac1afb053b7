import { AppError, dossierDraft, PROVISIONAL_REFERENCE, type AttentionItem, type CounterDossier, type DossierDraft, type FormTemplate, type LocalizedText, type OriginalsReview, type PublicCaseStatus, type SubmissionView } from '../contract';
import type { CounterRepository, SubmissionRow } from '../db/counter-repository';
import type { DraftRepository, DraftRow } from '../db/draft-repository';
import { admittedDate, type IsoDate } from '../base/calendar-date';
import { addWorkingDays, type WorkdayOptions } from '../base/calendar';
import { missingFields } from '../proactive/dossier';
import { decodeHandoff } from '../security/device-signing';
import { OutboxRetryError, refusedForBody, type DossierBody, type Outbox } from '../sync/outbox';
import { applicantFields, applicantOf, assertDraftComplete, withEmptyFields } from './draft-checks';
import type { KioskKeys } from './kiosk-keys';
import type { ReceiptData } from '../print/receipt-pdf';
import type { Handlers } from './router';
import type { Session } from './session';

export interface CounterHandlerDeps {
  drafts: DraftRepository;
  counter: CounterRepository;
  outbox: Pick<Outbox, 'enqueue' | 'get' | 'supersede' | 'retry'>;
  /** A sync round: sends the outbox if the centre is reachable (the submission stays queued otherwise) and pulls the feed. */
  sendNow: () => Promise<unknown>;
  keys: KioskKeys;
  /**
   * Makes the applicant the citizen this session serves (so the officer can edit the dossier),
   * when their birth date is known; returns whether the session now serves them.
   */
  serveApplicant: (sessionId: string, applicant: { personalNumber: string; fullName: string; birthDate: string | null }) => boolean;
  templates: () => Map<string, FormTemplate>;
  subjectHash: (personalNumber: string) => string;
  procedure: (code: string) => { name: LocalizedText; processingDays: number | null } | null;
  centre: () => { name: LocalizedText; address: string } | null;
  calendar: () => WorkdayOptions;
  today: () => IsoDate;
  renderReceipt: (data: ReceiptData) => Promise<{ pdf: Uint8Array; pages: number }>;
  clock?: () => Date;
  /** How long a submit waits for the centre before answering 'queued'. */
  sendWaitMs?: number;
}

type CounterChannels =
  | 'counter.openHandoff'
  | 'counter.checkOriginals'
  | 'counter.submit'
  | 'counter.submission'
  | 'counter.attention'
  | 'counter.correct'
  | 'counter.sendAgain'
  | 'print.receipt'
  | 'kiosk.publicKey'
  | 'kiosk.trustKey';

const STATES = { pending: 'queued', sent: 'sent', attention: 'attention', superseded: 'superseded' } as const;

/**
 * The reference on a provisional receipt: TN- and the first 12 hex digits of the outbox row's
 * Idempotency-Key (a random UUID), so unique here, not guessable, and never shaped like a
 * central receipt code (MC-…).
 */
export function provisionalReference(idempotencyKey: string): string {
  const hex = idempotencyKey.replaceAll('-', '').slice(0, 12).toUpperCase();
  return `TN-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

const WAITING_TEXT = {
  meaning: { vi: 'Đã tiếp nhận, đang chờ gửi lên hệ thống.', en: 'Received, waiting to be sent to the central system.' },
  nextStep: {
    vi: 'Hồ sơ sẽ tự gửi khi có kết nối; mã biên nhận chính thức có sau khi hệ thống trung tâm xác nhận.',
    en: 'The dossier is sent by itself when the connection is back; the official receipt code follows once the central system has it.',
  },
};
const SENT_TEXT = {
  meaning: { vi: 'Đã tiếp nhận và gửi lên hệ thống trung tâm.', en: 'Received and sent to the central system.' },
  nextStep: { vi: 'Hãy tra cứu bằng mã biên nhận chính thức.', en: 'Look it up with the official receipt code.' },
};
const ATTENTION_TEXT = {
  meaning: { vi: 'Đã tiếp nhận, cán bộ cần xem lại hồ sơ trước khi gửi.', en: 'Received; an officer must look at the dossier before it is sent.' },
  nextStep: { vi: 'Hãy hỏi cán bộ tại quầy.', en: 'Please ask an officer at the counter.' },
};

/** What the kiosk says for a provisional reference; `lookUp` answers for the official code once there is one. */
export type ProvisionalStatus = (reference: string, lookUp: (receiptCode: string) => Promise<PublicCaseStatus> | PublicCaseStatus) => Promise<PublicCaseStatus>;

/**
 * The counter receives a dossier: the kiosk print-out's QR opens it (verified offline), the
 * officer checks the originals, submits it through the outbox and prints the receipt.
 * A dossier opened here belongs to the officer's session, as a kiosk draft to the kiosk's.
 */
export function counterHandlers(deps: CounterHandlerDeps): Pick<Handlers, CounterChannels> & { provisionalStatus: ProvisionalStatus } {
  const clock = deps.clock ?? (() => new Date());

  const template = (formId: string) => {
    const found = deps.templates().get(formId);
    if (!found) throw new AppError('FORM_UNKNOWN', ['formId']);
    return found;
  };
  const load = (row: DraftRow) => ({ row, draft: dossierDraft.parse(JSON.parse(row.data)), form: template(row.form_id) });
  const own = (draftId: string, session: Session) => {
    const row = deps.drafts.byId(draftId);
    if (!row || row.session !== session.id) throw new AppError('DRAFT_NOT_FOUND');
    return load(row);
  };
  const emptyReview = (form: FormTemplate): OriginalsReview => ({
    attachments: form.attachments.map((a) => ({ id: a.id, seen: false, note: '' })),
    needsSupplement: false,
    supplementNote: '',
  });
  const dossier = (row: DraftRow, draft: DossierDraft, form: FormTemplate, keyId: string | null, session: Session): CounterDossier => ({
    view: { draft, template: form, missing: missingFields(form, draft).map((m) => m.fieldId), status: row.status },
    applicant: applicantOf(draft, form),
    identified: deps.serveApplicant(session.id, applicantFields(draft, form)),
    keyId,
    review: deps.counter.review(row.id) ?? emptyReview(form),
    // A refused dossier reopened for correction is not submitted (yet again): no receipt to offer.
    submissionId: row.status === 'submitted' ? (deps.counter.submissionOfDraft(row.id)?.id ?? null) : null,
  });

  /** The hand-off's draft becomes this session's; a submitted one is only reopened, never overwritten. */
  const takeOver = (draft: DossierDraft, session: Session): DraftRow => {
    const form = template(draft.formId);
    const existing = deps.drafts.byId(draft.id);
    const now = clock().toISOString();
    const row: DraftRow = {
      id: draft.id,
      session: session.id,
      subject: deps.subjectHash(applicantOf(draft, form).personalNumber),
      form_id: form.id,
      // It was printed at the kiosk: kept when the counter's citizen changes.
      status: existing?.status === 'submitted' ? 'submitted' : 'printed',
      data: existing?.status === 'submitted' ? existing.data : JSON.stringify(withEmptyFields(draft, form)),
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    if (existing) deps.drafts.handOver(row.id, session.id, now);
    deps.drafts.save(row);
    return row;
  };

  const submissionView = (submission: SubmissionRow): SubmissionView & { applicant: CounterDossier['applicant'] } => {
    const entry = deps.outbox.get(submission.outbox_id);
    if (!entry) throw new AppError('SUBMISSION_NOT_FOUND');
    const { draft, form } = load(deps.drafts.byId(submission.draft_id)!);
    return {
      submissionId: submission.id,
      state: STATES[entry.state],
      receiptCode: entry.receipt?.receiptCode ?? null,
      expectedResultDate: submission.expected_result_date,
      receivedAt: submission.received_at,
      reference: provisionalReference(entry.idempotencyKey),
      applicant: applicantOf(draft, form),
    };
  };
  const submission = (id: number) => {
    const found = deps.counter.submission(id);
    if (!found) throw new AppError('SUBMISSION_NOT_FOUND');
    return found;
  };
  /** A refused submission corrected and sent again: its reference, on the citizen's provisional receipt, leads on to the new one. */
  const latest = (found: SubmissionRow): SubmissionRow => {
    const next = deps.outbox.get(found.outbox_id)?.supersededBy ?? null;
    const replacement = next === null ? undefined : deps.counter.submissionOfOutbox(next);
    return replacement ? latest(replacement) : found;
  };
  const byReference = (reference: string) => {
    const found = PROVISIONAL_REFERENCE.test(reference) ? deps.counter.submissionByReference(reference) : undefined;
    return found && latest(found);
  };
  /** A refused submission ('attention' in the outbox), or SUBMISSION_NOT_REFUSED. */
  const refused = (submissionId: number) => {
    const found = submission(submissionId);
    const entry = deps.outbox.get(found.outbox_id);
    if (entry?.state !== 'attention') throw new AppError('SUBMISSION_NOT_REFUSED');
    return { found, entry };
  };
  /** Durable already; a reachable centre answers within the wait, an unreachable one is caught up by the sync loop. */
  const sendAndWait = async (submissionId: number) => {
    await Promise.race([deps.sendNow().catch(() => undefined), new Promise((r) => setTimeout(r, deps.sendWaitMs ?? 3000))]);
    const view = submissionView(submission(submissionId));
    // The new case comes down the feed on the next round: pull it now, so a kiosk can look it up at once.
    if (view.state === 'sent') void deps.sendNow().catch(() => undefined);
    return view;
  };
  const attentionItem = (found: SubmissionRow): AttentionItem => {
    const entry = deps.outbox.get(found.outbox_id)!;
    const { form } = load(deps.drafts.byId(found.draft_id)!);
    const error = entry.lastError;
    return {
      submissionId: found.id,
      reference: provisionalReference(entry.idempotencyKey),
      receivedAt: admittedDate(found.received_at),
      refusedAt: error?.at || entry.updatedAt,
      refusal: { status: error?.status ?? null, code: error?.code ?? null, message: error?.message ?? '' },
      procedureCode: entry.body.procedureCode,
      procedureName: deps.procedure(entry.body.procedureCode)?.name ?? null,
      formTitle: form.title,
      // What was sent, and refused: the officer compares it with the dossier before correcting.
      applicant: entry.body.applicant,
      correctable: refusedForBody(error),
    };
  };

  const provisionalStatus: ProvisionalStatus = async (reference, lookUp) => {
    const found = byReference(reference);
    if (!found) throw new AppError('CASE_NOT_FOUND', ['receiptCode']);
    const entry = deps.outbox.get(found.outbox_id);
    if (!entry) throw new AppError('CASE_NOT_FOUND', ['receiptCode']);
    const receiptCode = entry.receipt?.receiptCode ?? null;
    if (receiptCode !== null) {
      // Acknowledged: the real case once it has come down the feed, else what the counter knows.
      try {
        return { ...(await lookUp(receiptCode)), reference };
      } catch (error) {
        if (!(error instanceof AppError && error.data.code === 'CASE_NOT_FOUND')) throw error;
      }
    }
    const procedureCode = entry.body.procedureCode;
    return {
      receiptCode: receiptCode ?? reference,
      procedureName: deps.procedure(procedureCode)?.name ?? null,
      status: 'received',
      ...(receiptCode !== null ? SENT_TEXT : entry.state === 'attention' ? ATTENTION_TEXT : WAITING_TEXT),
      receivedAt: admittedDate(found.received_at),
      dueAt: found.expected_result_date ?? '',
      reference,
      waitingToSend: receiptCode === null,
    };
  };

  return {
    provisionalStatus,
    'counter.openHandoff': ({ text }, session) => {
      const decoded = decodeHandoff(text, deps.keys.trusted());
      if (!decoded.ok) throw new AppError(decoded.code);
      const { handoff } = decoded;
      const local = handoff.kind === 'reference' ? deps.drafts.byId(handoff.draftId) : undefined;
      if (handoff.kind === 'reference' && !local) throw new AppError('HANDOFF_ELSEWHERE');
      const row = takeOver(handoff.kind === 'draft' ? handoff.draft : load(local!).draft, session);
      const { draft, form } = load(row);
      return dossier(row, draft, form, handoff.keyId, session);
    },
    'counter.checkOriginals': ({ draftId, ...review }, session) => {
      const { row, draft, form } = own(draftId, session);
      if (row.status === 'submitted') throw new AppError('DRAFT_ALREADY_SUBMITTED');
      const known = new Set(form.attachments.map((a) => a.id));
      const unknown = review.attachments.filter((a) => !known.has(a.id));
      if (unknown.length > 0) throw new AppError('BAD_INPUT', unknown.map((a) => `attachments.${a.id}`));
      deps.counter.saveReview(row.id, review, clock().toISOString());
      return dossier(row, draft, form, null, session);
    },
    'counter.submit': async ({ draftId }, session, { commit }) => {
      const { row, draft, form } = own(draftId, session);
      const already = deps.counter.submissionOfDraft(row.id);
      // Reopened by counter.correct after the centre refused it for its content: it goes again as a new submission.
      const lastTry = already && row.status !== 'submitted' ? deps.outbox.get(already.outbox_id) : undefined;
      const replacing = lastTry?.state === 'attention' && refusedForBody(lastTry.lastError) ? already : undefined;
      if (already && !replacing) return submissionView(already);
      assertDraftComplete(draft, form);
      const review = deps.counter.review(row.id) ?? emptyReview(form);
      if (review.needsSupplement) throw new AppError('COUNTER_NEEDS_SUPPLEMENT');
      const unseen = form.attachments.filter((a) => a.required && !review.attachments.some((r) => r.id === a.id && r.seen));
      if (unseen.length > 0) throw new AppError('COUNTER_ORIGINALS_UNCHECKED', unseen.map((a) => a.id));
      const today = deps.today();
      const days = deps.procedure(draft.procedureCode)?.processingDays ?? null;
      const applicant = applicantOf(draft, form);
      const fields = Object.fromEntries(Object.entries(draft.fields).map(([id, f]) => [id, f.value]));
      const body: DossierBody = { procedureCode: draft.procedureCode, applicant, fields };
      // Queued with its audit row: the send that follows is the outbox's, as the sync loop's would be.
      const id = commit(() => {
        const queued = replacing ? deps.outbox.supersede(replacing.outbox_id, body) : deps.outbox.enqueue(body);
        deps.drafts.save({ ...row, status: 'submitted', updated_at: clock().toISOString() });
        return deps.counter.insertSubmission({
          draft_id: row.id,
          outbox_id: queued.id,
          received_at: today,
          expected_result_date: days === null ? null : addWorkingDays(today, days, deps.calendar()),
        });
      }, applicant.personalNumber);
      return sendAndWait(id);
    },
    'counter.submission': (input) => {
      if ('submissionId' in input) return submissionView(submission(input.submissionId));
      const found = byReference(input.reference);
      if (!found) throw new AppError('SUBMISSION_NOT_FOUND');
      return submissionView(found);
    },
    'counter.attention': () => ({ items: deps.counter.refused().map(attentionItem) }),
    'counter.correct': ({ submissionId }, session) => {
      const { found, entry } = refused(submissionId);
      if (!refusedForBody(entry.lastError)) throw new AppError('SUBMISSION_NOT_CORRECTABLE');
      // The draft comes to this officer, editable again; the refused submission keeps what was sent.
      const now = clock().toISOString();
      deps.drafts.handOver(found.draft_id, session.id, now);
      const row: DraftRow = { ...deps.drafts.byId(found.draft_id)!, status: 'printed', updated_at: now };
      deps.drafts.save(row);
      const { draft, form } = load(row);
      return dossier(row, draft, form, null, session);
    },
    'counter.sendAgain': async ({ submissionId }, _session, { commit }) => {
      const { found } = refused(submissionId);
      // Reopened by counter.correct, the draft may no longer say what was sent: it goes as a new submission instead.
      if (deps.drafts.byId(found.draft_id)?.status !== 'submitted') throw new AppError('SUBMISSION_BEING_CORRECTED');
      try {
        commit(() => deps.outbox.retry(found.outbox_id), submissionView(found).applicant.personalNumber);
      } catch (error) {
        if (error instanceof OutboxRetryError) throw new AppError('SUBMISSION_NOT_REFUSED');
        throw error;
      }
      return sendAndWait(found.id);
    },
    'print.receipt': async ({ submissionId }) => {
      const found = submission(submissionId);
      const view = submissionView(found);
      // Queued (the centre unreachable): a provisional receipt with the local reference; refused by the centre: nothing to print.
      const provisional = view.state === 'queued';
      if (view.receiptCode === null && !provisional) throw new AppError('RECEIPT_NOT_READY');
      const code = view.receiptCode ?? view.reference!;
      const { draft, form } = load(deps.drafts.byId(found.draft_id)!);
      const review = deps.counter.review(found.draft_id) ?? emptyReview(form);
      const { pdf, pages } = await deps.renderReceipt({
        receiptCode: code,
        provisional,
        applicant: view.applicant,
        procedure: { code: draft.procedureCode, name: deps.procedure(draft.procedureCode)?.name ?? null },
        formTitle: form.title,
        receivedAt: admittedDate(found.received_at),
        expectedResultDate: found.expected_result_date === null ? null : admittedDate(found.expected_result_date),
        centre: deps.centre(),
        attachments: form.attachments.map((a) => {
          const checked = review.attachments.find((r) => r.id === a.id);
          return { label: a.label, seen: checked?.seen ?? false, note: checked?.note ?? '' };
        }),
      });
      return { fileName: provisional ? `giay-tiep-nhan-tam-thoi-${code}.pdf` : `bien-nhan-${code}.pdf`, pages, pdfBase64: Buffer.from(pdf).toString('base64'), applicant: view.applicant };
    },
    'kiosk.publicKey': () => deps.keys.own(),
    'kiosk.trustKey': ({ pem }) => ({ keyIds: deps.keys.trust(pem) }),
  };
}
