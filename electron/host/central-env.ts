import { z } from 'zod';
import type { AutoEnrolment } from './central-host';
import type { CentralLink } from '../sync/sync-service';
import type { DemoPhoneControl } from './demo-phone';

/**
 * How `motcua start` hands the Electron app its centre (flags, or the demo's simulator): an
 * environment variable rather than arguments, so a token is not on the process list.
 */
export const CENTRAL_ENV = 'MOTCUA_CENTRAL';

/** The demo centre's "phone" (its operator's control routes), for the demo panel. */
const phone = z.object({ url: z.string(), token: z.string() }).optional();
const choice = z.union([
  z.object({ link: z.object({ url: z.string(), token: z.string(), publicKeyPem: z.string() }), phone }),
  z.object({ enrol: z.object({ url: z.string(), publicKeyPem: z.string(), enrolmentCode: z.string(), centreCode: z.string() }), phone }),
]);

/** The centre given by the parent process, as HostConfig fields; none when unset. Throws on a malformed value. */
export function centralFromEnv(env: NodeJS.ProcessEnv): { central?: CentralLink; enrol?: AutoEnrolment; demoPhone?: DemoPhoneControl } {
  const text = env[CENTRAL_ENV];
  if (!text) return {};
  const parsed = choice.parse(JSON.parse(text));
  const demoPhone = parsed.phone ? { demoPhone: parsed.phone } : {};
  return 'link' in parsed ? { central: parsed.link, ...demoPhone } : { enrol: parsed.enrol, ...demoPhone };
}
