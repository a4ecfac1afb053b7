import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView, DraftValue, PrintOutcomeView } from '../../electron/contract';
import { Button } from '../components/Button';
import { DossierField, displayValue } from '../components/DossierField';
import { ErrorMessage } from '../components/ErrorMessage';
import { ProvenanceBadge } from '../components/ProvenanceBadge';
import { useDraftProblems, valueOf, type Edits } from '../components/dossier-values';
import { choicesFor, defaultFor } from '../components/field-choices';
import { VietKeyboard } from '../components/VietKeyboard';
import { templateFields } from '../../electron/contract';
import { useDossier } from '../components/useDossier';
import { currentLanguage } from '../i18n';
import { KioskNav } from './KioskNav';
import { savePdf } from './save-pdf';
import { PrintResult } from '../components/PrintResult';

interface Props {
  initial: DossierView;
  /** `performance.now()` when `dossier.prepare` was called: the first render of step 1 is measured from it. */
  preparedAt: number;
  onClose: () => void;
  onFinish: () => void;
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

/** The kiosk's review of a prepared dossier: one large step per section, then a summary to print. */
export function DossierReview({ initial, preparedAt, onClose, onFinish }: Props) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const dossier = useDossier(initial, startingValues);
  const { view, edits, dirty } = dossier;
  const { template } = view;
  const sections = template.sections;
  const total = sections.length + 1;
  const [step, setStep] = useState(0);
  const [attempted, setAttempted] = useState<ReadonlySet<number>>(new Set());
  const [printedPages, setPrintedPages] = useState<number | null>(null);
  const [printOutcome, setPrintOutcome] = useState<PrintOutcomeView | undefined>();
  const [invalidStep, setInvalidStep] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const problems = useDraftProblems(view, edits, lang);
  const fields = templateFields(template);
  const valueIn = (id: string) => valueOf(view, edits, id);
  // The field the on-screen keyboard types into, if open.
  const [typing, setTyping] = useState<string | null>(null);
  const typingField = fields.find((f) => f.id === typing);

