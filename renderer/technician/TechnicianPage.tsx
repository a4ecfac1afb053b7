import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, DoctorReport } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';

/** Technician console; until the PIN sign-in exists, a kiosk session is refused by the host. */
export function TechnicianPage() {
  const { t } = useTranslation();
  const [report, setReport] = useState<DoctorReport | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const runDoctor = async () => {
    const result = await api.invoke('diagnostics.doctor', {});
    setReport(result.ok ? result.value : null);
    setError(result.ok ? null : result.error);
  };
  return (
    <section aria-labelledby="technician-title">
      <h1 id="technician-title">{t('technician.title')}</h1>
      <p className="lead">{t('technician.placeholder')}</p>
      <Button onClick={() => void runDoctor()}>{t('technician.runDoctor')}</Button>
      <ErrorMessage error={error} />
      {report && <pre className="report">{JSON.stringify(report, null, 2)}</pre>}
    </section>
  );
}
