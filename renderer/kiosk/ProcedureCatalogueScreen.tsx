import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ChannelOutput, ProcedureEntry } from '../../electron/contract';
import { Bilingual, useBoth } from '../components/Bilingual';
import { Button } from '../components/Button';
import { formatVnd } from '../components/compare-format';
import { ErrorMessage } from '../components/ErrorMessage';
import { VietKeyboard } from '../components/VietKeyboard';
import { currentLanguage } from '../i18n';
import { api } from '../transport';
import { KioskNav } from './KioskNav';

type Results = ChannelOutput<'procedures.search'>;

/**
 * "Tra cứu thủ tục": any procedure of the synced catalogue, found by words typed with or without
 * accents or by the life event it belongs to; each one compact (name, who handles it, fee, time),
 * its requirements, forms and whether it can be done online on a touch. Nothing personal.
 */
export function ProcedureCatalogueScreen({ onHome, codes: slipCodes = null }: { onHome: () => void; /** From a reminder slip's QR: these procedures first. */ codes?: string[] | null }) {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage(i18n.language);
  const both = useBoth();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [query, setQuery] = useState('');
  const [lifeEvent, setLifeEvent] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(slipCodes);
  const [typing, setTyping] = useState(false);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => heading.current?.focus(), []);
  // Asked again at every key; an answer for an earlier query is dropped.
  useEffect(() => {
    let live = true;
    void api.invoke('procedures.search', { query, lifeEvent, ...(codes ? { codes } : {}) }).then((r) => {
      if (!live) return;
      if (r.ok) setResults(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [query, lifeEvent, codes]);

  return (
    <section className="catalogue" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
        <Bilingual text={both('catalogue.title')} />
      </h1>
      {codes ? (
        <div className="notice slip-procedures">
          <Bilingual as="p" text={both('slipQr.fromSlip')} />
          <Button variant="secondary" className="btn-small" onClick={() => setCodes(null)}>
            {t('slipQr.all')}
          </Button>
        </div>
      ) : (
        <>
          <div className="field catalogue-search">
            <label htmlFor={`${id}-q`}>{t('catalogue.search')}</label>
            <input
              id={`${id}-q`}
              type="search"
              inputMode="none"
              autoComplete="off"
              spellCheck={false}
              maxLength={100}
              value={query}
              onClick={() => setTyping(true)}
              onChange={(e) => setQuery(e.target.value)}
            />
            <span className="hint">{t('catalogue.searchHint')}</span>
          </div>
          {results && (
            <div className="choices life-events" role="group" aria-label={t('catalogue.byLifeEvent')}>
              <Button variant="secondary" aria-pressed={lifeEvent === null} onClick={() => setLifeEvent(null)}>
                {t('catalogue.all')}
              </Button>
              {results.lifeEvents.map((e) => (
                <Button key={e.id} variant="secondary" aria-pressed={lifeEvent === e.id} onClick={() => setLifeEvent(e.id)}>
                  {e.title[lng]} ({e.count})
                </Button>
              ))}
            </div>
          )}
        </>
      )}
      <ErrorMessage error={error} />
      {results && (
        <>
          <p className="lead" role="status" hidden={codes !== null}>
            {results.total > results.entries.length ? t('catalogue.countMore', { count: results.total, shown: results.entries.length }) : t('catalogue.count', { count: results.total })}
          </p>
          <ol className="procedure-list">
            {results.entries.map((p) => (
              <ProcedureRow key={p.code} procedure={p} />
            ))}
          </ol>
        </>
      )}
      {typing && <VietKeyboard label={t('catalogue.search')} value={query} maxLength={100} capitalise="first" onChange={setQuery} onDone={() => setTyping(false)} />}
      <KioskNav onBack={onHome} backHint={t('lookup.home')} />
    </section>
  );
}

function ProcedureRow({ procedure: p }: { procedure: ProcedureEntry }) {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage(i18n.language);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const detailsId = useId();
  const days = p.processingDays === null ? t('catalogue.unknown') : p.processingDays === 0 ? t('catalogue.sameDay') : t('catalogue.days', { count: p.processingDays });
  return (
    <li className="procedure-row">
      <h2 id={titleId}>{p.name[lng]}</h2>
      <p className="procedure-facts">
        <span>
          {t('catalogue.agency')}: <strong>{p.agency[lng]}</strong>
        </span>
        <span>
          {t('catalogue.fee')}: <strong>{p.feeVnd === null ? t('catalogue.unknown') : formatVnd(t, lng, p.feeVnd)}</strong>
        </span>
        <span>
          {t('catalogue.time')}: <strong>{days}</strong>
        </span>
        {p.online !== null && <span className={p.online ? 'channel' : 'rank'}>{p.online ? t('catalogue.online') : t('catalogue.notOnline')}</span>}
      </p>
      <Button variant="secondary" className="btn-details" aria-expanded={open} aria-controls={detailsId} aria-describedby={titleId} onClick={() => setOpen((o) => !o)}>
        {open ? t('kioskFit.hideDetails') : t('kioskFit.showDetails')}
      </Button>
      <div id={detailsId} hidden={!open} className="procedure-details">
        <h3>{t('catalogue.requirements')}</h3>
        {p.requirements.length > 0 ? (
          <ul>
            {p.requirements.map((r) => (
              <li key={r.vi}>{r[lng]}</li>
            ))}
          </ul>
        ) : (
          <p>{t('catalogue.askCounter')}</p>
        )}
        <h3>{t('catalogue.forms')}</h3>
        {p.forms.length > 0 ? (
          <ul>
            {p.forms.map((f) => (
              <li key={f.formId}>
                {f.title[lng]} {f.formNumber.toLocaleUpperCase('vi') !== f.title.vi.toLocaleUpperCase('vi') && `(${f.formNumber})`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('catalogue.noForm')}</p>
        )}
        <p className="hint">
          {t('catalogue.code')}: {p.code}
        </p>
      </div>
    </li>
  );
}
