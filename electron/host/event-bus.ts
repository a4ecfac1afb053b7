import { events, type EventName, type EventPayload } from '../contract';
import type { Session } from './session';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Host → screens. Services publish; each transport subscribes once per screen and receives only
 * the events that screen's role may see.
 */
export class EventBus {
  private readonly listeners = new Set<{ session: Session; listener: EventListener }>();

  publish<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const { session, listener } of this.listeners) {
      if (events[event].roles.includes(session.role)) listener(event, payload);
    }
  }

  subscribe(session: Session, listener: EventListener): () => void {
    const entry = { session, listener };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }
}
