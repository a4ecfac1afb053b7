import { useEffect, useRef } from 'react';
import { Bilingual, useBoth } from '../components/Bilingual';
import type { LocalizedText } from '../../electron/contract';
import { HelpCallStatus } from '../queue/HelpCallStatus';
import { BackButton } from './KioskNav';

/**
 * A calm page that promises nothing it cannot keep: the call goes to the counters through the
 * centre hub, and where no counter can be reached it says no one was called and where the help
 * desk is; Back returns to where the citizen was.
 */
export function AskOfficerScreen({ centreName, onBack }: { centreName: LocalizedText | null; onBack: () => void }) {
  const both = useBoth();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="ask-officer" aria-labelledby="ask-officer-title">
      <h1 id="ask-officer-title" ref={heading} tabIndex={-1}>
        <Bilingual text={both('askHelp.title')} />
      </h1>
      <HelpCallStatus />
      <div className="officer-where">
        <svg className="officer-icon" aria-hidden="true" viewBox="0 0 48 48" width="64" height="64">
          {/* A person raising a hand: how to call the nearest officer. */}
          <circle cx="20" cy="12" r="6" fill="currentColor" />
          <path d="M10 44V28a10 10 0 0 1 20 0v16" fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
          <path d="M28 22l8-10V4" fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <Bilingual as="p" text={both('askHelp.where')} />
      </div>
      {centreName && (centreName.vi || centreName.en) && <Bilingual as="p" className="officer-centre" text={centreName} />}
      <Bilingual as="p" text={both('askHelp.kept')} />
      <Bilingual as="p" className="hint" text={both('kioskUi.officer.privacy')} />
      <div className="kiosk-nav">
        <BackButton onBack={onBack} primary />
      </div>
    </section>
  );
}
