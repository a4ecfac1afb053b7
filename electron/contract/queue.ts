import { z } from 'zod';
import type { ChannelDef } from './channels';
import { localizedText } from './localized';
import type { Role } from './roles';
import { printedDocument } from './schemas';

/**
 * The centre as one system: the queue held by the centre hub, the display board, and kiosks
 * asking for an officer. Nothing personal: a ticket is a number, a service and times.
 */

const channel = <I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>) => def;
const none = z.object({}).strict();
const ALL: readonly Role[] = ['kiosk', 'officer', 'technician'];
const KIOSK: readonly Role[] = ['kiosk'];
const OFFICER: readonly Role[] = ['officer'];
const TECHNICIAN: readonly Role[] = ['technician'];

export const ticketNumber = z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{2,12}$/);
export const queueTicket = z.object({
  number: z.string(),
  serviceId: z.string(),
  priority: z.boolean(),
  state: z.enum(['waiting', 'called', 'serving', 'served', 'no-show']),
  counter: z.string().nullable(),
});
export type QueueTicket = z.infer<typeof queueTicket>;

/** A number just taken at a kiosk; `offline`: from the kiosk's reserved block while the hub is away. */
export const takenTicket = z.object({
  number: z.string(),
  serviceId: z.string(),
  ahead: z.number().int(),
  priority: z.boolean(),
  issuedAt: z.string(),
  estimateMinutes: z.number().int(),
  offline: z.boolean(),
});
export type TakenTicket = z.infer<typeof takenTicket>;

export const boardCall = z.object({ number: z.string(), counter: z.string(), at: z.string() });
export type BoardCall = z.infer<typeof boardCall>;
export const serviceWaiting = z.object({ serviceId: z.string(), waiting: z.number().int(), estimateMinutes: z.number().int() });
export const helpRequest = z.object({ kiosk: z.string(), since: z.string(), takenBy: z.string().nullable() });
export type HelpRequestView = z.infer<typeof helpRequest>;

/** This machine and the hub: paired or not, reachable or not since when, and what it is to the hub. */
export const hubStatus = z.object({
  state: z.enum(['unpaired', 'online', 'offline']),
  since: z.string().nullable(),
  role: z.enum(['kiosk', 'counter', 'display', 'rating']).nullable(),
  /** K2 for a kiosk, the counter's number for a counter. */
  label: z.string().nullable(),
});
export type HubStatusView = z.infer<typeof hubStatus>;

/** The three faces of the satisfaction rating, and the optional reasons a citizen may touch. */
export const RATING_SCORES = ['very-satisfied', 'satisfied', 'dissatisfied'] as const;
export const RATING_REASONS = ['waited-long', 'unclear-guidance', 'asked-extra-papers', 'staff-attitude', 'quick', 'helpful-staff'] as const;

/** The centre's day at a glance (from the hub): tickets by service and hour, waits, service per counter, no-shows, ratings. */
export const dayStats = z.object({
  day: z.string(),
  tickets: z.number().int(),
  byServiceHour: z.array(z.object({ serviceId: z.string(), hour: z.number().int(), count: z.number().int() })),
  waitMinutes: z.object({ p50: z.number().nullable(), p90: z.number().nullable() }),
  servedByCounter: z.array(z.object({ counter: z.string(), served: z.number().int() })),
  noShows: z.number().int(),
  ratings: z.object({ 'very-satisfied': z.number().int(), satisfied: z.number().int(), dissatisfied: z.number().int() }),
});
export type DayStatsView = z.infer<typeof dayStats>;
const dayInput = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict();
const HEAD: readonly Role[] = ['officer', 'technician'];

/** A service of the queue as the technician sets it: a group of procedures, the counters that serve it, the letter of its numbers. */
export const queueServiceSetup = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    /** The letter of its numbers: A001 … */
    prefix: z.string().regex(/^[A-Z]$/),
    name: z.object({ vi: z.string().trim().min(1).max(120), en: z.string().trim().min(1).max(120) }).strict(),
    /** Procedure codes of the catalogue (1.001193, CC.CAP-DOI …). */
    procedures: z.array(z.string().regex(/^[A-Za-z0-9.-]{1,40}$/)).max(200),
    /** The numbers of the counters that call it (the number the display announces). */
    counters: z.array(z.string().regex(/^\d{1,3}$/)).min(1).max(99),
  })
  .strict();
export type QueueServiceSetup = z.infer<typeof queueServiceSetup>;
/** One to 26 services: one letter each. */
export const queueServiceSetupList = z.array(queueServiceSetup).min(1).max(26);

/** The fields (`services.2.prefix`) of services that repeat an earlier one's letter or id: the hub numbers by letter. */
export function repeatedServiceFields(services: readonly Pick<QueueServiceSetup, 'id' | 'prefix'>[]): string[] {
  const fields: string[] = [];
  for (const key of ['id', 'prefix'] as const) {
    const seen = new Set<string>();
    services.forEach((s, i) => {
      if (seen.has(s[key])) fields.push(`services.${i}.${key}`);
      seen.add(s[key]);
    });
  }
  return fields;
}

