import type { WebContents } from 'electron';
import { IPC_EVENT } from '../contract';
import type { EventBus } from '../host/event-bus';
import type { Session } from '../host/session';

/** Forwards host events to one window, filtered by its session's role, until the window goes. */
export function forwardEvents(bus: Pick<EventBus, 'subscribe'>, contents: Pick<WebContents, 'send' | 'once'>, session: Session): void {
  const unsubscribe = bus.subscribe(session, (event, payload) => contents.send(IPC_EVENT, { event, payload }));
  contents.once('destroyed', unsubscribe);
}
