import { prepared } from './prepared';
import type { HubDb } from './hub-db';
import type { HelpRequest } from './queue-types';

/** Kiosks asking for an officer: one open request per kiosk, until an officer has come and the kiosk's turn ends. */
export class HelpStore {
  constructor(
    private readonly db: HubDb,
    private readonly now: () => Date,
  ) {}

  /** Asking again while a request is open keeps the first time: the wait is as long as it is. */
  request(kiosk: string): HelpRequest {
    return this.db.transaction(() => {
      const open = this.open(kiosk);
      if (open) return open;
      const since = this.now().toISOString();
      prepared(this.db, 'INSERT INTO help_requests (kiosk, since) VALUES (?, ?)').run(kiosk, since);
      return { kiosk, since, takenBy: null };
    })();
  }

  /** An officer answers "Tôi đến ngay": the kiosk is told which counter comes. Null when no request is open. */
  take(kiosk: string, counter: string): HelpRequest | null {
    return this.db.transaction(() => {
      const open = this.open(kiosk);
      if (!open || open.takenBy !== null) return open;
      prepared(this.db, 'UPDATE help_requests SET taken_by = ?, taken_at = ? WHERE kiosk = ? AND closed_at IS NULL').run(counter, this.now().toISOString(), kiosk);
      return { ...open, takenBy: counter };
    })();
  }

  close(kiosk: string): void {
    prepared(this.db, 'UPDATE help_requests SET closed_at = ? WHERE kiosk = ? AND closed_at IS NULL').run(this.now().toISOString(), kiosk);
  }

  open(kiosk: string): HelpRequest | null {
    const row = prepared(this.db, 'SELECT kiosk, since, taken_by FROM help_requests WHERE kiosk = ? AND closed_at IS NULL').get(kiosk) as
      | { kiosk: string; since: string; taken_by: string | null }
      | undefined;
    return row ? { kiosk: row.kiosk, since: row.since, takenBy: row.taken_by } : null;
  }

  /** Every open request, the longest waiting first. */
  list(): HelpRequest[] {
    const rows = prepared(this.db, 'SELECT kiosk, since, taken_by FROM help_requests WHERE closed_at IS NULL ORDER BY since').all() as {
      kiosk: string;
      since: string;
      taken_by: string | null;
    }[];
    return rows.map((r) => ({ kiosk: r.kiosk, since: r.since, takenBy: r.taken_by }));
  }
}
