import { useEffect, useRef } from 'react';
import { Bilingual, useBoth } from '../components/Bilingual';
import type { LocalizedText } from '../../electron/contract';

/** A calm page: nothing went wrong, an officer will come or is at the desk; Back returns to where the citizen was. */
export function AskOfficerScreen({ centreName, onBack }: { centreName: LocalizedText | null; onBack: () => void }) {
  const both = useBoth();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="ask-officer" aria-labelledby="ask-officer-title">
      <h1 id="ask-officer-title" ref={heading} tabIndex={-1}>
        <Bilingual text={both('kioskUi.officer.title')} />
      </h1>
      <Bilingual as="p" className="calm" text={both('kioskUi.officer.calm')} />
      <div className="officer-where">
        <span aria-hidden="true" className="officer-icon">
          🙋
        </span>
        <Bilingual as="p" text={both('kioskUi.officer.where')} />
      </div>
      {centreName && (centreName.vi || centreName.en) && <Bilingual as="p" className="officer-centre" text={centreName} />}
      <Bilingual as="p" className="hint" text={both('kioskUi.officer.privacy')} />
      <div className="kiosk-nav">
        <button type="button" className="btn btn-primary btn-nav btn-back" onClick={onBack}>
          <span aria-hidden="true" className="nav-icon">
            ←
          </span>
          <Bilingual text={both('kioskUi.back')} />
        </button>
      </div>
    </section>
  );
}
