import type { Db } from './connection';

export interface SyncState {
  feed: string;
  /** The seq of the last checkpoint applied; 0 before the first. */
  cursor: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

interface Row {
  feed: string;
  cursor: number;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

/** The cursor and last outcome of each central feed (table `sync_state`). */
export class SyncStateRepository {
  constructor(private readonly db: Db) {}

  get(feed: string): SyncState {
    const row = this.db.prepare<[string], Row>('SELECT * FROM sync_state WHERE feed = ?').get(feed);
    return row
      ? { feed, cursor: row.cursor, lastSuccessAt: row.last_success_at, lastError: row.last_error, lastErrorAt: row.last_error_at }
      : { feed, cursor: 0, lastSuccessAt: null, lastError: null, lastErrorAt: null };
  }

  cursor(feed: string): number {
    return this.get(feed).cursor;
  }

  /** Moves the cursor and clears the last error; call inside the transaction that applies the batch. */
  advance(feed: string, cursor: number, at = new Date().toISOString()): void {
    this.db
      .prepare(
        `INSERT INTO sync_state (feed, cursor, last_success_at, last_error, last_error_at) VALUES (?, ?, ?, NULL, NULL)
         ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, last_success_at = excluded.last_success_at,
           last_error = NULL, last_error_at = NULL`,
      )
      .run(feed, cursor, at);
  }

  /** Records a failed pull; the cursor stays where it was. */
  recordError(feed: string, message: string, at = new Date().toISOString()): void {
    this.db
      .prepare(
        `INSERT INTO sync_state (feed, cursor, last_error, last_error_at) VALUES (?, 0, ?, ?)
         ON CONFLICT (feed) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at`,
      )
      .run(feed, message, at);
  }
}
