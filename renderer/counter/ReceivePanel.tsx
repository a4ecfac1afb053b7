import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, CounterDossier as OpenedDossier, OriginalsReview, SubmissionView } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { currentLanguage } from '../i18n';
import { api } from '../transport';
import { CounterDossier } from './CounterDossier';
import { OneStopDocuments } from './OneStopDocuments';
import { ShortcutButton } from './ShortcutButton';
import { SHORTCUTS } from './shortcuts';
import { SubmitPanel } from './SubmitPanel';

/**
 * A dossier received at the counter, from a kiosk print-out or prepared here for a walk-in: what
 * it says, the originals checked one by one, then the submission and the receipt. The action bar
 * stays at the bottom of the pane; after each step the focus goes to the next one.
 */
export function ReceivePanel({ initial, walkIn, procedureName, onDone }: { initial: OpenedDossier; walkIn: boolean; procedureName?: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const id = useId();
  const { view, applicant } = initial;
  const [review, setReview] = useState<OriginalsReview>(initial.review);
  const [submission, setSubmission] = useState<SubmissionView | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const saveDossier = useRef<(() => Promise<boolean>) | null>(null);
  const originals = useRef<HTMLFieldSetElement>(null);
  const submitted = submission !== null || view.status === 'submitted';
  const fieldsOpen = walkIn || view.missing.length > 0;

  const firstOriginal = () => originals.current?.querySelector<HTMLElement>('input')?.focus();
  // A kiosk dossier with nothing to type starts at the originals.
  useEffect(() => {
    if (!fieldsOpen && !submitted) firstOriginal();
  }, [fieldsOpen, submitted]);

  const mark = (attachmentId: string, change: Partial<{ seen: boolean; note: string }>) => {
    setSaved(false);
    setReview((r) => ({ ...r, attachments: r.attachments.map((a) => (a.id === attachmentId ? { ...a, ...change } : a)) }));
  };
  const run = async (work: () => Promise<AppErrorData | null>) => {
    setBusy(true);
    const failed = await work();
    setError(failed);
    setBusy(false);
    // Refused for a field: the officer goes straight to it.
    const field = failed?.fields?.[0];
    if (field) document.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`)?.focus();
  };
  const saveChecks = () =>
    api.invoke('counter.checkOriginals', { draftId: view.draft.id, ...review }).then((r) => {
      if (r.ok) setSaved(true);
      return r.ok ? null : r.error;
    });
  const submit = () =>
    run(async () => {
      // What was typed and not yet saved goes first: the submission is the dossier as shown.
      if (saveDossier.current && !(await saveDossier.current())) return null;
      const checked = await saveChecks();
      if (checked) return checked;
      const r = await api.invoke('counter.submit', { draftId: view.draft.id });
      if (r.ok) setSubmission(r.value);
      return r.ok ? null : r.error;
    });
  const reopen = () =>
    run(async () => {
      const r = await api.invoke('counter.submission', { submissionId: initial.submissionId! });
      if (r.ok) setSubmission(r.value);
      return r.ok ? null : r.error;
    });

  return (
    <section className="counter-receive" aria-labelledby={`${id}-title`}>
      {/* The procedure it is filed for, when chosen here; a kiosk's dossier by its form. */}
      <h2 id={`${id}-title`}>{procedureName ? t('walkIn.filedAs', { procedure: procedureName, form: view.template.formNumber }) : view.template.title[lang]}</h2>
      <p className="identity-line">{t('desk.applicant', { name: applicant.fullName, number: applicant.personalNumber })}</p>
      {initial.keyId && <p className="hint">{t('desk.signedBy', { keyId: initial.keyId })}</p>}
      {!walkIn && view.missing.length > 0 && <p className="warning">{t('desk.missing', { count: view.missing.length })}</p>}
      {/* Editing goes through dossier.update, for the citizen the officer has identified (scan or number and birth date). */}
      <details open={fieldsOpen}>
        <summary>{t('desk.fields')}</summary>
        {submitted ? <p className="hint">{t('desk.submittedReadOnly')}</p> : <CounterDossier initial={view} saveRef={saveDossier} onSaved={firstOriginal} />}
      </details>

      <fieldset ref={originals} className="attachments" disabled={submitted || busy}>
        <legend>{t('desk.originals')}</legend>
        {view.template.attachments.map((a) => {
          const checked = review.attachments.find((r) => r.id === a.id) ?? { seen: false, note: '' };
          return (
            <div className="cfield" key={a.id}>
              <label>
                <input type="checkbox" checked={checked.seen} onChange={(e) => mark(a.id, { seen: e.target.checked })} /> {a.label[lang]}
                {a.required && <span className="req"> ({t('desk.required')})</span>}
              </label>
              <input
                type="text"
                aria-label={`${t('desk.note')}: ${a.label[lang]}`}
                placeholder={t('desk.note')}
                maxLength={300}
                value={checked.note}
                onChange={(e) => mark(a.id, { note: e.target.value })}
              />
            </div>
          );
        })}
        <label>
          <input type="checkbox" checked={review.needsSupplement} onChange={(e) => (setSaved(false), setReview((r) => ({ ...r, needsSupplement: e.target.checked })))} />{' '}
          {t('desk.needsSupplement')}
        </label>
        {review.needsSupplement && (
          <div className="cfield">
            <label htmlFor={`${id}-supplement`}>{t('desk.supplementNote')}</label>
            <textarea id={`${id}-supplement`} maxLength={1000} value={review.supplementNote} onChange={(e) => setReview((r) => ({ ...r, supplementNote: e.target.value }))} />
          </div>
        )}
        {saved && !submitted && <p className="notice">{t('desk.checksSaved')}</p>}
      </fieldset>
      <OneStopDocuments draftId={view.draft.id} received={submission !== null ? submission.state !== 'attention' : view.status === 'submitted'} beforePrint={saveChecks} />
      <div className="counter-actions counter-main-actions">
        <ErrorMessage error={error} />
        {submission ? (
          <SubmitPanel initial={submission} onPrinted={onDone} />
        ) : submitted ? (
          initial.submissionId !== null && (
            <Button variant="secondary" onClick={() => void reopen()}>
              {t('desk.printReceipt')}
            </Button>
          )
        ) : (
          <>
            <Button variant="secondary" disabled={busy} onClick={() => void run(saveChecks)}>
              {t('desk.saveChecks')}
            </Button>
            <ShortcutButton shortcut={SHORTCUTS.submit} disabled={busy || review.needsSupplement} onClick={() => void submit()}>
              {busy ? t('desk.submitting') : t('desk.submit')}
            </ShortcutButton>
          </>
        )}
      </div>
    </section>
  );
}
