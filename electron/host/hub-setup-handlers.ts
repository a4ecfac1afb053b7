import { AppError, repeatedServiceFields, type QueueServiceSetup } from '../contract';
import type { HubLinkContext } from './hub-host-deps';
import type { Handlers } from './router';

/** The technician sets the centre's services on the hub: names, the procedures each groups, the counters that serve it. */
export function serviceSetupHandlers(link: HubLinkContext): Pick<Handlers, 'queue.serviceSetup' | 'queue.setServiceSetup'> {
  return {
    'queue.serviceSetup': async () => ({ services: (await link.call<{ services: QueueServiceSetup[] }>('services')).services }),
    'queue.setServiceSetup': async ({ services }) => {
      const repeated = repeatedServiceFields(services);
      if (repeated.length > 0) throw new AppError('QUEUE_SERVICE_REPEATED', repeated);
      try {
        return { services: (await link.call<{ services: QueueServiceSetup[] }>('setServices', { services })).services };
      } catch (error) {
        // The hub takes a set-up from a counter machine only: a kiosk stands in the hall.
        if (error instanceof AppError && error.data.code === 'QUEUE_NOT_A_COUNTER') throw new AppError('QUEUE_SETUP_NEEDS_COUNTER');
        throw error;
      }
    },
  };
}
