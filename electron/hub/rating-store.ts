import { prepared } from './prepared';
import { randomUUID } from 'node:crypto';
import { todayInVietnam } from '../base/calendar-date';
import type { HubDb } from './hub-db';

import type { RATING_SCORES } from '../contract';

export type RatingScore = (typeof RATING_SCORES)[number];

export interface Rating {
  id: string;
  counter: string;
  ticket: string;
  officer: string | null;
  score: RatingScore;
  reasons: string[];
  at: string;
}

/** The ticket a rating screen rates: the one its counter serves now, or served last, today. */
export interface RatingTarget {
  counter: string;
  ticket: string | null;
  officer: string | null;
  rated: boolean;
}

export class RatingStore {
  constructor(
    private readonly db: HubDb,
    private readonly now: () => Date,
  ) {}

  target(counter: string): RatingTarget {
    const day = todayInVietnam(this.now());
    const row = prepared(this.db, "SELECT number, officer FROM tickets WHERE day = ? AND counter = ? AND state IN ('serving', 'served') ORDER BY coalesce(serving_at, called_at) DESC, id DESC LIMIT 1")
      .get(day, counter) as { number: string; officer: string | null } | undefined;
    if (!row) return { counter, ticket: null, officer: null, rated: false };
    const rated = prepared(this.db, 'SELECT 1 FROM ratings WHERE day = ? AND ticket = ?').get(day, row.number) !== undefined;
    return { counter, ticket: row.number, officer: row.officer, rated };
  }

  /** One rating per ticket: the second touch on the same service is not counted again. Null when there is nothing to rate. */
  rate(counter: string, score: RatingScore, reasons: readonly string[]): Rating | null {
    return this.db.transaction(() => {
      const target = this.target(counter);
      if (target.ticket === null || target.rated) return null;
      const rating: Rating = { id: randomUUID(), counter, ticket: target.ticket, officer: target.officer, score, reasons: [...reasons], at: this.now().toISOString() };
      prepared(this.db, 'INSERT INTO ratings (id, day, counter, ticket, officer, score, reasons, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(rating.id, todayInVietnam(this.now()), counter, rating.ticket, rating.officer, score, JSON.stringify(rating.reasons), rating.at);
      return rating;
    })();
  }
}
