import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../electron/contract';
import { Button } from './Button';
import { ErrorMessage } from './ErrorMessage';
import { api } from '../transport';
import { formatInstant } from './format-date';

/** The link to the central system as officers and technicians see it; offline is a state, not a failure. */
export function SyncStatusPanel({ canSyncNow }: { canSyncNow: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    void api.invoke('sync.status', {}).then((r) => r.ok && setStatus(r.value));
    return api.on('sync.status', setStatus);
  }, []);
  if (!status) return null;
  const at = status.lastSuccessAt ? formatInstant(status.lastSuccessAt) : null;
  return (
    <section className={`sync-status sync-${status.state}`} aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p className="sync-state" role="status">
        {t(`sync.state.${status.state}`)}
      </p>
      {status.configured && (
        <ul className="sync-facts">
          <li>{t('sync.cursor', { cursor: status.cursor })}</li>
          {status.lag !== null && status.lag > 0 && <li>{t('sync.lag', { lag: status.lag })}</li>}
          {at && <li>{t('sync.lastSuccess', { at })}</li>}
          <li>{t('sync.outbox', status.outbox)}</li>
          <li>{t('sync.audit', status.audit)}</li>
          {status.lastError && status.state !== 'idle' && <li className="sync-last-error">{status.lastError}</li>}
        </ul>
      )}
      {status.configured && <ErrorMessage error={status.audit.error} />}
      {status.progress !== null && status.progress < 1 && (
        <progress aria-label={t('sync.progress')} value={status.progress} max={1} />
      )}
      {canSyncNow && status.configured && (
        <Button variant="secondary" disabled={status.state === 'syncing'} onClick={() => void api.invoke('sync.now', {}).then((r) => r.ok && setStatus(r.value))}>
          {t('sync.now')}
        </Button>
      )}
    </section>
  );
}
