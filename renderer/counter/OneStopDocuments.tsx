import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, OneStopRequest, PrintOutcomeView } from '../../electron/contract';
import { Button } from '../components/Button';
import { DateInput } from '../components/DateInput';
import { ErrorMessage } from '../components/ErrorMessage';
import { PrintResult } from '../components/PrintResult';
import { savePdf } from '../kiosk/save-pdf';
import { api } from '../transport';

/**
 * The one-stop documents of the dossier in the work pane (Decree 118/2025), printed from its data:
 * before it is received, the request to supplement (what the originals check found missing) and
 * the refusal (the officer's reason); once sent, the apology with a new return date and the
 * control sheet. `beforePrint` saves the originals check first, so the request says what is shown.
 */
export function OneStopDocuments({ draftId, received, beforePrint }: { draftId: string; received: boolean; beforePrint: () => Promise<AppErrorData | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [newDate, setNewDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [outcome, setOutcome] = useState<PrintOutcomeView | undefined>();
  const [done, setDone] = useState<string | null>(null);

  const print = async (request: OneStopRequest) => {
    setBusy(true);
    setError(null);
    setDone(null);
    setOutcome(undefined);
    const saved = received ? null : await beforePrint();
    const r = saved ? null : await api.invoke('print.oneStop', request);
    setBusy(false);
    if (saved) return setError(saved);
    if (!r) return;
    if (!r.ok) return setError(r.error);
    savePdf(r.value);
    setOutcome(r.value.print);
    setDone(t(`oneStop.printed.${request.kind}`));
  };
  const typedReason = reason.trim();

  return (
    <details className="counter-one-stop">
      <summary>{t('oneStop.title')}</summary>
      <div className="one-stop-body">
        {received ? (
          <>
            <div className="cfield">
              <label htmlFor={`${id}-date`}>{t('oneStop.newDate')}</label>
              <DateInput id={`${id}-date`} size={13} placeholder={t('dossier.datePlaceholder')} value={newDate || null} onValue={(v) => setNewDate(v ?? '')} />
            </div>
            <div className="cfield">
              <label htmlFor={`${id}-reason`}>{t('oneStop.delayReason')}</label>
              <input id={`${id}-reason`} type="text" maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <Button variant="secondary" disabled={busy || typedReason === '' || !/^\d{4}-\d{2}-\d{2}$/.test(newDate)} onClick={() => void print({ kind: 'apology', draftId, newDate, reason: typedReason })}>
              {t('oneStop.apology')}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => void print({ kind: 'control', draftId })}>
              {t('oneStop.control')}
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" disabled={busy} onClick={() => void print({ kind: 'supplement', draftId })}>
              {t('oneStop.supplement')}
            </Button>
            <div className="cfield">
              <label htmlFor={`${id}-reason`}>{t('oneStop.refusalReason')}</label>
              <input id={`${id}-reason`} type="text" maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <Button variant="secondary" disabled={busy || typedReason === ''} onClick={() => void print({ kind: 'refusal', draftId, reasons: [typedReason] })}>
              {t('oneStop.refusal')}
            </Button>
          </>
        )}
        {done && (
          <p className="notice" role="status">
            {done}
          </p>
        )}
        <PrintResult outcome={outcome} audience="counter" />
        <ErrorMessage error={error} />
      </div>
    </details>
  );
}
