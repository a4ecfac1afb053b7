import type { HubClient } from '../hub/hub-client';
import type { HubSettings } from './hub-host-deps';

const CALLS = 'hub.callsByHand';

/**
 * Numbers a counter called by hand while the hub was away, told to the hub once it is back (it
 * may learn them from their kiosk later still, so those it does not know yet are kept).
 */
export class CallsByHand {
  constructor(private readonly settings: HubSettings) {}

  private list = (): string[] => JSON.parse(this.settings.get(CALLS) ?? '[]') as string[];

  add(number: string): void {
    this.settings.set(CALLS, JSON.stringify([...this.list(), number]));
  }

  async replay(client: HubClient): Promise<void> {
    const left: string[] = [];
    for (const number of this.list()) {
      const { ticket } = await client.call<{ ticket: unknown }>('callNumber', { number, officer: null });
      if (ticket === null) left.push(number);
    }
    this.settings.set(CALLS, JSON.stringify(left));
  }
}
