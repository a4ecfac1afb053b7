import { useCallback, useEffect, useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, CounterDossier, ScanResult } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';

/**
 * A kiosk print-out or a receipt, scanned (HID scanner event) or typed into the scan field:
 * the print-out's dossier opens in the work pane, the receipt's case in the context pane.
 */
export function ScanField({ inputRef, onHandoff, onReceipt }: { inputRef: Ref<HTMLInputElement>; onHandoff: (dossier: CounterDossier) => void; onReceipt: (receiptCode: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [scanText, setScanText] = useState('');
  const [error, setError] = useState<AppErrorData | string | null>(null);

  const onScan = useCallback(
    async (result: ScanResult) => {
      setError(null);
      if (result.kind === 'receipt') return onReceipt(result.receiptCode);
      if (result.kind === 'error') return setError(result.error);
      if (result.kind !== 'handoff') return setError(t('desk.notAHandoff'));
      const r = await api.invoke('counter.openHandoff', { text: result.text });
      if (!r.ok) return setError(r.error);
      onHandoff(r.value);
    },
    [t, onHandoff, onReceipt],
  );
  // An ID card scanned at the counter is the identify form's business, not this one's.
  useEffect(() => api.on('scan', ({ result }) => (result.kind === 'handoff' || result.kind === 'receipt') && void onScan(result)), [onScan]);

  const classify = async () => {
    const r = await api.invoke('scan.classify', { text: scanText, asciiOnly: true });
    setScanText('');
    if (!r.ok) return setError(r.error);
    await onScan(r.value);
  };

  return (
    <form
      className="counter-scan"
      onSubmit={(e) => {
        e.preventDefault();
        void classify();
      }}
    >
      <div className="cfield">
        <label htmlFor={`${id}-scan`}>
          {t('desk.scanLabel')} <kbd aria-hidden="true">F4</kbd>
        </label>
        <input id={`${id}-scan`} ref={inputRef} aria-keyshortcuts="F4" title={t('desk.scanHint')} type="text" autoComplete="off" spellCheck={false} value={scanText} onChange={(e) => setScanText(e.target.value)} />
      </div>
      <Button type="submit" variant="secondary" disabled={scanText.trim() === ''}>
        {t('desk.open')}
      </Button>
      <ErrorMessage error={error} />
    </form>
  );
}
