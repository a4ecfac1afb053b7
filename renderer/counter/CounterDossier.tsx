import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView, PrintOutcomeView } from '../../electron/contract';
import { Button } from '../components/Button';
import { DossierField } from '../components/DossierField';
import { ErrorMessage } from '../components/ErrorMessage';
import { useDraftProblems, valueOf } from '../components/dossier-values';
import { useDossier } from '../components/useDossier';
import { currentLanguage } from '../i18n';
import { savePdf } from '../kiosk/save-pdf';
import { PrintResult } from '../components/PrintResult';

/** Fields Enter moves through, in the form's order: the open ones (a locked value is not typed). */
const ENTER_STOPS = '[data-field]:not([readonly]):not([disabled])';

/** The officer's review of a prepared dossier: every section on one page, keyboard first. */
export function CounterDossier({ initial }: { initial: DossierView }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const dossier = useDossier(initial);
  const { view, edits, dirty } = dossier;
  const { template } = view;
  const [attempted, setAttempted] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [printOutcome, setPrintOutcome] = useState<PrintOutcomeView | undefined>();
  const problems = useDraftProblems(view, edits, lang);

  const isEmpty = (id: string) => {
    const v = valueOf(view, edits, id);
    return v === null || v === '' || v === false;
  };
  const save = async () => {
    setAttempted(true);
    setStatus(null);
    if (await dossier.save()) setStatus(t('counter.saved'));
  };
  const print = async () => {
    setAttempted(true);
    setStatus(null);
    setPrintOutcome(undefined);
    const doc = await dossier.print();
    if (!doc) return;
    savePdf(doc);
    setStatus(t('dossier.printed', { pages: doc.pages }));
    setPrintOutcome(doc.print);
  };
  // Enter goes to the next field; on the last one it saves.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter' || !target.matches(ENTER_STOPS)) return;
    e.preventDefault();
    const stops = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(ENTER_STOPS));
    const next = stops[stops.indexOf(target) + 1];
    if (next) next.focus();
    else void save();
  };

  return (
    <form
      className="counter-dossier"
      aria-labelledby="counter-dossier-title"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="counter-dossier-title">
        {template.title[lang]}
        {template.formNumber.toLocaleUpperCase('vi') !== template.title.vi.toLocaleUpperCase('vi') && ` · ${template.formNumber}`}
      </h2>
      {template.example && <p className="warning">{t('dossier.example')}</p>}
      <p className="kbd-hint">{t('counter.keyboardHint')}</p>
      {template.sections.map((section) => (
        <fieldset key={section.id}>
          <legend>{section.title[lang]}</legend>
          <div className="counter-grid">
            {section.fields.map((field) => (
              <DossierField
                key={field.id}
                field={field}
                draftField={view.draft.fields[field.id]}
                value={valueOf(view, edits, field.id)}
                problem={attempted || (dirty.has(field.id) && !isEmpty(field.id)) ? (problems[field.id] ?? null) : null}
                missing={field.required && isEmpty(field.id) && !view.draft.fields[field.id]?.locked}
                variant="counter"
                lang={lang}
                correction={view.draft.corrections.find((c) => c.fieldId === field.id)}
                onChange={(v) => {
                  setStatus(null);
                  dossier.setValue(field.id, v);
                }}
                onCorrection={(value, note) => dossier.requestCorrection(field.id, value, note)}
              />
            ))}
          </div>
        </fieldset>
      ))}
      {template.attachments.length > 0 && (
        <fieldset>
          <legend>{t('dossier.attachments')}</legend>
          <ul>
            {template.attachments.map((a) => (
              <li key={a.id}>
                {a.label[lang]} {a.required && <em className="req-tag">({t('dossier.attachmentRequired')})</em>}
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="counter-actions">
        <Button type="submit" disabled={dossier.busy}>
          {dossier.busy ? t('dossier.saving') : t('counter.save')}
        </Button>
        <Button variant="secondary" disabled={dossier.busy} onClick={() => void print()}>
          {t('counter.print')}
        </Button>
        {status && (
          <p className="notice" role="status">
            {status}
          </p>
        )}
        <PrintResult outcome={printOutcome} audience="counter" />
        <ErrorMessage error={dossier.error} />
      </div>
    </form>
  );
}
