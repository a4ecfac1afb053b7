import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, PrintOutcomeView, SubmissionView } from '../../electron/contract';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatIsoDate } from '../components/format-date';
import { savePdf } from '../kiosk/save-pdf';
import { PrintResult } from '../components/PrintResult';
import { api } from '../transport';
import { ShortcutButton } from './ShortcutButton';
import { SHORTCUTS } from './shortcuts';

/** How often a queued submission asks whether the centre has acknowledged it. */
const POLL_MS = 3000;

/**
 * A submitted dossier: queued or sent, its receipt code and result date, and the receipt to print
 * (focused as soon as there is one); `onPrinted` moves the officer on to the next citizen.
 */
export function SubmitPanel({ initial, onPrinted }: { initial: SubmissionView; onPrinted?: () => void }) {
  const { t } = useTranslation();
  const [submission, setSubmission] = useState(initial);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [printed, setPrinted] = useState<'official' | 'provisional' | null>(null);
  const [printing, setPrinting] = useState(false);
  const [printOutcome, setPrintOutcome] = useState<PrintOutcomeView | undefined>();
  const printButton = useRef<HTMLButtonElement>(null);
  useEffect(() => printButton.current?.focus(), [submission.state]);

  // The outbox sends it with the next sync round; until then, ask now and then.
  useEffect(() => {
    if (submission.state !== 'queued') return;
    const timer = window.setInterval(() => {
      void api.invoke('counter.submission', { submissionId: submission.submissionId }).then((r) => r.ok && setSubmission(r.value));
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [submission.state, submission.submissionId]);

  const print = async () => {
    setError(null);
    setPrinting(true);
    setPrintOutcome(undefined);
    const result = await api.invoke('print.receipt', { submissionId: submission.submissionId });
    setPrinting(false);
    if (!result.ok) return setError(result.error);
    savePdf(result.value);
    setPrintOutcome(result.value.print);
    // While queued the host prints the provisional receipt (local reference); once sent, the official one.
    setPrinted(submission.receiptCode === null ? 'provisional' : 'official');
    onPrinted?.();
  };

  return (
    <section className="counter-submission" aria-live="polite">
      {submission.state === 'sent' && <p className="notice">{t('desk.sent', { code: submission.receiptCode })}</p>}
      {submission.state === 'queued' && <p className="warning">{t('desk.queued')}</p>}
      {submission.state === 'attention' && (
        <p className="error" role="alert">
          {t('desk.attention')} {t('refusal.noReceipt')}
        </p>
      )}
      <p>{submission.expectedResultDate ? t('desk.expected', { date: formatIsoDate(submission.expectedResultDate) }) : t('desk.noExpected')}</p>
      {submission.state === 'queued' && submission.reference && <p>{t('desk.provisionalReference', { reference: submission.reference })}</p>}
      {/* A refused dossier has no receipt to give: no button offers one. */}
      {submission.state === 'queued' && (
        <ShortcutButton ref={printButton} shortcut={SHORTCUTS.receipt} onClick={() => void print()}>
          {t('desk.printProvisional')}
        </ShortcutButton>
      )}
      {submission.state === 'sent' && (
        <ShortcutButton ref={printButton} shortcut={SHORTCUTS.receipt} disabled={submission.receiptCode === null} onClick={() => void print()}>
          {t('desk.printReceipt')}
        </ShortcutButton>
      )}
      {printed === 'provisional' && submission.state === 'queued' && <p className="notice">{t('desk.provisionalPrinted')}</p>}
      {printed === 'official' && <p className="notice">{t('desk.receiptPrinted')}</p>}
      <PrintResult printing={printing} outcome={printOutcome} audience="counter" />
      <ErrorMessage error={error} />
    </section>
  );
}
