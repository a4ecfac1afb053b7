import { z } from 'zod';
import { queueServiceSetup, queueServiceSetupList, repeatedServiceFields, type QueueServiceSetup } from '../contract';

/** A service of the queue: a group of procedures, served by the counters listed (the contract's shape). */
export const queueService = queueServiceSetup;
export type QueueService = QueueServiceSetup;
/** Letters and ids unique: the hub numbers by letter and the tickets name their service by id. */
export const queueServices = queueServiceSetupList.refine((list) => repeatedServiceFields(list).length === 0, 'a letter or an id is repeated');

export const ticketState = z.enum(['waiting', 'called', 'serving', 'served', 'no-show']);

export interface Ticket {
  number: string;
  serviceId: string;
  priority: boolean;
  state: z.infer<typeof ticketState>;
  issuedAt: string;
  counter: string | null;
  calledAt: string | null;
}

export interface IssuedTicket {
  number: string;
  serviceId: string;
  priority: boolean;
  issuedAt: string;
  /** People waiting who will be called before this ticket in its service. */
  ahead: number;
  estimateMinutes: number;
}

export interface BoardCall {
  number: string;
  counter: string;
  at: string;
}

export interface ServiceWaiting {
  serviceId: string;
  waiting: number;
  estimateMinutes: number;
}

export interface HelpRequest {
  kiosk: string;
  since: string;
  takenBy: string | null;
}
