import { z } from 'zod';
import type { BlockStore } from './block-store';
import { dayCsv, dayStats } from './day-stats';
import type { HubDb } from './hub-db';
import type { HelpStore } from './help-store';
import type { Machine, MachineRole } from './pairing';
import type { QueueStore } from './queue-store';
import { RATING_REASONS, RATING_SCORES } from '../contract';
import type { RatingStore } from './rating-store';
import { queueServices } from './queue-types';

/** What a change tells the machines: the board and waiting counts, or the help requests. */
export type HubTopic = 'queue' | 'help';

interface Op<I extends z.ZodType> {
  input: I;
  roles: readonly MachineRole[];
  /** The topics whose state the op changes. */
  changes: readonly HubTopic[];
  run(input: z.output<I>, machine: Machine): unknown;
}

const op = <I extends z.ZodType>(def: Op<I>) => def;
const none = z.object({}).strict();
const officer = z.string().max(64).nullable();
const ANY: readonly MachineRole[] = ['kiosk', 'counter', 'display', 'rating'];
const KIOSK: readonly MachineRole[] = ['kiosk'];
const COUNTER: readonly MachineRole[] = ['counter'];
const RATING: readonly MachineRole[] = ['rating'];
/** A rating screen faces the counter of its own number: R3 rates counter 3. */
const counterOf = (m: Machine) => m.label.replace(/\D/g, '');
const serviceId = z.string().max(40);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The hub's operations, by name: input schema, the machine roles allowed, what they change. */
export function hubOps(db: HubDb, today: () => string, queue: QueueStore, help: HelpStore, blocks: BlockStore, ratings: RatingStore) {
  return {
    services: op({ input: none, roles: ANY, changes: [], run: () => ({ services: queue.services(), waiting: queue.waiting() }) }),
    setServices: op({ input: z.object({ services: queueServices }).strict(), roles: COUNTER, changes: ['queue'], run: ({ services }) => (queue.setServices(services), { services: queue.services() }) }),
    take: op({
      input: z.object({ serviceId, priority: z.boolean().optional() }).strict(),
      roles: KIOSK,
      changes: ['queue'],
      run: ({ serviceId: id, priority }, m) => ({ ticket: queue.take(id, priority ?? false, m.label) }),
    }),
    callNext: op({ input: z.object({ officer }).strict(), roles: COUNTER, changes: ['queue'], run: ({ officer: o }, m) => ({ ticket: queue.callNext(m.label, o) }) }),
    callNumber: op({
      input: z.object({ number: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{2,12}$/), officer }).strict(),
      roles: COUNTER,
      changes: ['queue'],
      run: ({ number, officer: o }, m) => ({ ticket: queue.callNumber(m.label, number, o) }),
    }),
    callAgain: op({ input: none, roles: COUNTER, changes: ['queue'], run: (_i, m) => ({ ticket: queue.callAgain(m.label) }) }),
    serve: op({ input: none, roles: COUNTER, changes: ['queue'], run: (_i, m) => ({ ticket: queue.serve(m.label) }) }),
    skip: op({ input: none, roles: COUNTER, changes: ['queue'], run: (_i, m) => ({ ticket: queue.skip(m.label) }) }),
    transfer: op({ input: z.object({ serviceId }).strict(), roles: COUNTER, changes: ['queue'], run: ({ serviceId: id }, m) => ({ ticket: queue.transfer(m.label, id) }) }),
    current: op({ input: none, roles: COUNTER, changes: [], run: (_i, m) => ({ ticket: queue.current(m.label), counter: m.label }) }),
    board: op({ input: none, roles: ANY, changes: [], run: () => ({ calls: queue.board(), waiting: queue.waiting() }) }),
    helpRequest: op({ input: none, roles: KIOSK, changes: ['help'], run: (_i, m) => ({ request: help.request(m.label) }) }),
    /** The kiosk's turn ended: its request, answered or not, is closed. */
    helpClose: op({ input: none, roles: KIOSK, changes: ['help'], run: (_i, m) => (help.close(m.label), { request: null }) }),
    helpMine: op({ input: none, roles: KIOSK, changes: [], run: (_i, m) => ({ request: help.open(m.label) }) }),
    helpList: op({ input: none, roles: COUNTER, changes: [], run: () => ({ requests: help.list() }) }),
    /** A block of numbers for the kiosk to issue from while the hub is away. */
    reserveBlock: op({ input: none, roles: KIOSK, changes: [], run: (_i, m) => ({ block: blocks.reserve(m.label) }) }),
    /** The tickets a kiosk issued from its blocks, given back when the hub returns. */
    returnTickets: op({
      input: z.object({ tickets: z.array(z.object({ number: z.string().max(16), serviceId, priority: z.boolean(), issuedAt: z.iso.datetime() }).strict()).max(1000) }).strict(),
      roles: KIOSK,
      changes: ['queue'],
      run: ({ tickets }, m) => blocks.takeBack(m.label, tickets),
    }),
    ratingTarget: op({ input: none, roles: RATING, changes: [], run: (_i, m) => ({ target: ratings.target(counterOf(m)) }) }),
    rate: op({
      input: z.object({ score: z.enum(RATING_SCORES), reasons: z.array(z.enum(RATING_REASONS)).max(RATING_REASONS.length) }).strict(),
      roles: RATING,
      changes: [],
      run: ({ score, reasons }, m) => ({ rating: ratings.rate(counterOf(m), score, reasons) }),
    }),
    /** The day at a glance and its CSV, for the centre's head (the machine checks who asks). */
    dayStats: op({ input: z.object({ day: isoDay.optional() }).strict(), roles: ANY, changes: [], run: ({ day }) => dayStats(db, day ?? today()) }),
    dayCsv: op({ input: z.object({ day: isoDay.optional() }).strict(), roles: ANY, changes: [], run: ({ day }) => ({ day: day ?? today(), csv: dayCsv(db, day ?? today()) }) }),
    helpTake: op({ input: z.object({ kiosk: z.string().max(12) }).strict(), roles: COUNTER, changes: ['help'], run: ({ kiosk }, m) => ({ request: help.take(kiosk, m.label) }) }),
  } as const;
}

export type HubOps = ReturnType<typeof hubOps>;
export type HubOpName = keyof HubOps;
