import { AppError, type ChannelOutput } from '../contract';
import type { CallsByHand } from './calls-by-hand';
import { hubAway } from './hub-call';
import type { HubLinkContext } from './hub-host-deps';
import type { Handlers } from './router';

type CounterChannels = 'queue.callNext' | 'queue.callNumber' | 'queue.callAgain' | 'queue.serve' | 'queue.skip' | 'queue.transfer' | 'queue.current' | 'queue.board';

const officer = (account: string | undefined) => account ?? null;

/** The counter's side of the queue: calling (by hand too while the hub is away), serving, skipping, transferring; the board. */
export function counterQueueHandlers(link: HubLinkContext, callsByHand: CallsByHand): Pick<Handlers, CounterChannels> {
  return {
    // The hub's tickets carry their times too; the contract's schema keeps what screens need.
    'queue.callNext': (_i, session) => link.call('callNext', { officer: officer(session.account) }),
    'queue.callNumber': async ({ number }, session) => {
      let called: ChannelOutput<'queue.callNumber'>;
      try {
        called = await link.call<ChannelOutput<'queue.callNumber'>>('callNumber', { number, officer: officer(session.account) });
      } catch (error) {
        // The hub is away: the officer calls the number aloud; the hub hears of it when it is back.
        if (!hubAway(error)) throw error;
        callsByHand.add(number);
        return { ticket: { number, serviceId: '', priority: false, state: 'called', counter: link.client()!.link.label } };
      }
      if (called.ticket === null) throw new AppError('QUEUE_TICKET_UNKNOWN');
      return called;
    },
    'queue.callAgain': () => link.call('callAgain'),
    'queue.serve': () => link.call('serve'),
    'queue.skip': () => link.call('skip'),
    'queue.transfer': ({ serviceId }) => link.call('transfer', { serviceId }),
    'queue.current': () => link.call('current'),
    'queue.board': () => link.call('board'),
  };
}
