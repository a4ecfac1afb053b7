import { AppError, events, type ChannelOutput, type HubStatusView, type LocalizedText, type TakenTicket } from '../contract';
import { HubClient, HubRefused, HubUnavailable, pairWithHub, type HubLink } from '../hub/hub-client';
import type { Block } from '../hub/block-store';
import { BLOCK_LOW, OfflineTickets } from '../hub/offline-tickets';
import type { MachineRole } from '../hub/pairing';
import type { FontFiles } from '../print/fonts';
import { renderQueueTicket } from '../print/queue-ticket';
import type { DeviceKey } from '../security/device-signing';
import { RatingOutbox, type RatingBody } from '../sync/rating-outbox';
import type { CentralLink } from '../sync/sync-service';
import type { EventBus } from './event-bus';
import type { Handlers } from './router';

const LINK_SETTING = 'hub.link';

export interface HubJoin {
  url: string;
  code: string;
  role: MachineRole;
}

export interface HubHostDeps {
  settings: { get(key: string): string | null; set(key: string, value: string): void };
  deviceKey: () => DeviceKey;
  events: EventBus;
  fonts: FontFiles;
  centreName: () => string | null;
  now?: () => Date;
  /** The centre ratings go to (POST /v1/ratings); null while the machine is not registered. */
  centralLink: () => CentralLink | null;
  logError?: (channel: string, error: unknown) => void;
  /** Keep the event stream open (off in tests that only call). */
  listen?: boolean;
}

type HubChannels =
  | 'hub.status'
  | 'queue.services'
  | 'queue.take'
  | 'queue.printTicket'
  | 'queue.callNext'
  | 'queue.callNumber'
  | 'queue.callAgain'
  | 'queue.serve'
  | 'queue.skip'
  | 'queue.transfer'
  | 'queue.current'
  | 'queue.board'
  | 'help.request'
  | 'help.mine'
  | 'help.close'
  | 'help.list'
  | 'help.take'
  | 'queue.day'
  | 'queue.dayCsv'
  | 'rating.target'
  | 'rating.submit';

interface ServiceRow {
  id: string;
  prefix: string;
  name: LocalizedText;
  /** Absent from services cached before the kiosk offered numbers for the procedures it printed. */
  procedures?: string[];
}

/**
 * This machine's link to the centre hub: pairing (once; the link with the pinned hub key is
 * kept in settings), the queue and help channels, and the hub's events passed on to screens.
 * Without the hub a channel says so calmly (HUB_OFFLINE) and everything else keeps working.
 */
