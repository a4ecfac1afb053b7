import { startPrivateCups } from '../support/cups';

/**
 * The E2E's own CUPS scheduler: started before the served app, which reaches it through the
 * `CUPS_SERVER` it inherits; stopped when the run ends.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const cups = await startPrivateCups();
  return () => cups.stop();
}
