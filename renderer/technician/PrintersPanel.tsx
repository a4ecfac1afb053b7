import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentKind, type AppErrorData, type DocumentKindName, type PrintersOverview, type PrintOutcomeView, type PrinterView } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { PrintResult } from '../components/PrintResult';
import { api } from '../transport';

const STATE_KEY: Record<PrinterView['state'], string> = { idle: 'print.stateIdle', printing: 'print.statePrinting', disabled: 'print.stateDisabled' };

/** The system's printers with their state and queue; the printer for each document kind; a test page. */
export function PrintersPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [overview, setOverview] = useState<PrintersOverview | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const [tested, setTested] = useState<PrintOutcomeView | null>(null);

  const refresh = useCallback(async () => {
    const r = await api.invoke('printers.list', {});
    setError(r.ok ? null : r.error);
    if (r.ok) setOverview(r.value);
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const choose = async (kind: DocumentKindName, printer: string) => {
    const r = await api.invoke('printers.choose', { kind, printer: printer === '' ? null : printer });
    setError(r.ok ? null : r.error);
    if (r.ok) setOverview(r.value);
  };
  const testPage = async (printer: string) => {
    setTesting(printer);
    setTested(null);
    const r = await api.invoke('printers.testPage', { printer });
    setTesting(null);
    setError(r.ok ? null : r.error);
    if (r.ok) setTested(r.value);
    await refresh();
  };

  return (
    <section className="printers-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('print.printersTitle')}</h2>
      <p className="hint">{t('print.printersHint')}</p>
      <div className="actions">
        {documentKind.options.map((kind) => (
          <div className="device-field" key={kind}>
            <label htmlFor={`${id}-${kind}`}>{t('print.chooseFor', { kind: t(`print.kind_${kind}`) })}</label>
            <select id={`${id}-${kind}`} value={overview?.chosen[kind] ?? ''} disabled={!overview} onChange={(e) => void choose(kind, e.target.value)}>
              <option value="">{t('print.none')}</option>
              {overview?.printers.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ))}
        <Button variant="secondary" onClick={() => void refresh()}>
          {t('print.refresh')}
        </Button>
      </div>
      <ErrorMessage error={error} />
      <PrintResult printing={testing !== null} outcome={tested} audience="counter" />
      {overview?.printers.length === 0 && <p className="hint">{t('print.noPrinters')}</p>}
      {overview && overview.printers.length > 0 && (
        <table>
          <caption className="sr-only">{t('print.printersTitle')}</caption>
          <tbody>
            {overview.printers.map((p) => (
              <tr key={p.name} data-printer={p.name}>
                <th scope="row">
                  {p.name}
                  {p.isDefault && ` (${t('print.default')})`}
                </th>
                <td>
                  {t(STATE_KEY[p.state])}
                  {!p.accepting && `, ${t('print.notAccepting')}`}
                  {p.alerts.length > 0 && <div>{t('print.alerts', { alerts: p.alerts.join(', ') })}</div>}
                </td>
                <td>{t('print.queue', { count: p.queue.length })}</td>
                <td>{p.chosenFor.map((k) => t(`print.kind_${k}`)).join(', ')}</td>
                <td>
                  <Button variant="secondary" className="btn-small" disabled={testing !== null} onClick={() => void testPage(p.name)}>
                    {t('print.testPage')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
