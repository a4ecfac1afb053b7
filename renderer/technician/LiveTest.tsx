import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { DecodedResult } from './DecodedResult';
import type { LiveLog } from './device-format';

/** 16 bytes a row, as a hex dump prints them. */
const rows = (hex: string) => (hex.match(/(?:[0-9a-f]{2} ?){1,16}/gi) ?? [hex]).map((r) => r.trim()).join('\n');

/** Keeps a growing column scrolled to its newest line. */
function useStickToBottom(count: number) {
  const ref = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.scrollTop = ref.current.scrollHeight;
  }, [count]);
  return ref;
}

/** Live test of one device: its reports as they arrive beside what they decode to. */
export function LiveTest({ log, onClear }: { log: LiveLog | null; onClear: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const raw = log?.raw ?? [];
  const results = log?.results ?? [];
  const rawRef = useStickToBottom(raw.length);
  const resultsRef = useStickToBottom(results.length);
  return (
    <section className="live-test" aria-labelledby={`${id}-title`}>
      <div className="live-test-head">
        <h4 id={`${id}-title`}>{t('devices.live.title')}</h4>
        <Button variant="secondary" onClick={onClear} disabled={raw.length === 0 && results.length === 0}>
          {t('devices.live.clear')}
        </Button>
      </div>
      <p className="hint">{t('devices.live.hint')}</p>
      <div className="live-columns">
        <div className="live-column" role="group" aria-labelledby={`${id}-raw`}>
          <h5 id={`${id}-raw`}>{t('devices.live.raw')}</h5>
          {raw.length === 0 ? (
            <p className="live-empty">{t('devices.live.noRaw')}</p>
          ) : (
            // Scrollable, so reachable by keyboard.
            <ol ref={rawRef} className="live-lines raw-lines" tabIndex={0} aria-labelledby={`${id}-raw`}>
              {raw.map((line) => (
                <li key={line.id}>{rows(line.value)}</li>
              ))}
            </ol>
          )}
        </div>
        <div className="live-column" role="group" aria-labelledby={`${id}-decoded`}>
          <h5 id={`${id}-decoded`}>{t('devices.live.decoded')}</h5>
          {results.length === 0 ? (
            <p className="live-empty">{t('devices.live.noDecoded')}</p>
          ) : (
            <ol ref={resultsRef} className="live-lines decoded-lines" tabIndex={0} aria-labelledby={`${id}-decoded`}>
              {results.map((entry) => (
                <li key={entry.id}>
                  <DecodedResult result={entry.value} />
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}
