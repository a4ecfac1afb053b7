import { z } from 'zod';

/** A service of the queue: a group of procedures, served by the counters listed. */
export const queueService = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  /** The letter of its numbers: A001 … */
  prefix: z.string().regex(/^[A-Z]$/),
  name: z.object({ vi: z.string().min(1).max(120), en: z.string().min(1).max(120) }),
  procedures: z.array(z.string().max(40)).max(200),
  counters: z.array(z.string().regex(/^\d{1,3}$/)).max(99),
});
export type QueueService = z.infer<typeof queueService>;
export const queueServices = z.array(queueService).min(1).max(26);

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
