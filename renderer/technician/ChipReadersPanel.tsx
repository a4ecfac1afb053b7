import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ChipReadersOverview, ChipReaderTest } from '../../electron/contract';
import { Bilingual, useBoth } from '../components/Bilingual';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';

/** A card laid on or taken off shows without a refresh. */
const POLL_MS = 1500;

/** The chip ID card readers (PC/SC): each with its card or none, a live test, and in demo mode the demo card. */
export function ChipReadersPanel() {
  const { t } = useTranslation();
  const [overview, setOverview] = useState<ChipReadersOverview | null>(null);
  const [tests, setTests] = useState<Record<string, ChipReaderTest>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  const refresh = useCallback(async () => {
    const result = await api.invoke('devices.chipReaders', {});
    if (result.ok) setOverview(result.value);
  }, []);
  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const test = async (reader: string) => {
    setBusy(reader);
    const result = await api.invoke('devices.chipTest', { reader });
    setBusy(null);
    setError(result.ok ? null : result.error);
    setTests((prev) => {
      const next = { ...prev };
      if (result.ok) next[reader] = result.value;
      else delete next[reader];
      return next;
    });
  };

  return (
    <section className="chip-readers" aria-labelledby="chip-readers-title">
      <h3 id="chip-readers-title">{t('chipReaders.title')}</h3>
      <p className="hint">{t('chipReaders.intro')}</p>
      {overview === null ? (
        <p>{t('devices.loading')}</p>
      ) : (
        <>
          <p className={`backend-status backend-${overview.service}`} role="status">
            <span className="backend-label">{t('chipReaders.service')}:</span> <strong>{t(`chipReaders.${overview.service}`)}</strong>
            {overview.service === 'unavailable' && <span> {t('chipReaders.unavailableHint')}</span>}
          </p>
          {overview.service === 'ok' && overview.readers.length === 0 && <p>{t('chipReaders.none')}</p>}
          <ul className="chip-reader-list">
            {overview.readers.map((reader) => (
              <li key={reader.name} className="chip-reader" aria-label={reader.name}>
                <code>{reader.name}</code>{' '}
                <strong className={reader.cardPresent ? 'card-present' : 'card-absent'}>{t(reader.cardPresent ? 'chipReaders.cardPresent' : 'chipReaders.cardAbsent')}</strong>{' '}
                <Button variant="secondary" disabled={busy !== null} onClick={() => void test(reader.name)}>
                  {busy === reader.name ? t('chipReaders.testing') : t('chipReaders.test')}
                </Button>
                {tests[reader.name] && <ChipTestResult result={tests[reader.name]!} />}
              </li>
            ))}
          </ul>
          <ErrorMessage error={error} />
          {overview.demoCard && <DemoCardControl present={overview.demoCard.present} onChanged={() => void refresh()} />}
        </>
      )}
    </section>
  );
}

function ChipTestResult({ result }: { result: ChipReaderTest }) {
  const { t } = useTranslation();
  return (
    <dl className="chip-test">
      <dt>ATR</dt>
      <dd>
        <code>{result.atr}</code>
      </dd>
      <dt>SELECT eMRTD</dt>
      <dd>
        <code>{result.selectStatus}</code> — {t(result.emrtd ? 'chipReaders.emrtd' : 'chipReaders.notEmrtd')}
      </dd>
      <dt>{t('chipReaders.time')}</dt>
      <dd>{result.ms} ms</dd>
    </dl>
  );
}

/** Demo mode only, and marked so: the demo card (the project's virtual chip) on vpcd's reader. */
function DemoCardControl({ present, onChanged }: { present: boolean; onChanged: () => void }) {
  const both = useBoth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const toggle = async () => {
    setBusy(true);
    const result = await api.invoke('devices.demoCard', { present: !present });
    setBusy(false);
    setError(result.ok ? null : result.error);
    onChanged();
  };
  return (
    <aside className="demo-phone demo-card" aria-label={`${both('chipReaders.demo.title').vi} / ${both('chipReaders.demo.title').en}`}>
      <Bilingual as="h2" text={both('chipReaders.demo.title')} />
      <Bilingual as="p" className="hint" text={both('chipReaders.demo.note')} />
      <Button variant={present ? 'secondary' : 'primary'} disabled={busy} onClick={() => void toggle()}>
        <Bilingual text={both(present ? 'chipReaders.demo.remove' : 'chipReaders.demo.put')} />
      </Button>
      <ErrorMessage error={error} />
    </aside>
  );
}
