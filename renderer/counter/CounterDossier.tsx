import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
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
import { ShortcutButton } from './ShortcutButton';
import { SHORTCUTS } from './shortcuts';

/** Fields Enter moves through, in the form's order: the open ones (a locked value is not typed). */
const ENTER_STOPS = '[data-field]:not([readonly]):not([disabled])';

interface Props {
  initial: DossierView;
  /** Filled with the save of what was typed, so the panel around it can save before it submits. */
  saveRef?: RefObject<(() => Promise<boolean>) | null>;
  /** After Enter on the last field saved the dossier: the panel moves the officer on. */
  onSaved?: () => void;
}

/**
 * The officer's review of a prepared dossier: every section on one page, keyboard first; the
 * first field to type has the focus when it opens.
 */
export function CounterDossier({ initial, saveRef, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const dossier = useDossier(initial);
  const { view, edits, dirty } = dossier;
  const { template } = view;
  const [attempted, setAttempted] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [printOutcome, setPrintOutcome] = useState<PrintOutcomeView | undefined>();
  const problems = useDraftProblems(view, edits, lang);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (saveRef) saveRef.current = dossier.save;
  }, [saveRef, dossier.save]);
  useEffect(() => formRef.current?.querySelector<HTMLElement>(ENTER_STOPS)?.focus(), []);

  const isEmpty = (id: string) => {
    const v = valueOf(view, edits, id);
    return v === null || v === '' || v === false;
  };
  const save = async () => {
    setAttempted(true);
    setStatus(null);
    if (!(await dossier.save())) return;
    setStatus(t('counter.saved'));
    onSaved?.();
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
      ref={formRef}
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
        <ShortcutButton type="submit" shortcut={SHORTCUTS.save} disabled={dossier.busy}>
          {dossier.busy ? t('dossier.saving') : t('counter.save')}
        </ShortcutButton>
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
