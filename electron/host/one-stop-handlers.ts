import { AppError, dossierDraft, type FormTemplate, type LocalizedText, type OneStopRequest } from '../contract';
import { admittedDate, type IsoDate } from '../base/calendar-date';
import type { CounterRepository } from '../db/counter-repository';
import type { DraftRepository } from '../db/draft-repository';
import type { DossierRef, OneStopDocument } from '../print/one-stop-documents';
import type { Outbox } from '../sync/outbox';
import { provisionalReference } from './counter-handlers';
import { applicantOf } from './draft-checks';
import type { Handlers } from './router';
import type { Session } from './session';

export interface OneStopHandlerDeps {
  drafts: DraftRepository;
  counter: CounterRepository;
  outbox: Pick<Outbox, 'get'>;
  templates: () => Map<string, FormTemplate>;
  procedure: (code: string) => { name: LocalizedText; agency: LocalizedText } | null;
  centre: () => { name: LocalizedText } | null;
  today: () => IsoDate;
  render: (doc: OneStopDocument) => Promise<{ pdf: Uint8Array; pages: number }>;
  clock?: () => Date;
}

/** The document number's suffix, after the dossier's code: what kind of paper it is. */
const SUFFIX: Record<OneStopRequest['kind'], string> = { supplement: 'PYCBS', refusal: 'PTC', apology: 'PXL', control: 'PKS' };
const FILE: Record<OneStopRequest['kind'], string> = { supplement: 'phieu-yeu-cau-bo-sung', refusal: 'phieu-tu-choi', apology: 'phieu-xin-loi', control: 'phieu-kiem-soat' };

/** Hours and minutes in Vietnam, then the date as the documents write it: "08:30 ngày 7/12/2026". */
const vietnamTime = (iso: string) => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'numeric', year: 'numeric', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ngày ${part('day')}/${part('month')}/${part('year')}`;
};

/**
 * The counter prints the one-stop documents of a dossier it holds, from the dossier and the
 * case: before it is received (supplement, refusal), the dossier's own reference; once sent, its
 * receipt code and promised date (apology, control sheet). The officer signs.
 */
export function oneStopHandlers(deps: OneStopHandlerDeps): Pick<Handlers, 'print.oneStop'> {
  const clock = deps.clock ?? (() => new Date());
  return {
    'print.oneStop': async (input, session: Session) => {
      const row = deps.drafts.byId(input.draftId);
      if (!row || row.session !== session.id) throw new AppError('DRAFT_NOT_FOUND');
      const form = deps.templates().get(row.form_id);
      if (!form) throw new AppError('FORM_UNKNOWN');
      const draft = dossierDraft.parse(JSON.parse(row.data));
      const applicant = applicantOf(draft, form);
      const submission = row.status === 'submitted' ? deps.counter.submissionOfDraft(row.id) : undefined;
      const entry = submission && deps.outbox.get(submission.outbox_id);
      const received = input.kind === 'apology' || input.kind === 'control';
      if (received && !(submission && entry)) throw new AppError('ONE_STOP_NOT_RECEIVED');
      if (!received && submission) throw new AppError('ONE_STOP_ALREADY_RECEIVED');

      const code = entry ? (entry.receipt?.receiptCode ?? provisionalReference(entry.idempotencyKey)) : `HS-${row.id.slice(0, 8).toUpperCase()}`;
      const procedure = deps.procedure(draft.procedureCode);
      const centre = deps.centre()?.name.vi ?? 'Bộ phận Một cửa';
      const officer = session.displayName ?? session.account ?? '';
      const ref: DossierRef = {
        agency: centre,
        number: `${code}/${SUFFIX[input.kind]}`,
        date: deps.today(),
        receiptCode: code,
        applicant: { fullName: applicant.fullName },
        procedure: { code: draft.procedureCode, name: procedure?.name.vi ?? form.title.vi },
        officer,
      };
      const doc = ((): OneStopDocument => {
        switch (input.kind) {
          case 'supplement': {
            const review = deps.counter.review(row.id);
            const items = form.attachments
              .filter((a) => a.required && !review?.attachments.some((r) => r.id === a.id && r.seen))
              .map((a) => ({ document: a.label.vi, reason: 'chưa có bản chính để đối chiếu' }));
            if (review?.supplementNote.trim()) items.push({ document: 'Nội dung cần bổ sung', reason: review.supplementNote.trim() });
            if (items.length === 0) throw new AppError('ONE_STOP_NOTHING_TO_SUPPLEMENT');
            return { kind: 'supplement', ref, items };
          }
          case 'refusal':
            return { kind: 'refusal', ref, reasons: input.reasons };
          case 'apology': {
            const promised = submission!.expected_result_date;
            if (promised === null || input.newDate <= promised) throw new AppError('ONE_STOP_DATE_NOT_LATER', ['newDate']);
            return { kind: 'apology', ref, promisedDate: admittedDate(promised), newDate: admittedDate(input.newDate), reason: input.reason };
          }
          case 'control': {
            const receivedAt = vietnamTime(entry!.createdAt);
            const to = procedure?.agency.vi ?? 'Cơ quan giải quyết';
            const result = entry!.receipt ? `Đã chuyển, mã ${entry!.receipt.receiptCode}` : 'Chờ gửi lên hệ thống';
            return {
              kind: 'control',
              ref,
              receivedAt,
              // A dossier without a legal time limit is promised "as the handling agency notifies": the day received stands for it here.
              dueDate: admittedDate(submission!.expected_result_date ?? submission!.received_at),
              steps: [{ from: `Bộ phận Một cửa (${officer})`, to, at: vietnamTime(clock().toISOString()), result }],
            };
          }
        }
      })();
      const { pdf, pages } = await deps.render(doc);
      return { fileName: `${FILE[input.kind]}-${code}.pdf`, pages, pdfBase64: Buffer.from(pdf).toString('base64'), applicant };
    },
  };
}
