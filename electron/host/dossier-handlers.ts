import { randomUUID } from 'node:crypto';
import { AppError, dossierDraft, fieldProblem, templateFields, type DossierDraft, type DossierView, type FormTemplate } from '../contract';
import type { DraftRepository, DraftRow, HandoffKind } from '../db/draft-repository';
import { editDraftField, missingFields, prefillDraft, requestCorrection } from '../proactive/dossier';
import { formProcedures } from '../proactive/procedures/procedure-entry';
import { mergePdfs } from '../print/merge-pdfs';
import { assertDraftComplete } from './draft-checks';
import type { Handlers } from './router';
import type { Session } from './session';
import { cardOf, consentedCentral, type CitizenSessions } from './citizen-sessions';

export interface DossierHandlerDeps {
  citizens: CitizenSessions;
  drafts: DraftRepository;
  templates: () => Map<string, FormTemplate>;
  subjectHash: (personalNumber: string) => string;
  /** The print-out, and what its QR carries (the whole dossier, or a reference to this machine's copy). */
  renderPdf: (draft: DossierDraft, template: FormTemplate) => Promise<{ pdf: Uint8Array; pages: number; handoff: HandoffKind }>;
  /** The forms of a linked bundle of procedures, in filing order (electron/host/form-for.ts). */
  formsFor: (procedureCode: string) => string[];
  clock?: () => Date;
}

type DossierChannels = 'dossier.forms' | 'dossier.prepare' | 'dossier.update' | 'dossier.print' | 'dossier.prepareLinked' | 'dossier.printLinked';

/** Level 2: a draft prepared from the card and (on consent) the central profile, kept per session. */
export function dossierHandlers(deps: DossierHandlerDeps): Pick<Handlers, DossierChannels> {
  const clock = deps.clock ?? (() => new Date());

  const template = (formId: string) => {
    const found = deps.templates().get(formId);
    if (!found) throw new AppError('FORM_UNKNOWN', ['formId']);
    return found;
  };
  const view = (row: DraftRow, draft: DossierDraft, form: FormTemplate): DossierView => ({
    draft,
    template: form,
    missing: missingFields(form, draft).map((m) => m.fieldId),
    status: row.status,
  });
  // A draft is reachable only from the session, and for the citizen, that made it.
  const own = (draftId: string, session: Session) => {
    const citizen = deps.citizens.require(session.id);
    const row = deps.drafts.byId(draftId);
    if (!row || row.session !== session.id || row.subject !== deps.subjectHash(citizen.identity.personalNumber)) throw new AppError('DRAFT_NOT_FOUND');
    return { row, draft: dossierDraft.parse(JSON.parse(row.data)), form: template(row.form_id) };
  };
  const save = (row: DraftRow, draft: DossierDraft, status = row.status, handoff = row.handoff_kind): DraftRow => {
    const next = { ...row, status, data: JSON.stringify(draft), updated_at: clock().toISOString(), handoff_kind: handoff ?? null };
    deps.drafts.save(next);
    return next;
  };

  /** `procedureCode`: the procedure it is filed for, when the form serves several (CT01); the form's own otherwise. */
  const prepare = (formId: string, session: Session, procedureCode?: string): DossierView => {
    const citizen = deps.citizens.require(session.id);
    const form = template(formId);
    if (procedureCode !== undefined && !formProcedures(form).includes(procedureCode)) throw new AppError('FORM_NOT_FOR_PROCEDURE', ['procedureCode']);
    const prefilled = prefillDraft(form, { central: consentedCentral(citizen, clock()), card: cardOf(citizen), entered: {} }, { id: randomUUID(), now: clock() }).draft;
    const draft: DossierDraft = { ...prefilled, procedureCode: procedureCode ?? form.procedureCode };
    const now = clock().toISOString();
    const row: DraftRow = {
      id: draft.id,
      session: session.id,
      subject: deps.subjectHash(citizen.identity.personalNumber),
      form_id: form.id,
      status: 'draft',
      data: JSON.stringify(draft),
      created_at: now,
      updated_at: now,
    };
    deps.drafts.save(row);
    return view(row, draft, form);
  };

  /** Every draft must be complete before any is printed; then each is rendered and marked printed in one commit. */
  const printDrafts = async (draftIds: readonly string[], session: Session, commit: (work: () => void) => void) => {
    const owned = draftIds.map((id) => own(id, session));
    for (const { draft, form } of owned) assertDraftComplete(draft, form);
    const parts: (ReturnType<typeof own> & Awaited<ReturnType<DossierHandlerDeps['renderPdf']>>)[] = [];
    for (const o of owned) parts.push({ ...o, ...(await deps.renderPdf(o.draft, o.form)) });
    // A kiosk's print-out says whether this copy is still needed when the turn ends (electron/host/citizen-turn.ts).
    commit(() => {
      for (const { row, draft, handoff } of parts) save(row, draft, row.status === 'submitted' ? 'submitted' : 'printed', session.role === 'officer' ? null : handoff);
    });
    return parts;
  };

  return {
    'dossier.forms': () => ({
      forms: [...deps.templates().values()].map((t) => ({ formId: t.id, procedureCode: t.procedureCode, title: t.title })).sort((a, b) => a.formId.localeCompare(b.formId)),
    }),
    'dossier.prepare': ({ formId, procedureCode }, session) => prepare(formId, session, procedureCode),
    'dossier.prepareLinked': ({ procedureCode }, session) => {
      const formIds = deps.formsFor(procedureCode);
      if (formIds.length < 2) throw new AppError('FORM_UNKNOWN', ['procedureCode']);
      return { procedureCode, dossiers: formIds.map((id) => prepare(id, session)) };
    },
    'dossier.update': ({ draftId, values, corrections = [] }, session) => {
      const { row, form, draft: stored } = own(draftId, session);
      let draft = stored;
      const fields = new Map(templateFields(form).map((f) => [f.id, f]));
      const wrong = Object.entries(values).filter(([id, value]) => {
        const field = fields.get(id);
        const problem = field ? fieldProblem(field, value) : null;
        return problem !== null && problem !== 'required';
      });
      if (wrong.length > 0) throw new AppError('DRAFT_INVALID', wrong.map(([id]) => id));
      for (const [fieldId, value] of Object.entries(values)) {
        const edit = editDraftField(draft, fieldId, value);
        if (!edit.ok) throw new AppError(edit.code, [fieldId]);
        draft = edit.draft;
      }
      for (const c of corrections) {
        const edit = requestCorrection(draft, c.fieldId, c.requestedValue, c.note, clock());
        if (!edit.ok) throw new AppError(edit.code, [c.fieldId]);
        draft = edit.draft;
      }
      return view(save(row, draft), draft, form);
    },
    'dossier.print': async ({ draftId }, session, { commit }) => {
      const { form, draft, pdf, pages } = (await printDrafts([draftId], session, commit))[0]!;
      return { fileName: `ho-so-${form.id}-${draft.id.slice(0, 8)}.pdf`, pages, pdfBase64: Buffer.from(pdf).toString('base64') };
    },
    'dossier.printLinked': async ({ draftIds }, session, { commit }) => {
      if (new Set(draftIds).size !== draftIds.length) throw new AppError('BAD_INPUT', ['draftIds']);
      const parts = await printDrafts(draftIds, session, commit);
      const { pdf, pages } = await mergePdfs(parts.map((p) => p.pdf));
      return { fileName: `ho-so-lien-thong-${parts[0]!.draft.id.slice(0, 8)}.pdf`, pages, pdfBase64: Buffer.from(pdf).toString('base64') };
    },
  };
}
