import { z } from 'zod';
import type { Role } from './roles';
import { scanResult } from './scan';
import { queueEvents } from './queue';
import { syncStatus } from './schemas';

export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
  /** Only sessions in these roles receive the event. */
  roles: readonly Role[];
}

const event = <P extends z.ZodType>(def: EventDef<P>) => def;

/** Events the host pushes to screens: over IPC in Electron, server-sent events in browser mode. */
export const events = {
  scan: event({ payload: z.object({ device: z.string(), result: scanResult }), roles: ['kiosk', 'officer'] }),
  /** Live test of one device: each report as hex, each decoded scan, for the technician. */
  'devices.live': event({
    payload: z.object({ key: z.string(), at: z.number(), raw: z.string().optional(), result: scanResult.optional() }),
    roles: ['technician'],
  }),
  'devices.changed': event({ payload: z.object({}), roles: ['technician'] }),
  'sync.status': event({ payload: syncStatus, roles: ['kiosk', 'officer', 'technician'] }),
  ...queueEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** The IPC channel every event travels on in Electron. */
export const IPC_EVENT = 'motcua:event';
