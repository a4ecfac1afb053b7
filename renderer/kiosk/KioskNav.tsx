import { createContext, useContext } from 'react';
import { useBoth, Bilingual } from '../components/Bilingual';

/** Opens the "ask an officer" screen over whatever the citizen is doing. */
export const AskOfficerContext = createContext<() => void>(() => {});

/**
 * The two ways out a frightened citizen looks for, big and in the same place on every step:
 * back (with where it leads) and "ask an officer".
 */
export function KioskNav({ onBack, backHint }: { onBack?: () => void; backHint?: string }) {
  const both = useBoth();
  const askOfficer = useContext(AskOfficerContext);
  return (
    <nav className="kiosk-nav" aria-label={`${both('kioskUi.navLabel').vi} / ${both('kioskUi.navLabel').en}`}>
      {onBack && <BackButton onBack={onBack} hint={backHint} />}
      <button type="button" className="btn btn-secondary btn-nav btn-ask" onClick={askOfficer}>
        <span aria-hidden="true" className="nav-icon">
          ?
        </span>
        <Bilingual text={both('kioskUi.askOfficer')} />
      </button>
    </nav>
  );
}

/** The big Back button of the kiosk's bar, with where it leads when that helps. */
export function BackButton({ onBack, hint, primary = false }: { onBack: () => void; hint?: string; primary?: boolean }) {
  const both = useBoth();
  return (
    <button type="button" className={`btn ${primary ? 'btn-primary' : 'btn-secondary'} btn-nav btn-back`} onClick={onBack}>
      <span aria-hidden="true" className="nav-icon">
        ←
      </span>
      <span className="nav-text">
        <Bilingual text={both('kioskUi.back')} />
        {hint && <span className="nav-hint">{hint}</span>}
      </span>
    </button>
  );
}
