import { useEffect, useRef } from 'react';
import { Bilingual, useBoth } from '../components/Bilingual';

/** The last ten seconds before a walked-away citizen's session is erased; one big button keeps it. */
export function StillThereDialog({ secondsLeft, onContinue }: { secondsLeft: number; onContinue: () => void }) {
  const both = useBoth();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const count = both('kioskUi.idle.count', { count: secondsLeft });
  return (
    <div className="still-there-backdrop">
      <div className="still-there" role="alertdialog" aria-modal="true" aria-labelledby="still-there-title" aria-describedby="still-there-count">
        <h1 id="still-there-title">
          <Bilingual text={both('kioskUi.idle.title')} />
        </h1>
        <p className="countdown-number" aria-hidden="true">
          {secondsLeft}
        </p>
        <Bilingual as="p" className="countdown-text" text={count} />
        <p id="still-there-count" className="sr-only" aria-live="polite">
          {count.vi} {count.en}
        </p>
        <button ref={button} type="button" className="btn btn-primary btn-hero btn-continue" onClick={onContinue}>
          <Bilingual text={both('kioskUi.idle.continue')} />
        </button>
      </div>
    </div>
  );
}
