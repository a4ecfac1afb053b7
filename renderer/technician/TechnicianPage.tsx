import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, DoctorReport } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';
import { SyncStatusPanel } from '../components/SyncStatusPanel';
import { DevicesPanel } from './DevicesPanel';
import { KioskKeysPanel } from './KioskKeysPanel';
import { KioskOptionsPanel } from './KioskOptionsPanel';
import { QueueServicesPanel } from './QueueServicesPanel';
import { AccountsPanel } from './AccountsPanel';
import { PrintersPanel } from './PrintersPanel';
import { CentralPanel } from './CentralPanel';
import { TechnicianSignIn } from './TechnicianSignIn';
import { useSignOutWatch } from '../auth/useSignOutWatch';

const TECHNICIAN = ['technician'] as const;

/** Technician console: locked behind the PIN; the host checks the role on every call anyway. */
export function TechnicianPage() {
  const { t } = useTranslation();
  const [unlocked, setUnlocked] = useState<boolean | null>(null);
  const [report, setReport] = useState<DoctorReport | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    void api.invoke('session.get', {}).then((r) => setUnlocked(r.ok && r.value.role === 'technician'));
  }, []);
  const runDoctor = async () => {
    const result = await api.invoke('diagnostics.doctor', {});
    setReport(result.ok ? result.value : null);
    setError(result.ok ? null : result.error);
  };
  const lock = async () => {
    await api.invoke('session.lock', {});
    setReport(null);
    setUnlocked(false);
  };
  // The host signs an idle technician out; the console follows at the next key or touch.
  useSignOutWatch(unlocked === true, TECHNICIAN, () => {
    setReport(null);
    setUnlocked(false);
  });
  return (
    <section aria-labelledby="technician-title">
      <h1 id="technician-title">{t('technician.title')}</h1>
      <p className="lead">{t('technician.placeholder')}</p>
      {unlocked === false && <TechnicianSignIn onUnlocked={() => setUnlocked(true)} />}
      {unlocked && (
        <>
          <div className="actions">
            <Button onClick={() => void runDoctor()}>{t('technician.runDoctor')}</Button>
            <Button variant="secondary" onClick={() => void lock()}>
              {t('technician.lock')}
            </Button>
          </div>
          <ErrorMessage error={error} />
          {report && <pre className="report">{JSON.stringify(report, null, 2)}</pre>}
          <SyncStatusPanel canSyncNow />
          <CentralPanel />
          <DevicesPanel />
          <PrintersPanel />
          <KioskKeysPanel />
          <KioskOptionsPanel />
          <QueueServicesPanel />
          <AccountsPanel />
        </>
      )}
    </section>
  );
}
