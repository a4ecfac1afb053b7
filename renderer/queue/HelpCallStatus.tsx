import { useEffect, useState } from 'react';
import type { HelpRequestView } from '../../electron/contract';
import { Bilingual, useBoth } from '../components/Bilingual';
import { api } from '../transport';

/**
 * "Hỏi cán bộ" through the centre hub: the call goes to every counter as soon as the page opens;
 * the kiosk then says an officer is coming, and from which counter. The call closes with the page.
 * Where the call reaches no one (no hub, or the hub away), it says so: no one was called.
 */
export function HelpCallStatus() {
  const both = useBoth();
  const [request, setRequest] = useState<HelpRequestView | null>(null);
  const [unanswered, setUnanswered] = useState(false);
  useEffect(() => {
    let mine: string | null = null;
    void api.invoke('help.request', {}).then((r) => {
      if (!r.ok) return setUnanswered(true);
      mine = r.value.request.kiosk;
      setRequest(r.value.request);
    });
    const off = api.on('help.requests', ({ requests }) => {
      const found = requests.find((x) => x.kiosk === mine);
      if (found) setRequest(found);
    });
    return () => {
      off();
      void api.invoke('help.close', {});
    };
  }, []);
  if (unanswered) return <Bilingual as="p" className="calm" text={both('askHelp.notCalled')} />;
  if (!request) return null;
  return (
    <p className={request.takenBy ? 'notice help-coming' : 'notice help-waiting'} role="status" data-testid="help-status">
      <Bilingual text={request.takenBy ? both('queue.help.coming', { counter: request.takenBy }) : both('queue.help.sent')} />
    </p>
  );
}
