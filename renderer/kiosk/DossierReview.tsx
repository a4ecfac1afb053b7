import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, DossierView, DraftValue, Language, PrintedDocument } from '../../electron/contract';
import { Button } from '../components/Button';
import { DossierField, displayValue } from '../components/DossierField';
import { ErrorMessage } from '../components/ErrorMessage';
import { ProvenanceBadge } from '../components/ProvenanceBadge';
import { useDraftProblems, valueOf, type Edits } from '../components/dossier-values';
import { choicesFor, defaultFor } from '../components/field-choices';
import { carrySource } from '../components/linked-carry';
import { VietKeyboard } from '../components/VietKeyboard';
import { templateFields } from '../../electron/contract';
import { useDossier, type DossierSession } from '../components/useDossier';
import { currentLanguage } from '../i18n';
import { api } from '../transport';
import { KioskNav } from './KioskNav';
import { savePdf } from './save-pdf';
import { PrintResult } from '../components/PrintResult';

interface Props {
  /** One prepared dossier, or the forms of linked procedures filed as one (reviewed and printed together). */
  initial: readonly DossierView[];
  /** `performance.now()` when the dossier was prepared: the first render of step 1 is measured from it. */
  preparedAt: number;
  onClose: () => void;
  onFinish: () => void;
  /** Shown once printed: what to do next with the print-out at the counter (its procedures, in filing order). */
  afterPrint?: (procedureCodes: string[]) => ReactNode;
}

/** What the dossier already holds answers more of it: the addressee from the family's address, Viet Nam, the parents' ethnicity (empty, unlocked fields only). */
function startingValues(view: DossierView): Edits {
  const fields = templateFields(view.template);
  const starting: Record<string, DraftValue> = {};
  for (const f of fields) {
    const df = view.draft.fields[f.id];
    if (df?.locked || (df?.value ?? null) !== null) continue;
    const start = defaultFor(f, fields, (id) => valueOf(view, {}, id));
    if (start !== null) starting[f.id] = start;
  }
  return starting;
}

/** Name of the measure of prefill + first render, read by the end-to-end test and `npm run bench`. */
export const PREFILL_RENDER_MEASURE = 'motcua:dossier-prefill-render';

interface Reviewed {
  session: DossierSession;
  problems: Record<string, string>;
}

/** One `useDossier` per form, nested so each keeps its own hooks: the form count is fixed for the review's life. */
function WithDossiers({ initials, lang, before, children }: { initials: readonly DossierView[]; lang: Language; before: readonly Reviewed[]; children: (forms: Reviewed[]) => ReactNode }) {
  const session = useDossier(initials[0]!, startingValues);
  const problems = useDraftProblems(session.view, session.edits, lang);
  const forms = [...before, { session, problems }];
  if (initials.length === 1) return <>{children(forms)}</>;
  return (
    <WithDossiers initials={initials.slice(1)} lang={lang} before={forms}>
      {children}
    </WithDossiers>
  );
}

