import type { CentralLink } from './sync-service';

/** The body of `POST /v1/ratings`: a service's rating, tied to the counter, officer and ticket, never to the citizen. */
export interface RatingBody {
  ratingId: string;
  counter: string;
  ticket: string;
  officer: string | null;
  score: 'very-satisfied' | 'satisfied' | 'dissatisfied';
  reasons: string[];
  at: string;
}

interface KeyValues {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

const WAITING = 'ratings.outbox';
const REFUSED = 'ratings.refused';

/**
 * Ratings on their way to the centre: saved before the screen thanks the citizen, sent with the
 * rating's id as Idempotency-Key (a re-send after a lost answer is not counted twice), and kept
 * until the centre acknowledges them. A rating the centre refuses (4xx) is set aside, not retried.
 */
export class RatingOutbox {
  constructor(
    private readonly settings: KeyValues,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  waiting(): RatingBody[] {
    return JSON.parse(this.settings.get(WAITING) ?? '[]') as RatingBody[];
  }

  refused(): RatingBody[] {
    return JSON.parse(this.settings.get(REFUSED) ?? '[]') as RatingBody[];
  }

  enqueue(rating: RatingBody): void {
    this.settings.set(WAITING, JSON.stringify([...this.waiting(), rating]));
  }

  /** Sends what waits, oldest first; stops at the first passing failure (the centre is away: later). */
  async flush(link: CentralLink | null): Promise<{ sent: number; waiting: number }> {
    let sent = 0;
    if (!link) return { sent, waiting: this.waiting().length };
    for (const rating of this.waiting()) {
      let status: number;
      try {
        const res = await this.fetchImpl(new URL('v1/ratings', link.url.endsWith('/') ? link.url : `${link.url}/`), {
          method: 'POST',
          headers: { authorization: `Bearer ${link.token}`, 'content-type': 'application/json', 'idempotency-key': rating.ratingId },
          body: JSON.stringify(rating),
          signal: AbortSignal.timeout(10_000),
        });
        status = res.status;
        await res.body?.cancel();
      } catch {
        break;
      }
      const refused = status >= 400 && status < 500 && status !== 408 && status !== 429;
      if (status >= 300 && !refused) break;
      if (refused) this.settings.set(REFUSED, JSON.stringify([...this.refused(), rating]));
      else sent++;
      this.settings.set(WAITING, JSON.stringify(this.waiting().filter((r) => r.ratingId !== rating.ratingId)));
    }
    return { sent, waiting: this.waiting().length };
  }
}
