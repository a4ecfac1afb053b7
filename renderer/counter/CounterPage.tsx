import { useTranslation } from 'react-i18next';
import { SyncStatusPanel } from '../components/SyncStatusPanel';

/** The officer's workstation; sign-in, hand-off and walk-in entry arrive with the counter issue. */
export function CounterPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="counter-title">
      <h1 id="counter-title">{t('counter.title')}</h1>
      <p className="lead">{t('counter.placeholder')}</p>
      <SyncStatusPanel canSyncNow={false} />
    </section>
  );
}
