import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ChannelOutput, DeviceView, EventPayload } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';
import { DeviceRow } from './DeviceRow';
import { emptyLog, RAW_LINES, RESULT_LINES, type LiveLog } from './device-format';
import { ReplayList } from './ReplayList';
import { ChipReadersPanel } from './ChipReadersPanel';

type Overview = ChannelOutput<'devices.list'>;

function appendLive(logs: Record<string, LiveLog>, live: EventPayload<'devices.live'>, id: number): Record<string, LiveLog> {
  const log = logs[live.key] ?? emptyLog();
  return {
    ...logs,
    [live.key]: {
      raw: live.raw === undefined ? log.raw : [...log.raw, { id, at: live.at, value: live.raw }].slice(-RAW_LINES),
      results: live.result === undefined ? log.results : [...log.results, { id, at: live.at, value: live.result }].slice(-RESULT_LINES),
    },
  };
}

/** The technician's "Devices" console: HID backend, each device's role and profile, live test, replays. */
export function DevicesPanel() {
  const { t } = useTranslation();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  // Live test data stays in this screen's memory only; it is dropped when the test stops or the screen closes.
  const [logs, setLogs] = useState<Record<string, LiveLog>>({});
  const latest = useRef(0);
  const nextId = useRef(0);

  const refresh = useCallback(async () => {
    const call = ++latest.current;
    const result = await api.invoke('devices.list', {});
    // An older answer that arrives late must not overwrite a newer one.
    if (call !== latest.current) return;
    setError(result.ok ? null : result.error);
    if (!result.ok) return;
    setOverview(result.value);
    const testing = new Set(result.value.devices.filter((d) => d.testing).map((d) => d.key));
    setLogs((prev) => (Object.keys(prev).every((key) => testing.has(key)) ? prev : Object.fromEntries(Object.entries(prev).filter(([key]) => testing.has(key)))));
  }, []);

  useEffect(() => {
    void refresh();
    return api.on('devices.changed', () => void refresh());
  }, [refresh]);

  useEffect(
    () =>
      api.on('devices.live', (live) => {
        const id = ++nextId.current;
        setLogs((prev) => appendLive(prev, live, id));
      }),
    [],
  );

  const clearLog = useCallback(
    (key: string) =>
      setLogs((prev) => {
        if (!(key in prev)) return prev;
        const next = { ...prev };
        delete next[key];
        return next;
      }),
    [],
  );

  const updated = useCallback(
    (view: DeviceView) => {
      setOverview((o) => (o && { ...o, devices: o.devices.some((d) => d.key === view.key) ? o.devices.map((d) => (d.key === view.key ? view : d)) : [...o.devices, view] }));
      if (!view.testing) clearLog(view.key);
      void refresh();
    },
    [clearLog, refresh],
  );

  return (
    <section className="devices" aria-labelledby="devices-title">
      <div className="devices-head">
        <h2 id="devices-title">{t('devices.title')}</h2>
        <Button variant="secondary" onClick={() => void refresh()}>
          {t('devices.refresh')}
        </Button>
      </div>
      <p className="devices-intro">{t('devices.intro')}</p>
      <ErrorMessage error={error} />
      {overview === null ? (
        !error && <p>{t('devices.loading')}</p>
      ) : (
        <>
          <p className={`backend-status backend-${overview.backend.status}`}>
            <span className="backend-label">{t('devices.backend.label')}:</span> <strong>{t(`devices.backend.${overview.backend.status}`)}</strong>
            {overview.backend.error && <span className="backend-error"> {t('devices.backend.error', { error: overview.backend.error })}</span>}
          </p>
          {overview.devices.length === 0 ? (
            <p className="devices-empty">{t('devices.empty')}</p>
          ) : (
            <ul className="device-list">
              {overview.devices.map((device) => (
                <li key={device.key}>
                  <DeviceRow device={device} log={logs[device.key] ?? null} onUpdated={updated} onClearLog={clearLog} />
                </li>
              ))}
            </ul>
          )}
          <ReplayList names={overview.replays} onReplayed={updated} />
        </>
      )}
      <ChipReadersPanel />
    </section>
  );
}
