import { AppError, type HubStatusView } from '../contract';
import { HubClient, HubRefused, pairWithHub, type HubLink } from '../hub/hub-client';
import { OfflineTickets } from '../hub/offline-tickets';
import { RatingOutbox } from '../sync/rating-outbox';
import { CallsByHand } from './calls-by-hand';
import { callHub } from './hub-call';
import { counterQueueHandlers } from './hub-counter-handlers';
import { passHubEvent } from './hub-events';
import { helpAndDayHandlers } from './hub-help-day-handlers';
import type { HubHostDeps, HubJoin, HubLinkContext } from './hub-host-deps';
import { ratingHandlers } from './hub-rating-handlers';
import { settler } from './hub-settle';
import { serviceSetupHandlers } from './hub-setup-handlers';
import { ticketHandlers } from './hub-ticket-handlers';

export type { HubHostDeps, HubJoin } from './hub-host-deps';

const LINK_SETTING = 'hub.link';

/**
 * This machine's link to the centre hub: pairing (once; the link with the pinned hub key is
 * kept in settings), the queue and help channels, and the hub's events passed on to screens.
 * Without the hub a channel says so calmly (HUB_OFFLINE) and everything else keeps working.
 */
export function hubHost(deps: HubHostDeps) {
  let client: HubClient | null = null;
  const now = deps.now ?? (() => new Date());
  const offline = new OfflineTickets(deps.settings, now);
  const callsByHand = new CallsByHand(deps.settings);
  const ratings = new RatingOutbox(deps.settings);
  const sendRatings = () => ratings.flush(deps.centralLink()).catch((error: unknown) => deps.logError?.('ratings', error));
  const settleWith = settler({ offline, callsByHand, sendRatings, ...(deps.logError ? { logError: deps.logError } : {}) });
  const settle = () => settleWith(client);
  const link: HubLinkContext = { client: () => client, call: (op, input) => callHub(client, op, input) };

  const status = (): HubStatusView => {
    if (!client) return { state: 'unpaired', since: null, role: null, label: null };
    const { state, since } = client.status();
    return { state, since: new Date(since).toISOString(), role: client.link.role, label: client.link.label };
  };

  let ratingRetry: NodeJS.Timeout | null = null;
  function connect(hubLink: HubLink): void {
    client?.stop();
    if (ratingRetry) clearInterval(ratingRetry);
    // Ratings wait for the centre as dossiers do: tried again every minute.
    if (hubLink.role === 'rating') (ratingRetry = setInterval(() => void sendRatings(), 60_000)).unref();
    client = new HubClient({
      link: hubLink,
      key: deps.deviceKey(),
      onState: (state) => {
        deps.events.publish('hub.status', status());
        if (state === 'online') void settle();
      },
      onEvent: (topic, payload) => passHubEvent(deps.events, topic, payload),
    });
    if (deps.listen !== false) client.start();
  }

  const stored = deps.settings.get(LINK_SETTING);
  if (stored) connect(JSON.parse(stored) as HubLink);

  /** Pairs on first start; a machine already paired with this hub in this role keeps its link. */
  async function join(request: HubJoin): Promise<HubStatusView> {
    const current = client?.link;
    if (current && current.url === request.url && current.role === request.role) return status();
    let paired: HubLink;
    try {
      paired = await pairWithHub(request.url, request.code, request.role, deps.deviceKey());
    } catch (error) {
      throw new AppError(error instanceof HubRefused ? 'HUB_PAIRING_REFUSED' : 'HUB_OFFLINE');
    }
    deps.settings.set(LINK_SETTING, JSON.stringify(paired));
    connect(paired);
    // The first block is reserved at once: the hub may go before the first citizen comes.
    await settle();
    return status();
  }

  const handlers = {
    'hub.status': () => status(),
    ...ticketHandlers(link, { settings: deps.settings, offline, fonts: deps.fonts, centreName: deps.centreName, settle }),
    ...counterQueueHandlers(link, callsByHand),
    ...helpAndDayHandlers(link),
    ...serviceSetupHandlers(link),
    ...ratingHandlers(link, ratings, sendRatings),
  };

  return {
    handlers,
    join,
    status,
    /** Gives back block tickets and tops up the block now (the event stream does it on each reconnection). */
    settle,
    close: () => {
      client?.stop();
      if (ratingRetry) clearInterval(ratingRetry);
    },
  };
}
