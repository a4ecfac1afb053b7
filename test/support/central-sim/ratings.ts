/**
 * POST /v1/ratings: a centre's satisfaction ratings (counter, officer, ticket; no citizen). The
 * Idempotency-Key is the rating's id: the same rating again is acknowledged, never counted twice.
 */
import { z } from 'zod';
import { HttpError } from './http-util';

const ratingSchema = z.strictObject({
  ratingId: z.uuid(),
  counter: z.string().regex(/^\d{1,3}$/),
  ticket: z.string().regex(/^[A-Z0-9-]{2,12}$/),
  officer: z.string().max(64).nullable(),
  score: z.enum(['very-satisfied', 'satisfied', 'dissatisfied']),
  reasons: z.array(z.string().max(40)).max(10),
  at: z.iso.datetime(),
});
export type CentralRating = z.infer<typeof ratingSchema> & { device: string };

export function ratingDesk() {
  const held = new Map<string, CentralRating>();
  return {
    all: (): CentralRating[] => [...held.values()],
    receive(device: string, key: string | undefined, body: unknown): { status: number; body: unknown } {
      const parsed = ratingSchema.safeParse(body);
      if (!parsed.success) throw new HttpError(400, 'invalid-rating', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      if (key !== parsed.data.ratingId) throw new HttpError(400, 'idempotency-key', 'The Idempotency-Key must be the rating id.');
      const again = held.has(key);
      if (!again) held.set(key, { ...parsed.data, device });
      return { status: again ? 200 : 201, body: { ratingId: key } };
    },
  };
}