const ticketOut = z.object({ ticket: queueTicket.nullable() });
/** `procedures`: the procedure codes the service handles, so a kiosk offers the right number for a dossier it printed. */
const queueServiceView = z.object({
  id: z.string(),
  name: localizedText,
  prefix: z.string(),
  procedures: z.array(z.string()),
  waiting: z.number().int(),
  estimateMinutes: z.number().int(),
});

export const queueChannels = {
  'hub.status': channel({ input: none, output: hubStatus, roles: ALL, personalData: false }),
  'queue.services': channel({ input: none, output: z.object({ services: z.array(queueServiceView) }), roles: ALL, personalData: false }),
  /** A number for a service; `priority` for those the law serves first (the kiosk asks, the counter checks). */
  'queue.take': channel({
    input: z.object({ serviceId: z.string().max(40), priority: z.boolean().optional() }).strict(),
    output: z.object({ ticket: takenTicket }),
    roles: KIOSK,
    personalData: false,
  }),
  /** The 80 mm ticket of a number this kiosk issued: number large, service, time, people ahead. */
  'queue.printTicket': channel({ input: z.object({ number: ticketNumber }).strict(), output: printedDocument, roles: KIOSK, personalData: false }),
  /** Ends the counter's current ticket (served) and calls the next: priority first, then the oldest. */
  'queue.callNext': channel({ input: none, output: ticketOut, roles: OFFICER, personalData: false }),
  /** A number called by hand: one a kiosk issued from its block while the hub was away, or a no-show who came back. */
  'queue.callNumber': channel({ input: z.object({ number: ticketNumber }).strict(), output: ticketOut, roles: OFFICER, personalData: false }),
  'queue.callAgain': channel({ input: none, output: ticketOut, roles: OFFICER, personalData: false }),
  'queue.serve': channel({ input: none, output: ticketOut, roles: OFFICER, personalData: false }),
  'queue.skip': channel({ input: none, output: ticketOut, roles: OFFICER, personalData: false }),
  'queue.transfer': channel({ input: z.object({ serviceId: z.string().max(40) }).strict(), output: ticketOut, roles: OFFICER, personalData: false }),
  'queue.current': channel({ input: none, output: ticketOut.extend({ counter: z.string() }), roles: OFFICER, personalData: false }),
  /** What the display shows: the last calls, newest first. */
  'queue.board': channel({ input: none, output: z.object({ calls: z.array(boardCall), waiting: z.array(serviceWaiting) }), roles: ALL, personalData: false }),
  /** The service a rating screen asks about: its counter's ticket now or last served; `rated` once rated. */
  'rating.target': channel({
    input: none,
    output: z.object({ counter: z.string(), ticket: z.string().nullable(), rated: z.boolean() }),
    roles: KIOSK,
    personalData: false,
  }),
  /** The citizen's rating, kept on the hub for the day's figures and sent to the centre (POST /v1/ratings). */
  'rating.submit': channel({
    input: z.object({ score: z.enum(RATING_SCORES), reasons: z.array(z.enum(RATING_REASONS)).max(RATING_REASONS.length) }).strict(),
    output: z.object({ rated: z.boolean(), waitingToSend: z.number().int() }),
    roles: KIOSK,
    personalData: false,
  }),
  /** The centre's services as the hub holds them, for the technician to set. */
  'queue.serviceSetup': channel({ input: none, output: z.object({ services: z.array(queueServiceSetup) }), roles: TECHNICIAN, personalData: false }),
  /** The technician's list replaces the hub's (from a counter machine); tickets already issued keep their numbers. */
  'queue.setServiceSetup': channel({
    input: z.object({ services: queueServiceSetupList }).strict(),
    output: z.object({ services: z.array(queueServiceSetup) }),
    roles: TECHNICIAN,
    personalData: false,
  }),
  'queue.day': channel({ input: dayInput, output: dayStats, roles: HEAD, personalData: false }),
  /** The day's tickets as CSV (RFC 4180, UTF-8): numbers, services and times only. */
  'queue.dayCsv': channel({ input: dayInput, output: z.object({ fileName: z.string(), csv: z.string() }), roles: HEAD, personalData: false }),
  /** "Hỏi cán bộ": every counter of the centre sees this kiosk's call. */
  'help.request': channel({ input: none, output: z.object({ request: helpRequest }), roles: KIOSK, personalData: false }),
  /** This kiosk's open call, and whether an officer is coming. */
  'help.mine': channel({ input: none, output: z.object({ request: helpRequest.nullable() }), roles: KIOSK, personalData: false }),
  'help.close': channel({ input: none, output: z.object({ request: z.null() }), roles: KIOSK, personalData: false }),
  'help.list': channel({ input: none, output: z.object({ requests: z.array(helpRequest) }), roles: OFFICER, personalData: false }),
  /** "Tôi đến ngay": this counter goes to the kiosk. */
  'help.take': channel({ input: z.object({ kiosk: z.string().max(12) }).strict(), output: z.object({ request: helpRequest.nullable() }), roles: OFFICER, personalData: false }),
} as const;

export const queueEvents = {
  'queue.board': { payload: z.object({ calls: z.array(boardCall), waiting: z.array(serviceWaiting) }), roles: ALL },
  'help.requests': { payload: z.object({ requests: z.array(helpRequest) }), roles: ALL },
  'hub.status': { payload: hubStatus, roles: ALL },
} as const;
