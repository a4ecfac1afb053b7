import { prepared } from './prepared';
import type { HubDb } from './hub-db';

/** The centre's day at a glance, from the hub's queue: nothing personal in it. */
export interface DayStats {
  day: string;
  tickets: number;
  /** Tickets issued per service and hour of the day (Vietnam time). */
  byServiceHour: { serviceId: string; hour: number; count: number }[];
  /** Minutes from issue to first call, over the tickets called. */
  waitMinutes: { p50: number | null; p90: number | null };
  servedByCounter: { counter: string; served: number }[];
  noShows: number;
  ratings: { 'very-satisfied': number; satisfied: number; dissatisfied: number };
}

const HOUR_IN_VIETNAM = "CAST(strftime('%H', issued_at, '+7 hours') AS INTEGER)";

/** The value below which `share` of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

export function dayStats(db: HubDb, day: string): DayStats {
  const { tickets } = prepared(db, 'SELECT count(*) AS tickets FROM tickets WHERE day = ?').get(day) as { tickets: number };
  const byServiceHour = prepared(db, `SELECT service_id AS serviceId, ${HOUR_IN_VIETNAM} AS hour, count(*) AS count FROM tickets WHERE day = ? GROUP BY service_id, hour ORDER BY hour, service_id`)
    .all(day) as DayStats['byServiceHour'];
  const waits = (
    prepared(db, 'SELECT (julianday(called_at) - julianday(issued_at)) * 1440 AS wait FROM tickets WHERE day = ? AND called_at IS NOT NULL ORDER BY wait').all(day) as { wait: number }[]
  ).map((r) => Math.round(r.wait * 10) / 10);
  const servedByCounter = prepared(db, "SELECT counter, count(*) AS served FROM tickets WHERE day = ? AND state = 'served' AND counter IS NOT NULL GROUP BY counter ORDER BY CAST(counter AS INTEGER)")
    .all(day) as DayStats['servedByCounter'];
  const { noShows } = prepared(db, "SELECT count(*) AS noShows FROM tickets WHERE day = ? AND state = 'no-show'").get(day) as { noShows: number };
  const ratings = { 'very-satisfied': 0, satisfied: 0, dissatisfied: 0 };
  for (const r of prepared(db, 'SELECT score, count(*) AS n FROM ratings WHERE day = ? GROUP BY score').all(day) as { score: keyof typeof ratings; n: number }[]) ratings[r.score] = r.n;
  return { day, tickets, byServiceHour, waitMinutes: { p50: percentile(waits, 0.5), p90: percentile(waits, 0.9) }, servedByCounter, noShows, ratings };
}

const CSV_HEADER = ['number', 'service', 'priority', 'issued_at', 'called_at', 'counter', 'state', 'wait_minutes'];

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The day's tickets, one line each (CRLF, UTF-8): numbers, services and times, nothing personal. */
export function dayCsv(db: HubDb, day: string): string {
  const rows = prepared(db, 
      `SELECT number, service_id, priority, issued_at, called_at, counter, state,
              CASE WHEN called_at IS NULL THEN '' ELSE printf('%.1f', (julianday(called_at) - julianday(issued_at)) * 1440) END AS wait
         FROM tickets WHERE day = ? ORDER BY issued_at, id`,
    )
    .all(day) as { number: string; service_id: string; priority: number; issued_at: string; called_at: string | null; counter: string | null; state: string; wait: string }[];
  const lines = rows.map((r) => [r.number, r.service_id, r.priority ? 'yes' : 'no', r.issued_at, r.called_at ?? '', r.counter ?? '', r.state, r.wait].map(csvField).join(','));
  return [CSV_HEADER.join(','), ...lines].join('\r\n') + '\r\n';
}
