import { useEffect, useState } from 'react';
import type { DemoPhoneMessage } from '../../electron/contract';
import { Bilingual, useBoth } from '../components/Bilingual';
import { api } from '../transport';

const POLL_MS = 1500;

/**
 * Demo mode only, and marked so: the citizen's "phone" as the demo centre wrote to it, so the holder
 * confirmation can be walked without a phone. The host refuses the channel outside demo mode, and
 * the panel then shows nothing.
 */
export function DemoPhonePanel() {
  const both = useBoth();
  const [demo, setDemo] = useState(false);
  const [messages, setMessages] = useState<DemoPhoneMessage[]>([]);
  useEffect(() => void api.invoke('app.info', {}).then((r) => setDemo(r.ok && r.value.demo)), []);
  useEffect(() => {
    if (!demo) return undefined;
    const read = () => void api.invoke('identity.demoPhone', {}).then((r) => r.ok && setMessages(r.value.messages));
    read();
    const timer = window.setInterval(read, POLL_MS);
    return () => window.clearInterval(timer);
  }, [demo]);
  if (!demo) return null;
  return (
    <aside className="demo-phone" aria-label={`${both('demoPhone.title').vi} / ${both('demoPhone.title').en}`}>
      <Bilingual as="h2" text={both('demoPhone.title')} />
      <Bilingual as="p" className="hint" text={both('demoPhone.note')} />
      {messages.length === 0 ? (
        <Bilingual as="p" text={both('demoPhone.empty')} />
      ) : (
        <ul className="demo-phone-messages">
          {messages.map((m) => (
            <li key={`${m.at}-${m.code}`}>
              <span className="demo-phone-to">{m.phoneHint}</span> <span className="demo-phone-text">{m.text}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
