import { AppError, type LocalizedText, type TakenTicket } from '../contract';
import type { OfflineTickets } from '../hub/offline-tickets';
import type { FontFiles } from '../print/fonts';
import { renderQueueTicket } from '../print/queue-ticket';
import { hubAway } from './hub-call';
import type { HubLinkContext, HubSettings } from './hub-host-deps';
import type { Handlers } from './router';

interface ServiceRow {
  id: string;
  prefix: string;
  name: LocalizedText;
  /** Absent from services cached before the kiosk offered numbers for the procedures it printed. */
  procedures?: string[];
}

type Listed = { services: ServiceRow[]; waiting: { serviceId: string; waiting: number; estimateMinutes: number }[] };

/** The services as last heard from the hub: a kiosk still offers them while the hub is away. */
const SERVICES = 'hub.services';

export interface TicketDeps {
  settings: HubSettings;
  offline: OfflineTickets;
  fonts: FontFiles;
  centreName: () => string | null;
  settle: () => Promise<void>;
}

/** The kiosk's side of the queue: the services with their waits, a number taken (from the hub or the reserved block), its ticket printed. */
export function ticketHandlers(link: HubLinkContext, deps: TicketDeps): Pick<Handlers, 'queue.services' | 'queue.take' | 'queue.printTicket'> {
  let services: ServiceRow[] = [];
  /** Numbers this kiosk issued today, to print their tickets. */
  const issued = new Map<string, TakenTicket>();
  const cachedServices = (): ServiceRow[] => JSON.parse(deps.settings.get(SERVICES) ?? '[]') as ServiceRow[];

  async function refreshServices(): Promise<ServiceRow[]> {
    services = (await link.call<{ services: ServiceRow[] }>('services')).services;
    return services;
  }

  return {
    'queue.services': async () => {
      let listed: Listed;
      try {
        listed = await link.call<Listed>('services');
        deps.settings.set(SERVICES, JSON.stringify(listed.services.map(({ id, prefix, name, procedures }) => ({ id, prefix, name, procedures }))));
      } catch (error) {
        if (!hubAway(error) || cachedServices().length === 0) throw error;
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
        const { ticket } = await link.call<{ ticket: Omit<TakenTicket, 'offline'> }>('take', { serviceId, priority: priority ?? false });
        taken = { ...ticket, offline: false };
        void deps.settle();
      } catch (error) {
        // The hub is away: the next number of this kiosk's reserved block, called by hand at the counter.
        const fromBlock = hubAway(error) ? deps.offline.issue(link.client()!.link.label, serviceId, priority ?? false) : null;
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
  };
}
