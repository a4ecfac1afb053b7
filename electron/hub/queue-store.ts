import { prepared } from './prepared';
import { todayInVietnam } from '../base/calendar-date';
import type { HubDb } from './hub-db';
import type { BoardCall, IssuedTicket, QueueService, ServiceWaiting, Ticket } from './queue-types';

/** Minutes a service takes when the day has not served anyone yet. */
const DEFAULT_SERVICE_MINUTES = 6;
const BOARD_CALLS = 10;

interface TicketRow {
  id: number;
  number: string;
  service_id: string;
  priority: number;
  state: Ticket['state'];
  issued_at: string;
  counter: string | null;
  called_at: string | null;
}

const toTicket = (r: TicketRow): Ticket => ({
  number: r.number,
  serviceId: r.service_id,
  priority: r.priority === 1,
  state: r.state,
  issuedAt: r.issued_at,
  counter: r.counter,
  calledAt: r.called_at,
});

/** A number as printed: the service's letter and at least three digits (A001 … A999, A1000). */
export const ticketNumber = (prefix: string, seq: number) => `${prefix}${String(seq).padStart(3, '0')}`;

export class QueueUnknownService extends Error {}

/**
 * The day's queue in the hub's SQLite. Every change is one transaction, committed before the
 * machine hears of it: a ticket printed is a ticket the hub still has after a kill -9.
 */
export class QueueStore {
  constructor(
    private readonly db: HubDb,
    private readonly now: () => Date,
  ) {}

  private day = () => todayInVietnam(this.now());
  private stamp = () => this.now().toISOString();

  private cached: QueueService[] | null = null;

  services(): QueueService[] {
    return (this.cached ??= this.readServices());
  }

