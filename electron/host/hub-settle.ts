import { HubUnavailable, type HubClient } from '../hub/hub-client';
import type { Block } from '../hub/block-store';
import { BLOCK_LOW, type OfflineTickets } from '../hub/offline-tickets';
import type { CallsByHand } from './calls-by-hand';

export interface SettleDeps {
  offline: OfflineTickets;
  callsByHand: CallsByHand;
  sendRatings: () => Promise<unknown>;
  logError?: (channel: string, error: unknown) => void;
}

/**
 * With the hub there, a kiosk gives back what it issued from its block (in order) and keeps a
 * block in reserve for the next outage; a counter tells the numbers it called by hand; a rating
 * screen sends its ratings. Runs once at a time; a failure waits for the next chance.
 */
export function settler(deps: SettleDeps): (client: HubClient | null) => Promise<void> {
  let flushing: Promise<void> | null = null;

  async function giveBackAndReserve(client: HubClient): Promise<void> {
    const waiting = deps.offline.waiting();
    if (waiting.length > 0) {
      const { accepted, refused } = await client.call<{ accepted: number; refused: string[] }>('returnTickets', { tickets: waiting });
      if (refused.length > 0) deps.logError?.('hub', new Error(`the hub refused block tickets ${refused.join(', ')} (${accepted} taken back)`));
      deps.offline.givenBack(waiting.map((t) => t.number));
    }
    if (deps.offline.remaining() < BLOCK_LOW) deps.offline.add((await client.call<{ block: Block }>('reserveBlock')).block);
  }

  return (client) => {
    const role = client?.link.role;
    if (role === 'rating') return deps.sendRatings().then(() => undefined);
    if (!client || (role !== 'kiosk' && role !== 'counter')) return Promise.resolve();
    flushing ??= (role === 'counter' ? deps.callsByHand.replay(client) : giveBackAndReserve(client))
      .catch((error: unknown) => {
        if (!(error instanceof HubUnavailable)) deps.logError?.('hub', error);
      })
      .finally(() => (flushing = null));
    return flushing;
  };
}
