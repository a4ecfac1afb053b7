import { useEffect, useRef } from 'react';
import { Bilingual, useBoth } from '../components/Bilingual';

/**
 * The last ten seconds before a walked-away citizen's session is erased; one big button (or
 * Escape) keeps it. A modal <dialog>: the rest of the page, header included, cannot be reached meanwhile.
 */
export function StillThereDialog({ secondsLeft, onContinue }: { secondsLeft: number; onContinue: () => void }) {
  const both = useBoth();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);
  const count = both('kioskUi.idle.count', { count: secondsLeft });
  return (
    <dialog
      ref={dialog}
      className="still-there"
      role="alertdialog"
      aria-labelledby="still-there-title"
      aria-describedby="still-there-count"
      onCancel={(e) => {
        e.preventDefault();
        onContinue();
      }}
    >
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
      <button type="button" className="btn btn-primary btn-hero btn-continue" autoFocus onClick={onContinue}>
        <Bilingual text={both('kioskUi.idle.continue')} />
      </button>
    </dialog>
  );
}