  useEffect(() => {
    const ms = performance.now() - preparedAt;
    performance.measure(PREFILL_RENDER_MEASURE, { start: preparedAt, duration: ms });
  }, [preparedAt]);
  // Each new step starts at its top and is announced by moving focus to its heading.
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, [step]);

  const section = sections[step];
  const isEmpty = (id: string) => {
    const v = valueOf(view, edits, id);
    return v === null || v === '' || v === false;
  };

  const next = async () => {
    if (!section) return;
    setAttempted((a) => new Set(a).add(step));
    const ids = section.fields.map((f) => f.id);
    const bad = ids.filter((id) => problems[id] !== undefined);
    if (bad.length > 0) {
      setInvalidStep(true);
      document.querySelector<HTMLElement>(`[data-field="${CSS.escape(bad[0]!)}"]`)?.focus();
      return;
    }
    setInvalidStep(false);
    if (await dossier.save(ids)) setStep((s) => s + 1);
  };
  const back = () => {
    setInvalidStep(false);
    dossier.setError(null);
    if (step === 0) onClose();
    else setStep((s) => s - 1);
  };
  const print = async () => {
    const doc = await dossier.print();
    if (!doc) return;
    savePdf(doc);
    setPrintedPages(doc.pages);
    setPrintOutcome(doc.print);
  };

  const stepLabel = t('dossier.step', { current: step + 1, total });
  const yesNo = { yes: t('dossier.yes'), no: t('dossier.no') };
  const missingHere = section ? section.fields.filter((f) => f.required && !view.draft.fields[f.id]?.locked && isEmpty(f.id)).length : 0;

  return (
    <section className="dossier" aria-labelledby="dossier-step-title">
      <p className="dossier-form">
        {template.title[lang]}
        {template.formNumber.toLocaleUpperCase('vi') !== template.title.vi.toLocaleUpperCase('vi') && <span className="form-number"> · {template.formNumber}</span>}
      </p>
      <div className="step-bar" aria-hidden="true">
        {Array.from({ length: total }, (_, i) => (
          <span key={i} className={i < step ? 'done' : i === step ? 'current' : ''} />
        ))}
      </div>
      <h1 id="dossier-step-title" ref={heading} tabIndex={-1}>
        <span className="step-count">{stepLabel}</span> {section ? section.title[lang] : t('dossier.summary')}
      </h1>
      {step === 0 && (
        <p className="legal-basis">
          {t('dossier.legalBasis', {
            basis: template.legalBasis.map((b) => `${b.document}${b.article ? `, ${b.article}` : ''}${b.example ? ` (${t('reminders.example')})` : ''}`).join('; '),
          })}
        </p>
      )}
      {template.example && step === 0 && <p className="hint">{t('dossier.prepared')}</p>}

      {section ? (
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
          {section.fields.map((field) => {
            const shown = attempted.has(step) || (dirty.has(field.id) && !isEmpty(field.id));
            return (
              <DossierField
                key={field.id}
                field={field}
                draftField={view.draft.fields[field.id]}
                value={valueOf(view, edits, field.id)}
                problem={shown ? (problems[field.id] ?? null) : null}
                missing={field.required && isEmpty(field.id) && !view.draft.fields[field.id]?.locked}
                variant="kiosk"
                lang={lang}
                correction={view.draft.corrections.find((c) => c.fieldId === field.id)}
                onChange={(v) => dossier.setValue(field.id, v)}
                onCorrection={(value, note) => dossier.requestCorrection(field.id, value, note)}
                choices={choicesFor(field, fields, valueIn)}
                onType={field.type === 'text' ? () => setTyping(field.id) : undefined}
              />
            );
          })}
          <ErrorMessage error={invalidStep ? t('dossier.fixErrors') : dossier.error} />
        </form>
      ) : (
        <div className="dossier-summary">
          {sections.map((s, i) => (
            <section key={s.id} className="summary-section" aria-labelledby={`summary-${s.id}`}>
              <div className="summary-head">
                <h2 id={`summary-${s.id}`}>{s.title[lang]}</h2>
                <Button variant="secondary" className="btn-small" onClick={() => setStep(i)} aria-label={`${t('dossier.edit')}: ${s.title[lang]}`}>
                  {t('dossier.edit')}
                </Button>
              </div>
              <dl>
                {s.fields.map((f) => {
                  const value = displayValue(f, valueOf(view, edits, f.id), lang, yesNo);
                  const df = view.draft.fields[f.id];
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
          ))}
          {view.draft.corrections.length > 0 && (
            <section className="summary-section" aria-labelledby="summary-corrections">
              <h2 id="summary-corrections">{t('dossier.corrections')}</h2>
              <ul>
                {view.draft.corrections.map((c) => {
                  const field = template.sections.flatMap((s) => s.fields).find((f) => f.id === c.fieldId);
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
          {template.attachments.length > 0 && (
            <section className="summary-section" aria-labelledby="summary-attachments">
              <h2 id="summary-attachments">{t('dossier.attachments')}</h2>
              <ul className="attachments">
                {template.attachments.map((a) => (
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
          <ErrorMessage error={dossier.error} />
          {printedPages !== null && (
            <p className="notice" role="status">
              {t('dossier.printed', { pages: printedPages })}
            </p>
          )}
          <PrintResult outcome={printOutcome} audience="kiosk" />
        </div>
      )}
      <div className="actions actions-end">
        <Button variant="secondary" onClick={onFinish}>
          {t('kiosk.finish')}
        </Button>
      </div>
      {typingField && (
        <VietKeyboard
          label={typingField.label[lang]}
          value={String(valueIn(typingField.id) ?? '')}
          maxLength={typingField.maxLength}
          capitalise={typingField.id.endsWith('fullName') ? 'words' : 'first'}
          onChange={(v) => dossier.setValue(typingField.id, v)}
          onDone={() => setTyping(null)}
        />
      )}
      {/* Back goes one step back; from the first step, or once printed, to the reminders. */}
      <KioskNav
        onBack={printedPages !== null ? onClose : back}
        backHint={step === 0 || printedPages !== null ? t('dossier.backToReminders') : t('dossier.step', { current: step, total })}
        main={
          section ? (
            <Button type="submit" form="dossier-step-form" className="btn-hero" disabled={dossier.busy}>
              {dossier.busy ? t('dossier.saving') : t('dossier.next')}
            </Button>
          ) : (
            <Button className="btn-hero" disabled={dossier.busy} onClick={() => void print()}>
              {dossier.busy ? t('dossier.printing') : t('dossier.print')}
            </Button>
          )
        }
      />
    </section>
  );
}