/** The kiosk's review of a prepared dossier: one large step per section (of every linked form), then a summary to print. */
export function DossierReview(props: Props) {
  const { i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  return (
    <WithDossiers initials={props.initial} lang={lang} before={[]}>
      {(forms) => <Review {...props} forms={forms} lang={lang} />}
    </WithDossiers>
  );
}

function Review({ forms, lang, preparedAt, onClose, onFinish, afterPrint }: Props & { forms: Reviewed[]; lang: Language }) {
  const { t } = useTranslation();
  const views = forms.map((f) => f.session.view);
  const linked = forms.length > 1;
  const carried = (form: number, fieldId: string) => carrySource(views, form, fieldId);
  // Every section of every form, but one answered wholly by an earlier form.
  const steps = forms.flatMap(({ session }, form) =>
    session.view.template.sections.filter((s) => s.fields.some((f) => !carried(form, f.id))).map((section) => ({ form, section })),
  );
  const total = steps.length + 1;
  const [step, setStep] = useState(0);
  const [attempted, setAttempted] = useState<ReadonlySet<number>>(new Set());
  const [printed, setPrinted] = useState<PrintedDocument | null>(null);
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<AppErrorData | null>(null);
  const [invalidStep, setInvalidStep] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The field the on-screen keyboard types into, if open.
  const [typing, setTyping] = useState<string | null>(null);

  useEffect(() => {
    const ms = performance.now() - preparedAt;
    performance.measure(PREFILL_RENDER_MEASURE, { start: preparedAt, duration: ms });
  }, [preparedAt]);
  // Each new step starts at its top and is announced by moving focus to its heading; so does the print's result.
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, [step, printed]);

  const current = steps[step];
  const here = current ? forms[current.form]! : null;
  const view = here?.session.view ?? views[0]!;
  const { template } = view;
  const fields = templateFields(template);
  const edits = here?.session.edits ?? {};
  const valueIn = (id: string) => valueOf(view, edits, id);
  const typingField = fields.find((f) => f.id === typing);
  const isEmpty = (id: string) => {
    const v = valueIn(id);
    return v === null || v === '' || v === false;
  };
  const shownFields = current ? current.section.fields.filter((f) => !carried(current.form, f.id)) : [];

  /** The answers of form `form`'s fields `ids`, given to the later forms that take them. */
  const carryForward = (form: number, ids: readonly string[]) => {
    const source = forms[form]!.session;
    forms.forEach(({ session }, later) => {
      for (const f of templateFields(session.view.template)) {
        const from = carried(later, f.id);
        if (!from || from.form !== form || !ids.includes(from.fieldId)) continue;
        const value = valueOf(source.view, source.edits, from.fieldId);
        if (value !== null && value !== valueOf(session.view, session.edits, f.id)) session.setValue(f.id, value);
      }
    });
  };

  const next = async () => {
    if (!current || !here) return;
    setAttempted((a) => new Set(a).add(step));
    const ids = current.section.fields.map((f) => f.id);
    const bad = shownFields.map((f) => f.id).filter((id) => here.problems[id] !== undefined);
    if (bad.length > 0) {
      setInvalidStep(true);
      document.querySelector<HTMLElement>(`[data-field="${CSS.escape(bad[0]!)}"]`)?.focus();
      return;
    }
    setInvalidStep(false);
    carryForward(current.form, ids);
    if (await here.session.save(ids)) setStep((s) => s + 1);
  };
  const back = () => {
    setInvalidStep(false);
    here?.session.setError(null);
    if (step === 0) onClose();
    else setStep((s) => s - 1);
  };
  const print = async () => {
    setPrintError(null);
    let doc: PrintedDocument | null;
    if (linked) {
      setPrinting(true);
      for (const { session } of forms) {
        if (!(await session.save())) return setPrinting(false);
      }
      const result = await api.invoke('dossier.printLinked', { draftIds: views.map((v) => v.draft.id) });
      setPrinting(false);
      if (!result.ok) return setPrintError(result.error);
      doc = result.value;
    } else {
      doc = await forms[0]!.session.print();
    }
    if (!doc) return;
    savePdf(doc);
    setPrinted(doc);
  };

  const busy = printing || forms.some((f) => f.session.busy);
  const summaryError = printError ?? forms.map((f) => f.session.error).find((e) => e !== null) ?? null;
  const stepLabel = t('dossier.step', { current: step + 1, total });
  const yesNo = { yes: t('dossier.yes'), no: t('dossier.no') };
  const missingHere = here ? shownFields.filter((f) => f.required && !view.draft.fields[f.id]?.locked && isEmpty(f.id)).length : 0;
  // The form's legal basis on the first step of each form.
  const firstOfForm = current !== undefined && steps.findIndex((s) => s.form === current.form) === step;
  const SectionHeading = linked ? 'h3' : 'h2';
  const formTitle = (v: DossierView) => (
    <>
      {v.template.title[lang]}
      {v.template.formNumber.toLocaleUpperCase('vi') !== v.template.title.vi.toLocaleUpperCase('vi') && <span className="form-number"> · {v.template.formNumber}</span>}
    </>
  );

  return (
    <section className="dossier" aria-labelledby="dossier-step-title">
      <p className="dossier-form">
        {linked && (
          <span className="linked-part">{current ? `${t('linked.part', { current: current.form + 1, total: forms.length })}:` : t('linked.title', { count: forms.length })}</span>
        )}
        {linked && current && ' '}
        {(current || !linked) && formTitle(view)}
      </p>
      <div className="step-bar" aria-hidden="true">
        {Array.from({ length: total }, (_, i) => (
          <span key={i} className={i < step ? 'done' : i === step ? 'current' : ''} />
        ))}
      </div>
      <h1 id="dossier-step-title" ref={heading} tabIndex={-1}>
        <span className="step-count">{stepLabel}</span> {current ? current.section.title[lang] : t('dossier.summary')}
      </h1>
      {firstOfForm && (
        <p className="legal-basis">
          {t('dossier.legalBasis', {
            basis: template.legalBasis.map((b) => `${b.document}${b.article ? `, ${b.article}` : ''}${b.example ? ` (${t('reminders.example')})` : ''}`).join('; '),
          })}
        </p>
      )}
      {template.example && firstOfForm && <p className="warning">{t('dossier.example')}</p>}
      {linked && step === 0 && <p className="notice">{t('linked.once')}</p>}

      {current && here ? (
        <form
          id="dossier-step-form"
          className="dossier-step"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void next();
          }}
        >
          {missingHere > 0 && <p className="field-prompt-summary">{t('dossier.missingCount', { count: missingHere })}</p>}
          {shownFields.map((field) => {
            const shown = attempted.has(step) || (here.session.dirty.has(field.id) && !isEmpty(field.id));
            return (
              <DossierField
                key={field.id}
                field={field}
                draftField={view.draft.fields[field.id]}
                value={valueIn(field.id)}
                problem={shown ? (here.problems[field.id] ?? null) : null}
                missing={field.required && isEmpty(field.id) && !view.draft.fields[field.id]?.locked}
                variant="kiosk"
                lang={lang}
                correction={view.draft.corrections.find((c) => c.fieldId === field.id)}
                onChange={(v) => here.session.setValue(field.id, v)}
                onCorrection={(value, note) => here.session.requestCorrection(field.id, value, note)}
                choices={choicesFor(field, fields, valueIn)}
                onType={field.type === 'text' ? () => setTyping(field.id) : undefined}
              />
            );
          })}
          <ErrorMessage error={invalidStep ? t('dossier.fixErrors') : here.session.error} />
        </form>
      ) : (
        <div className="dossier-summary">
          {printed && (
            <div className="printed-next" role="status">
              <p className="notice">{t('dossier.printed', { pages: printed.pages })}</p>
              <PrintResult outcome={printed.print} audience="kiosk" />
              {afterPrint?.(views.map((v) => v.template.procedureCode))}
            </div>
          )}
          {forms.map(({ session, problems }, form) => {
            const v = session.view;
            const body = (
              <>
                {v.template.sections.map((s) => {
                  const at = steps.findIndex((x) => x.form === form && x.section.id === s.id);
                  return (
                    <section key={s.id} className="summary-section" aria-labelledby={`summary-${form}-${s.id}`}>
                      <div className="summary-head">
                        <SectionHeading id={`summary-${form}-${s.id}`}>{s.title[lang]}</SectionHeading>
                        {at >= 0 && (
                          <Button variant="secondary" className="btn-small" onClick={() => setStep(at)} aria-label={`${t('dossier.edit')}: ${s.title[lang]}`}>
                            {t('dossier.edit')}
                          </Button>
                        )}
                      </div>
                      <dl>
                        {s.fields.map((f) => {
                          const value = displayValue(f, valueOf(v, session.edits, f.id), lang, yesNo);
                          const df = v.draft.fields[f.id];
                          return (
                            <div key={f.id} className={problems[f.id] ? 'summary-row is-invalid' : 'summary-row'}>
                              <dt>{f.label[lang]}</dt>
                              <dd>
                                {value || <span className="empty">{t('dossier.empty')}</span>}{' '}
                                {value && df?.source && <ProvenanceBadge source={df.source} lang={lang} />}
                                {problems[f.id] && <span className="field-error">{problems[f.id]}</span>}
                              </dd>
                            </div>
                          );
                        })}
                      </dl>
                    </section>
                  );
                })}
                {v.draft.corrections.length > 0 && (
                  <section className="summary-section" aria-labelledby={`summary-corrections-${form}`}>
                    <SectionHeading id={`summary-corrections-${form}`}>{t('dossier.corrections')}</SectionHeading>
                    <ul>
                      {v.draft.corrections.map((c) => {
                        const field = templateFields(v.template).find((f) => f.id === c.fieldId);
                        return (
                          <li key={c.fieldId}>
                            {field?.label[lang] ?? c.fieldId}: «{field ? displayValue(field, c.requestedValue, lang, yesNo) : String(c.requestedValue ?? '')}»{' '}
                            {c.note && `— ${c.note}`}
                          </li>
                        );
                      })}
                    </ul>
                  </section>
                )}
                {v.template.attachments.length > 0 && (
                  <section className="summary-section" aria-labelledby={`summary-attachments-${form}`}>
                    <SectionHeading id={`summary-attachments-${form}`}>{t('dossier.attachments')}</SectionHeading>
                    <ul className="attachments">
                      {v.template.attachments.map((a) => (
                        <li key={a.id}>
                          <label className="choice">
                            <input type="checkbox" />
                            <span>
                              {a.label[lang]} {a.required && <em className="req-tag">({t('dossier.attachmentRequired')})</em>}
                            </span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
              </>
            );
            return linked ? (
              <section key={v.draft.id} className="summary-form" aria-labelledby={`summary-form-${form}`}>
                <h2 id={`summary-form-${form}`}>
                  {t('linked.part', { current: form + 1, total: forms.length })}: {formTitle(v)}
                </h2>
                {body}
              </section>
            ) : (
              <Fragment key={v.draft.id}>{body}</Fragment>
            );
          })}
          <ErrorMessage error={summaryError} />
        </div>
      )}
      <div className="actions actions-end">
        <Button variant="secondary" onClick={onFinish}>
          {t('kiosk.finish')}
        </Button>
      </div>
      {typingField && here && (
        <VietKeyboard
          label={typingField.label[lang]}
          value={String(valueIn(typingField.id) ?? '')}
          maxLength={typingField.maxLength}
          capitalise={typingField.id.endsWith('fullName') ? 'words' : 'first'}
          onChange={(v) => here.session.setValue(typingField.id, v)}
          onDone={() => setTyping(null)}
        />
      )}
      {/* Back goes one step back; from the first step, or once printed, to the reminders. */}
      <KioskNav
        onBack={printed !== null ? onClose : back}
        backHint={step === 0 || printed !== null ? t('dossier.backToReminders') : t('dossier.step', { current: step, total })}
        main={
          current ? (
            <Button type="submit" form="dossier-step-form" className="btn-hero" disabled={busy}>
              {busy ? t('dossier.saving') : t('dossier.next')}
            </Button>
          ) : (
            <Button className="btn-hero" disabled={busy} onClick={() => void print()}>
              {busy ? t('dossier.printing') : t('dossier.print')}
            </Button>
          )
        }
      />
    </section>
  );
}
