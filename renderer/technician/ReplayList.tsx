import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, DeviceView } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';

/** "Test without hardware": plugs a recorded device, which replays its stream once opened. */
export function ReplayList({ names, onReplayed }: { names: string[]; onReplayed: (view: DeviceView) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [plugged, setPlugged] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const replay = async (name: string) => {
    setBusy(name);
    setPlugged(null);
    const result = await api.invoke('devices.replay', { name });
    setBusy(null);
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setPlugged(name);
      onReplayed(result.value);
    }
  };
  return (
    <section className="replays" aria-labelledby="replays-title">
      <h3 id="replays-title">{t('devices.replay.title')}</h3>
      <p className="hint">{t('devices.replay.intro')}</p>
      {names.length === 0 ? (
        <p>{t('devices.replay.none')}</p>
      ) : (
        <ul className="replay-list">
          {names.map((name) => (
            <li key={name}>
              <Button variant="secondary" disabled={busy !== null} onClick={() => void replay(name)}>
                {t('devices.replay.play', { name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
      <p className="replay-status" role="status">
        {plugged !== null && t('devices.replay.plugged', { name: plugged })}
      </p>
    </section>
  );
}
