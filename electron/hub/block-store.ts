import { prepared } from './prepared';
import { todayInVietnam } from '../base/calendar-date';
import type { HubDb } from './hub-db';

/** How many numbers a kiosk holds in reserve: an hour of a busy kiosk. */
export const BLOCK_SIZE = 50;

export interface Block {
  day: string;
  first: number;
  last: number;
}

/** A ticket a kiosk issued from its block while the hub was away. */
export interface BlockTicket {
  number: string;
  serviceId: string;
  priority: boolean;
  issuedAt: string;
}

/** A block number as printed: the kiosk's label, a dash, three digits at least (K2-017). */
export const blockNumber = (kiosk: string, n: number) => `${kiosk}-${String(n).padStart(3, '0')}`;

/**
 * The kiosks' reserved blocks. Numbers of a block belong to its kiosk alone (its label is in
 * them), so no two tickets of a day share a number; tickets given back are kept once each.
 */
export class BlockStore {
  constructor(
    private readonly db: HubDb,
    private readonly now: () => Date,
  ) {}

  /** The next block of the day for this kiosk, after the ones it holds already. */
  reserve(kiosk: string): Block {
    return this.db.transaction(() => {
      const day = todayInVietnam(this.now());
      const { last } = prepared(this.db, 'SELECT coalesce(max(last), 0) AS last FROM blocks WHERE kiosk = ? AND day = ?').get(kiosk, day) as { last: number };
      const block = { day, first: last + 1, last: last + BLOCK_SIZE };
      prepared(this.db, 'INSERT INTO blocks (kiosk, day, first, last) VALUES (?, ?, ?, ?)').run(kiosk, day, block.first, block.last);
      return block;
    })();
  }

  /**
   * Takes tickets back in the order they were issued: each waits in its service, in its place by
   * the time it was issued. A ticket already taken back (a retry) is not added twice; one outside
   * the kiosk's blocks is refused.
   */
  takeBack(kiosk: string, tickets: readonly BlockTicket[]): { accepted: number; refused: string[] } {
    return this.db.transaction(() => {
      const refused: string[] = [];
      let accepted = 0;
      const ordered = [...tickets].sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0));
      for (const t of ordered) {
        const day = todayInVietnam(new Date(t.issuedAt));
        const seq = new RegExp(`^${kiosk}-(\\d{3,})$`).exec(t.number)?.[1];
        const held = seq !== undefined && prepared(this.db, 'SELECT 1 FROM blocks WHERE kiosk = ? AND day = ? AND ? BETWEEN first AND last').get(kiosk, day, Number(seq));
        if (!held) {
          refused.push(t.number);
          continue;
        }
        const { changes } = prepared(this.db, 'INSERT OR IGNORE INTO tickets (day, service_id, number, seq, priority, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(day, t.serviceId, t.number, Number(seq), t.priority ? 1 : 0, t.issuedAt, kiosk);
        accepted += changes;
      }
      return { accepted, refused };
    })();
  }
}
