import { createContext, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useBoth, Bilingual } from '../components/Bilingual';

/** Opens the "ask an officer" screen over whatever the citizen is doing. */
export const AskOfficerContext = createContext<() => void>(() => {});

/**
 * The bar fixed at the screen's bottom, the same on every step: back (with where it leads), "ask an
 * officer", and the step's main action (Đồng ý, Tiếp tục, In …) at the right, so that action is on
 * screen in either orientation and at any text size however long the step above it is.
 */
export function KioskNav({ onBack, backHint, main }: { onBack?: () => void; backHint?: string; main?: ReactNode }) {
  const both = useBoth();
  const askOfficer = useContext(AskOfficerContext);
  const bar = useKioskBarHeight();
  return (
    <nav ref={bar} className="kiosk-nav" aria-label={`${both('kioskUi.navLabel').vi} / ${both('kioskUi.navLabel').en}`}>
      {onBack && <BackButton onBack={onBack} hint={backHint} />}
      <button type="button" className="btn btn-secondary btn-nav btn-ask" onClick={askOfficer}>
        <span aria-hidden="true" className="nav-icon">
          ?
        </span>
        <Bilingual text={both('kioskUi.askOfficer')} />
      </button>
      {main && <div className="kiosk-main-action">{main}</div>}
    </nav>
  );
}

/** Keeps `--kiosk-bar-h` at the bar's height (it grows when its buttons wrap at a large text size), so nothing scrolls under it. */
function useKioskBarHeight() {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() => root.setProperty('--kiosk-bar-h', `${el.offsetHeight}px`));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return ref;
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
