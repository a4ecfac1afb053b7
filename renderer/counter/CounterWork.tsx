import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, CounterDossier, ScanResult } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';
import { CasesPanel } from './CasesPanel';
import { DueListPanel } from './DueListPanel';
import { HandoffPanel } from './HandoffPanel';
import { KeptDocumentsPanel } from './KeptDocumentsPanel';

type Tab = 'handoff' | 'cases' | 'due' | 'kept';
const TABS: { tab: Tab; key: string; shortcut: string }[] = [
  { tab: 'handoff', key: 'desk.handoffTab', shortcut: '1' },
  { tab: 'cases', key: 'desk.casesTab', shortcut: '2' },
  { tab: 'due', key: 'desk.dueTab', shortcut: '3' },
  { tab: 'kept', key: 'print.keptTab', shortcut: '4' },
];

/**
 * The counter's work beside the walk-in form: a kiosk print-out or a receipt, scanned (HID
 * scanner event) or typed into the scan field, opens the dossier or the case; Alt+1…4 switch tabs.
 */
export function CounterWork() {
  const { t } = useTranslation();
  const id = useId();
  const [tab, setTab] = useState<Tab>('handoff');
  const [scanText, setScanText] = useState('');
  const [dossier, setDossier] = useState<CounterDossier | null>(null);
  const [receiptCode, setReceiptCode] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | string | null>(null);

  const onScan = useCallback(
    async (result: ScanResult) => {
      setError(null);
      if (result.kind === 'receipt') {
        setReceiptCode(result.receiptCode);
        return setTab('cases');
      }
      if (result.kind === 'error') return setError(result.error);
      if (result.kind !== 'handoff') return setError(t('desk.notAHandoff'));
      setTab('handoff');
      const r = await api.invoke('counter.openHandoff', { text: result.text });
      if (!r.ok) return setError(r.error);
      setDossier(r.value);
    },
    [t],
  );
  // An ID card scanned at the counter is the identify form's business, not this one's.
  useEffect(() => api.on('scan', ({ result }) => (result.kind === 'handoff' || result.kind === 'receipt') && void onScan(result)), [onScan]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const hit = e.altKey && TABS.find((x) => x.shortcut === e.key);
      if (!hit) return;
      e.preventDefault();
      setTab(hit.tab);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const classify = async () => {
    const r = await api.invoke('scan.classify', { text: scanText, asciiOnly: true });
    setScanText('');
    if (!r.ok) return setError(r.error);
    await onScan(r.value);
  };

  return (
    <section className="counter-work" aria-label={t('desk.tabs')}>
      <form
        className="counter-forms"
        onSubmit={(e) => {
          e.preventDefault();
          void classify();
        }}
      >
        <div className="cfield">
          <label htmlFor={`${id}-scan`}>{t('desk.scanLabel')}</label>
          <input id={`${id}-scan`} type="text" autoComplete="off" spellCheck={false} size={40} value={scanText} onChange={(e) => setScanText(e.target.value)} />
        </div>
        <Button type="submit" disabled={scanText.trim() === ''}>
          {t('desk.open')}
        </Button>
      </form>
      <p className="hint">{t('desk.scanHint')}</p>
      <ErrorMessage error={error} />
      <div role="tablist" className="actions">
        {TABS.map((x) => (
          <Button key={x.tab} role="tab" variant={tab === x.tab ? 'primary' : 'secondary'} aria-selected={tab === x.tab} aria-keyshortcuts={`Alt+${x.shortcut}`} onClick={() => setTab(x.tab)}>
            {t(x.key)}
          </Button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'handoff' && dossier && <HandoffPanel key={dossier.view.draft.id} initial={dossier} />}
        {tab === 'cases' && <CasesPanel receiptCode={receiptCode} />}
        {tab === 'due' && (
          <DueListPanel
            onOpen={(code) => {
              setReceiptCode(code);
              setTab('cases');
            }}
          />
        )}
        {tab === 'kept' && <KeptDocumentsPanel />}
      </div>
    </section>
  );
}
