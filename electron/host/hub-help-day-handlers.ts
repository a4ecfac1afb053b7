import type { HubLinkContext } from './hub-host-deps';
import type { Handlers } from './router';

type HelpDayChannels = 'help.request' | 'help.mine' | 'help.close' | 'help.list' | 'help.take' | 'queue.day' | 'queue.dayCsv';

/** "Hỏi cán bộ" from kiosk to counters, and the centre's day at a glance: both straight to the hub. */
export function helpAndDayHandlers(link: HubLinkContext): Pick<Handlers, HelpDayChannels> {
  return {
    'help.request': () => link.call('helpRequest'),
    'help.mine': () => link.call('helpMine'),
    'help.close': () => link.call('helpClose'),
    'help.list': () => link.call('helpList'),
    'help.take': ({ kiosk }) => link.call('helpTake', { kiosk }),
    'queue.day': ({ day }) => link.call('dayStats', day ? { day } : {}),
    'queue.dayCsv': async ({ day }) => {
      const out = await link.call<{ day: string; csv: string }>('dayCsv', day ? { day } : {});
      return { fileName: `hang-doi-${out.day}.csv`, csv: out.csv };
    },
  };
}
