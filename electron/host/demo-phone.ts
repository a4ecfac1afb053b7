import { z } from 'zod';
import { demoPhoneMessage, type DemoPhoneMessage } from '../contract';

/** The demo centre's test control for the citizens' registered phones (test/support/central-sim, /_control/phone). */
export interface DemoPhoneControl {
  url: string;
  /** The simulator's operator token: its control routes take no device token. */
  token: string;
}

const phoneAnswer = z.object({ messages: z.array(demoPhoneMessage.extend({ challengeId: z.string() })) });

/**
 * What the demo centre "sent" to the phone for a challenge, so the demo panel can show it: the
 * holder confirmation can then be walked on a machine with no phone and no reader. Demo mode only
 * (createHost drops it elsewhere); a centre that is not the simulator gives nothing.
 */
export function demoPhoneAt(control: DemoPhoneControl, fetchImpl: typeof fetch = fetch): (challengeId: string) => Promise<DemoPhoneMessage[]> {
  return async (challengeId) => {
    try {
      const res = await fetchImpl(new URL('_control/phone', control.url.endsWith('/') ? control.url : `${control.url}/`), {
        headers: { authorization: `Bearer ${control.token}` },
        signal: AbortSignal.timeout(3_000),
      });
      const parsed = phoneAnswer.safeParse(res.ok ? await res.json() : null);
      if (!parsed.success) return [];
      return parsed.data.messages.filter((m) => m.challengeId === challengeId).map(({ phoneHint, text, code, at }) => ({ phoneHint, text, code, at }));
    } catch {
      return [];
    }
  };
}
