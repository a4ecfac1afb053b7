import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, KeptDocumentView, PrintOutcomeView } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { PrintResult } from '../components/PrintResult';
import { currentLanguage } from '../i18n';
import { api } from '../transport';

/** "14:05 24/11", in the centre's time zone. */
const timeOf = (iso: string) => {
  const at = new Date(iso);
  const zone = { timeZone: 'Asia/Ho_Chi_Minh' } as const;
  return `${at.toLocaleTimeString('vi-VN', { ...zone, hour: '2-digit', minute: '2-digit' })} ${at.toLocaleDateString('vi-VN', { ...zone, day: '2-digit', month: '2-digit' })}`;
};

/** Documents a printer did not print (kept for a working day): why, and Reprint once the printer is back. */
export function KeptDocumentsPanel() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const [documents, setDocuments] = useState<KeptDocumentView[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [reprinting, setReprinting] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<PrintOutcomeView | null>(null);
  const load = useCallback(async () => {
    const r = await api.invoke('print.kept', {});
    setError(r.ok ? null : r.error);
    if (r.ok) setDocuments(r.value.documents);
  }, []);
  useEffect(() => void load(), [load]);

  const reprint = async (id: string) => {
    setReprinting(id);
    setOutcome(null);
    const r = await api.invoke('print.reprint', { reprintId: id });
    setReprinting(null);
    setError(r.ok ? null : r.error);
    if (r.ok) setOutcome(r.value);
    await load();
  };

  return (
    <section className="counter-kept" aria-labelledby="kept-title">
      <h2 id="kept-title">{t('print.keptTab')}</h2>
      <Button variant="secondary" onClick={() => void load()}>
        {t('print.refresh')}
      </Button>
      <ErrorMessage error={error} />
      <PrintResult printing={reprinting !== null} outcome={outcome} audience="counter" />
      {documents?.length === 0 && <p className="hint">{t('print.keptEmpty')}</p>}
      <ul className="reminder-list">
        {documents?.map((d) => (
          <li key={d.id} className="reminder">
            <strong>{d.title}</strong> · {t(`print.kind_${d.kind}`)} · {t('print.keptAt', { time: timeOf(d.keptAt) })}
            <p>{d.reason ? d.reason.message[lang] : t('print.notTried')}</p>
            <Button className="btn-small" disabled={reprinting !== null} aria-label={`${t('print.reprint')}: ${d.title}`} onClick={() => void reprint(d.id)}>
              {t('print.reprint')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