  private readServices(): QueueService[] {
    const rows = prepared(this.db, 'SELECT id, prefix, name_vi, name_en, procedures, counters FROM services ORDER BY position').all() as {
      id: string;
      prefix: string;
      name_vi: string;
      name_en: string;
      procedures: string;
      counters: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      prefix: r.prefix,
      name: { vi: r.name_vi, en: r.name_en },
      procedures: JSON.parse(r.procedures) as string[],
      counters: JSON.parse(r.counters) as string[],
    }));
  }

  /** The technician's list replaces the old one; tickets already issued keep their numbers. */
  setServices(list: readonly QueueService[]): void {
    this.cached = null;
    this.db.transaction(() => {
      prepared(this.db, 'DELETE FROM services').run();
      const insert = prepared(this.db, 'INSERT INTO services (id, prefix, name_vi, name_en, procedures, counters, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
      list.forEach((s, i) => insert.run(s.id, s.prefix, s.name.vi, s.name.en, JSON.stringify(s.procedures), JSON.stringify(s.counters), i));
    })();
  }

  private service(id: string): QueueService {
    const found = this.services().find((s) => s.id === id);
    if (!found) throw new QueueUnknownService(id);
    return found;
  }

  take(serviceId: string, priority: boolean, issuedBy: string): IssuedTicket {
    return this.db.transaction(() => {
      const service = this.service(serviceId);
      const day = this.day();
      const { seq } = prepared(this.db, 'INSERT INTO numbering (day, prefix, last) VALUES (?, ?, 1) ON CONFLICT (day, prefix) DO UPDATE SET last = last + 1 RETURNING last AS seq')
        .get(day, service.prefix) as { seq: number };
      const number = ticketNumber(service.prefix, seq);
      const issuedAt = this.stamp();
      prepared(this.db, 'INSERT INTO tickets (day, service_id, number, seq, priority, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(day, serviceId, number, seq, priority ? 1 : 0, issuedAt, issuedBy);
      const ahead = this.aheadOf(day, serviceId, priority, issuedAt, number);
      return { number, serviceId, priority, issuedAt, ahead, estimateMinutes: this.estimate(day, service, ahead) };
    })();
  }

  /** Waiting tickets of the service called before this one: priority first, then by issue time. */
  private aheadOf(day: string, serviceId: string, priority: boolean, issuedAt: string, number: string): number {
    const { n } = prepared(this.db, 
        `SELECT count(*) AS n FROM tickets WHERE day = ? AND service_id = ? AND state = 'waiting' AND number <> ?
           AND (priority > ? OR (priority = ? AND issued_at <= ?))`,
      )
      .get(day, serviceId, number, priority ? 1 : 0, priority ? 1 : 0, issuedAt) as { n: number };
    return n;
  }

  /** Ahead × the day's mean service time of this service ÷ its counters. */
  private estimate(day: string, service: QueueService, ahead: number): number {
    const { mean } = prepared(this.db, 
        `SELECT avg((julianday(done_at) - julianday(called_at)) * 1440) AS mean FROM
           (SELECT done_at, called_at FROM tickets WHERE day = ? AND service_id = ? AND state = 'served' ORDER BY id DESC LIMIT 20)`,
      )
      .get(day, service.id) as { mean: number | null };
    return Math.round((ahead * (mean ?? DEFAULT_SERVICE_MINUTES)) / Math.max(1, service.counters.length));
  }

  waiting(): ServiceWaiting[] {
    const day = this.day();
    const counts = new Map(
      (prepared(this.db, "SELECT service_id, count(*) AS n FROM tickets WHERE day = ? AND state = 'waiting' GROUP BY service_id").all(day) as { service_id: string; n: number }[]).map(
        (r) => [r.service_id, r.n],
      ),
    );
    return this.services().map((s) => ({ serviceId: s.id, waiting: counts.get(s.id) ?? 0, estimateMinutes: this.estimate(day, s, counts.get(s.id) ?? 0) }));
  }

  /** The ticket a counter is calling or serving now. */
  current(counter: string): Ticket | null {
    const row = this.currentRow(this.day(), counter);
    return row ? toTicket(row) : null;
  }

  private currentRow(day: string, counter: string): TicketRow | undefined {
    return prepared(this.db, "SELECT * FROM tickets WHERE day = ? AND counter = ? AND state IN ('called', 'serving') ORDER BY called_at DESC LIMIT 1").get(day, counter) as
      | TicketRow
      | undefined;
  }

  /** Ends the counter's current ticket (served) and calls the next one of its services: priority first, then the oldest. */
  callNext(counter: string, officer: string | null): Ticket | null {
    return this.db.transaction(() => {
      const day = this.day();
      this.finish(day, counter);
      const served = this.services()
        .filter((s) => s.counters.includes(counter))
        .map((s) => s.id);
      if (served.length === 0) return null;
      const next = prepared(this.db, 
          `SELECT * FROM tickets WHERE day = ? AND state = 'waiting' AND service_id IN (${served.map(() => '?').join(',')})
             ORDER BY priority DESC, issued_at, id LIMIT 1`,
        )
        .get(day, ...served) as TicketRow | undefined;
      return next ? this.call(day, next, counter, officer) : null;
    })();
  }

  /** A number called by hand (one a kiosk issued from its reserved block while the hub was away, say). */
  callNumber(counter: string, number: string, officer: string | null): Ticket | null {
    return this.db.transaction(() => {
      const day = this.day();
      const row = prepared(this.db, "SELECT * FROM tickets WHERE day = ? AND number = ? AND state IN ('waiting', 'no-show')").get(day, number) as TicketRow | undefined;
      if (!row) return null;
      this.finish(day, counter);
      return this.call(day, row, counter, officer);
    })();
  }

  private call(day: string, row: TicketRow, counter: string, officer: string | null): Ticket {
    const at = this.stamp();
    prepared(this.db, "UPDATE tickets SET state = 'called', counter = ?, officer = ?, called_at = ? WHERE id = ?").run(counter, officer, at, row.id);
    prepared(this.db, 'INSERT INTO calls (day, ticket_id, number, counter, at) VALUES (?, ?, ?, ?, ?)').run(day, row.id, row.number, counter, at);
    return toTicket({ ...row, state: 'called', counter, called_at: at });
  }

  private finish(day: string, counter: string): void {
    prepared(this.db, "UPDATE tickets SET state = 'served', done_at = ? WHERE day = ? AND counter = ? AND state IN ('called', 'serving')").run(this.stamp(), day, counter);
  }

  /** The same number announced again (the citizen did not come at the first call). */
  callAgain(counter: string): Ticket | null {
    return this.db.transaction(() => {
      const day = this.day();
      const row = this.currentRow(day, counter);
      if (!row) return null;
      prepared(this.db, 'INSERT INTO calls (day, ticket_id, number, counter, at) VALUES (?, ?, ?, ?, ?)').run(day, row.id, row.number, counter, this.stamp());
      return toTicket(row);
    })();
  }

  /** The citizen came: service starts (its time counts for the estimate). */
  serve(counter: string): Ticket | null {
    return this.change(counter, (row) => {
      prepared(this.db, "UPDATE tickets SET state = 'serving', serving_at = ? WHERE id = ?").run(this.stamp(), row.id);
      return { ...row, state: 'serving' };
    });
  }

  /** The citizen did not come: the ticket is a no-show (it can still be called by hand). */
  skip(counter: string): Ticket | null {
    return this.change(counter, (row) => {
      prepared(this.db, "UPDATE tickets SET state = 'no-show', done_at = ? WHERE id = ?").run(this.stamp(), row.id);
      return { ...row, state: 'no-show' };
    });
  }

  /** To another service: the same number waits there, in its place by the time it was issued. */
  transfer(counter: string, serviceId: string): Ticket | null {
    this.service(serviceId);
    return this.change(counter, (row) => {
      prepared(this.db, "UPDATE tickets SET state = 'waiting', service_id = ?, counter = NULL, called_at = NULL WHERE id = ?").run(serviceId, row.id);
      return { ...row, state: 'waiting', service_id: serviceId, counter: null, called_at: null };
    });
  }

  private change(counter: string, work: (row: TicketRow) => TicketRow): Ticket | null {
    return this.db.transaction(() => {
      const row = this.currentRow(this.day(), counter);
      return row ? toTicket(work(row)) : null;
    })();
  }

  /** The last calls of the day, newest first: what the display shows. */
  board(limit = BOARD_CALLS): BoardCall[] {
    return prepared(this.db, 'SELECT number, counter, at FROM calls WHERE day = ? ORDER BY id DESC LIMIT ?').all(this.day(), limit) as BoardCall[];
  }
}
