import { events } from '../contract';
import type { HubTopic } from '../hub/hub-ops';
import type { EventBus } from './event-bus';

/** The hub's events (signed by the pinned hub), checked against the contract before any screen sees them. */
export function passHubEvent(bus: EventBus, topic: HubTopic, payload: unknown): void {
  if (topic === 'queue') {
    const board = events['queue.board'].payload.safeParse(payload);
    if (board.success) bus.publish('queue.board', board.data);
  } else {
    const help = events['help.requests'].payload.safeParse(payload);
    if (help.success) bus.publish('help.requests', help.data);
  }
}