export function hubHost(deps: HubHostDeps) {
  let client: HubClient | null = null;
  let services: ServiceRow[] = [];
  /** Numbers this kiosk issued today, to print their tickets. */
  const issued = new Map<string, TakenTicket>();
  const now = deps.now ?? (() => new Date());
  const offline = new OfflineTickets(deps.settings, now);
  let flushing: Promise<void> | null = null;
  const ratings = new RatingOutbox(deps.settings);
  const sendRatings = () => ratings.flush(deps.centralLink()).catch((error: unknown) => deps.logError?.('ratings', error));

  /**
   * With the hub there, a kiosk gives back what it issued from its block (in order) and keeps a
   * block in reserve for the next outage. Runs once at a time; a failure waits for the next chance.
   */
  function settle(): Promise<void> {
    const role = client?.link.role;
    if (role === 'rating') return sendRatings().then(() => undefined);
    if (role !== 'kiosk' && role !== 'counter') return Promise.resolve();
    flushing ??= (async () => {
      if (role === 'counter') return replayCalls();
      const waiting = offline.waiting();
      if (waiting.length > 0) {
        const { accepted, refused } = await client!.call<{ accepted: number; refused: string[] }>('returnTickets', { tickets: waiting });
        if (refused.length > 0) deps.logError?.('hub', new Error(`the hub refused block tickets ${refused.join(', ')} (${accepted} taken back)`));
        offline.givenBack(waiting.map((t) => t.number));
      }
      if (offline.remaining() < BLOCK_LOW) offline.add((await client!.call<{ block: Block }>('reserveBlock')).block);
    })()
      .catch((error: unknown) => {
        if (!(error instanceof HubUnavailable)) deps.logError?.('hub', error);
      })
      .finally(() => (flushing = null));
    return flushing;
  }

  const status = (): HubStatusView => {
    if (!client) return { state: 'unpaired', since: null, role: null, label: null };
    const { state, since } = client.status();
    return { state, since: new Date(since).toISOString(), role: client.link.role, label: client.link.label };
  };

  let ratingRetry: NodeJS.Timeout | null = null;
  function connect(link: HubLink): void {
    client?.stop();
    if (ratingRetry) clearInterval(ratingRetry);
    // Ratings wait for the centre as dossiers do: tried again every minute.
    if (link.role === 'rating') (ratingRetry = setInterval(() => void sendRatings(), 60_000)).unref();
    client = new HubClient({
      link,
      key: deps.deviceKey(),
      onState: (state) => {
        deps.events.publish('hub.status', status());
        if (state === 'online') void settle();
      },
      // Signed by the pinned hub, and still checked against the contract before any screen sees it.
      onEvent: (topic, payload) => {
        if (topic === 'queue') {
          const board = events['queue.board'].payload.safeParse(payload);
          if (board.success) deps.events.publish('queue.board', board.data);
        } else {
          const help = events['help.requests'].payload.safeParse(payload);
          if (help.success) deps.events.publish('help.requests', help.data);
        }
      },
    });
    if (deps.listen !== false) client.start();
  }

  /** Numbers a counter called by hand while the hub was away, told to the hub once it is back (it may learn them from their kiosk later still). */
  const CALLS = 'hub.callsByHand';
  const callsByHand = (): string[] => JSON.parse(deps.settings.get(CALLS) ?? '[]') as string[];
  async function replayCalls(): Promise<void> {
    const left: string[] = [];
    for (const number of callsByHand()) {
      const { ticket } = await client!.call<{ ticket: unknown }>('callNumber', { number, officer: null });
      if (ticket === null) left.push(number);
    }
    deps.settings.set(CALLS, JSON.stringify(left));
  }

  /** The services as last heard from the hub: a kiosk still offers them while the hub is away. */
  const SERVICES = 'hub.services';
  const cachedServices = (): ServiceRow[] => JSON.parse(deps.settings.get(SERVICES) ?? '[]') as ServiceRow[];

  const stored = deps.settings.get(LINK_SETTING);
  if (stored) connect(JSON.parse(stored) as HubLink);

  /** Pairs on first start; a machine already paired with this hub in this role keeps its link. */
  async function join(request: HubJoin): Promise<HubStatusView> {
    const current = client?.link;
    if (current && current.url === request.url && current.role === request.role) return status();
    let link: HubLink;
    try {
      link = await pairWithHub(request.url, request.code, request.role, deps.deviceKey());
    } catch (error) {
      throw new AppError(error instanceof HubRefused ? 'HUB_PAIRING_REFUSED' : 'HUB_OFFLINE');
    }
    deps.settings.set(LINK_SETTING, JSON.stringify(link));
    connect(link);
    // The first block is reserved at once: the hub may go before the first citizen comes.
    await settle();
    return status();
  }

  async function call<T>(op: string, input: object = {}): Promise<T> {
    if (!client) throw new AppError('HUB_NOT_PAIRED');
    try {
      return await client.call<T>(op, input);
    } catch (error) {
      if (error instanceof HubRefused) {
        if (error.code === 'unknown-service') throw new AppError('QUEUE_UNKNOWN_SERVICE');
        if (error.status === 403) throw new AppError('QUEUE_NOT_A_COUNTER');
        throw new AppError('BAD_INPUT');
      }
      if (error instanceof HubUnavailable) throw new AppError('HUB_OFFLINE');
      throw error;
    }
  }

  async function refreshServices(): Promise<ServiceRow[]> {
    services = (await call<{ services: ServiceRow[] }>('services')).services;
    return services;
  }

  const officer = (account: string | undefined) => account ?? null;

  const handlers: Pick<Handlers, HubChannels> = {
    'hub.status': () => status(),
    'queue.services': async () => {
      type Listed = { services: ServiceRow[]; waiting: { serviceId: string; waiting: number; estimateMinutes: number }[] };
      let listed: Listed;
      try {
        listed = await call<Listed>('services');
        deps.settings.set(SERVICES, JSON.stringify(listed.services.map(({ id, prefix, name, procedures }) => ({ id, prefix, name, procedures }))));
      } catch (error) {
        if (!(error instanceof AppError && error.data.code === 'HUB_OFFLINE') || cachedServices().length === 0) throw error;
        listed = { services: cachedServices(), waiting: [] };
      }
      const { services: list, waiting } = listed;
      services = list;
      return {
        services: list.map((s) => {
          const w = waiting.find((x) => x.serviceId === s.id);
          return { id: s.id, name: s.name, prefix: s.prefix, procedures: s.procedures ?? [], waiting: w?.waiting ?? 0, estimateMinutes: w?.estimateMinutes ?? 0 };
        }),
      };
    },
    'queue.take': async ({ serviceId, priority }) => {
      let taken: TakenTicket;
      try {
        const { ticket } = await call<{ ticket: Omit<TakenTicket, 'offline'> }>('take', { serviceId, priority: priority ?? false });
        taken = { ...ticket, offline: false };
        void settle();
      } catch (error) {
        // The hub is away: the next number of this kiosk's reserved block, called by hand at the counter.
        const fromBlock = error instanceof AppError && error.data.code === 'HUB_OFFLINE' ? offline.issue(client!.link.label, serviceId, priority ?? false) : null;
        if (!fromBlock) throw error;
        taken = { ...fromBlock, ahead: 0, estimateMinutes: 0, offline: true };
      }
      issued.set(taken.number, taken);
      return { ticket: taken };
    },
    'queue.printTicket': async ({ number }) => {
      const ticket = issued.get(number);
      if (!ticket) throw new AppError('QUEUE_TICKET_UNKNOWN');
      const service = (services.find((s) => s.id === ticket.serviceId) ?? (await refreshServices()).find((s) => s.id === ticket.serviceId))?.name ?? { vi: ticket.serviceId, en: ticket.serviceId };
      const { pdf, pages } = await renderQueueTicket({ ...ticket, service, centreName: deps.centreName() }, deps.fonts);
      return { fileName: `so-thu-tu-${ticket.number}.pdf`, pages, pdfBase64: Buffer.from(pdf).toString('base64') };
    },
    // The hub's tickets carry their times too; the contract's schema keeps what screens need.
    'queue.callNext': (_i, session) => call('callNext', { officer: officer(session.account) }),
    'queue.callNumber': async ({ number }, session) => {
      let called: ChannelOutput<'queue.callNumber'>;
      try {
        called = await call<ChannelOutput<'queue.callNumber'>>('callNumber', { number, officer: officer(session.account) });
      } catch (error) {
        // The hub is away: the officer calls the number aloud; the hub hears of it when it is back.
        if (!(error instanceof AppError && error.data.code === 'HUB_OFFLINE')) throw error;
        deps.settings.set(CALLS, JSON.stringify([...callsByHand(), number]));
        return { ticket: { number, serviceId: '', priority: false, state: 'called', counter: client!.link.label } };
      }
      if (called.ticket === null) throw new AppError('QUEUE_TICKET_UNKNOWN');
      return called;
    },
    'queue.callAgain': () => call('callAgain'),
    'queue.serve': () => call('serve'),
    'queue.skip': () => call('skip'),
    'queue.transfer': ({ serviceId }) => call('transfer', { serviceId }),
    'queue.current': () => call('current'),
    'queue.board': () => call('board'),
    'help.request': () => call('helpRequest'),
    'help.mine': () => call('helpMine'),
    'help.close': () => call('helpClose'),
    'help.list': () => call('helpList'),
    'help.take': ({ kiosk }) => call('helpTake', { kiosk }),
    'queue.day': ({ day }) => call('dayStats', day ? { day } : {}),
    'queue.dayCsv': async ({ day }) => {
      const out = await call<{ day: string; csv: string }>('dayCsv', day ? { day } : {});
      return { fileName: `hang-doi-${out.day}.csv`, csv: out.csv };
    },
    'rating.target': async () => (await call<{ target: { counter: string; ticket: string | null; rated: boolean } }>('ratingTarget')).target,
    'rating.submit': async ({ score, reasons }) => {
      const { rating } = await call<{ rating: (Omit<RatingBody, 'ratingId'> & { id: string }) | null }>('rate', { score, reasons });
      if (rating) {
        const { id, ...rest } = rating;
        ratings.enqueue({ ratingId: id, ...rest });
        await sendRatings();
      }
      return { rated: rating !== null, waitingToSend: ratings.waiting().length };
    },
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
