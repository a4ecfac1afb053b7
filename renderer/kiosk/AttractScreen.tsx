import type { AppErrorData, KioskOptions } from '../../electron/contract';
import { Bilingual, useBoth } from '../components/Bilingual';
import { ErrorMessage } from '../components/ErrorMessage';
import { KioskNav } from './KioskNav';
import { TakeNumberButton } from '../queue/TakeNumberButton';

interface Props {
  options: KioskOptions | null;
  /** The previous session was ended by the idle countdown. */
  wiped: boolean;
  scanError: AppErrorData | string | null;
  onType: () => void;
  onLookup: () => void;
  onCompare: () => void;
  onNumber: () => void;
  onCatalogue: () => void;
}

/** What a scan or the number leads to; the ways in without identification are buttons. */
const INFO = ['reminders', 'dossiers'] as const;

/**
 * The kiosk's home while nobody is being served: how to start (first, above the fold), what it
 * can do, then the opening hours; in large Vietnamese with English under it, whatever language
 * the last citizen chose. A card scanned now starts at once (KioskPage listens).
 */
export function AttractScreen({ options, wiped, scanError, onType, onLookup, onCompare, onNumber, onCatalogue }: Props) {
  const both = useBoth();
  const centre = options?.centreName;
  const actions = [
    { key: 'compare', label: 'compare.seeWays', onClick: onCompare },
    { key: 'status', label: 'lookup.open', onClick: onLookup },
    { key: 'catalogue', label: 'catalogue.title', onClick: onCatalogue },
  ];
  return (
    <section className="attract" aria-labelledby="welcome">
      <header className="attract-head">
        <h1 id="welcome" lang="vi">
          {both('kiosk.welcome').vi}
        </h1>
        <p className="attract-en" lang="en">
          {both('kiosk.welcome').en}
        </p>
        {centre && (centre.vi || centre.en) && <Bilingual as="p" className="attract-centre" text={centre} />}
      </header>

      <ErrorMessage error={scanError} />
      {wiped && (
        <p className="notice" role="status">
          {both('kiosk.idleWiped').vi} <span lang="en">{both('kiosk.idleWiped').en}</span>
        </p>
      )}

      {/* Side by side on a landscape screen, one above the other on a portrait one: all of it without scrolling. */}
      <div className="attract-body">
        <section className="attract-col" aria-labelledby="attract-start">
          <h2 id="attract-start" className="attract-subtitle">
            <Bilingual text={both('kioskUi.attract.howToStart')} />
          </h2>
          <div className="attract-start">
            <div className="start-way start-scan">
              <svg className="start-icon" aria-hidden="true" viewBox="0 0 64 48" width="96" height="72">
                {/* A card with a QR code: what to hold under the scanner. */}
                <rect x="2" y="2" width="60" height="44" rx="6" fill="none" stroke="currentColor" strokeWidth="3" />
                <rect x="34" y="10" width="9" height="9" fill="currentColor" />
                <rect x="47" y="10" width="9" height="9" fill="currentColor" />
                <rect x="34" y="29" width="9" height="9" fill="currentColor" />
                <rect x="47" y="24" width="4" height="4" fill="currentColor" />
                <rect x="52" y="31" width="4" height="7" fill="currentColor" />
                <rect x="8" y="12" width="18" height="3" fill="currentColor" />
                <rect x="8" y="20" width="14" height="3" fill="currentColor" />
                <rect x="8" y="28" width="18" height="3" fill="currentColor" />
              </svg>
              <span className="start-text">
                <Bilingual as="p" className="start-title" text={both('kioskUi.attract.scan')} />
                <Bilingual as="p" className="start-hint" text={both('kioskUi.attract.scanHint')} />
              </span>
            </div>
            <button type="button" className="btn btn-primary start-way start-type" onClick={onType}>
              <span className="start-icon" aria-hidden="true">
                123
              </span>
              <span className="start-text">
                <Bilingual className="start-title" text={both('kioskUi.attract.type')} />
                <Bilingual className="start-hint" text={both('kioskUi.attract.typeHint')} />
              </span>
            </button>
          </div>
          {/* What the card or the number leads to. */}
          <ul className="attract-services attract-after">
            {INFO.map((s) => (
              <li key={s} className="service-info">
                <Bilingual as="p" className="service-title" text={both(`kioskUi.attract.${s}`)} />
                <Bilingual as="p" className="service-text" text={both(`kioskUi.attract.${s}Text`)} />
              </li>
            ))}
          </ul>
        </section>
        <section className="attract-col" aria-labelledby="attract-can-do">
          <h2 id="attract-can-do" className="attract-subtitle">
            <Bilingual text={both('kioskUi.attract.canDo')} />
          </h2>
          <TakeNumberButton onClick={onNumber} />
          <ul className="attract-services">
            {actions.map(({ key, label, onClick }) => (
              <li key={key}>
                <button type="button" className="btn btn-secondary service-button" onClick={onClick}>
                  <Bilingual className="service-title" text={both(label)} />
                  <Bilingual className="service-text" text={both(`kioskUi.attract.${key}Text`)} />
                </button>
              </li>
            ))}
          </ul>
          {options && (
            <div className="attract-hours">
              <Bilingual as="p" text={both('kioskUi.attract.hours')} className="hours-title" />
              <Bilingual as="p" text={options.openingHours} />
              {options.saturdayMorning && <Bilingual as="p" text={both('kioskUi.attract.saturday')} />}
            </div>
          )}
        </section>
      </div>
      <KioskNav />
    </section>
  );
}
