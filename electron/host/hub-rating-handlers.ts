import type { RatingBody, RatingOutbox } from '../sync/rating-outbox';
import type { HubLinkContext } from './hub-host-deps';
import type { Handlers } from './router';

/** The rating screen: which ticket it rates, and the rating kept on the hub and sent to the centre through the outbox. */
export function ratingHandlers(link: HubLinkContext, ratings: RatingOutbox, sendRatings: () => Promise<unknown>): Pick<Handlers, 'rating.target' | 'rating.submit'> {
  return {
    'rating.target': async () => (await link.call<{ target: { counter: string; ticket: string | null; rated: boolean } }>('ratingTarget')).target,
    'rating.submit': async ({ score, reasons }) => {
      const { rating } = await link.call<{ rating: (Omit<RatingBody, 'ratingId'> & { id: string }) | null }>('rate', { score, reasons });
      if (rating) {
        const { id, ...rest } = rating;
        ratings.enqueue({ ratingId: id, ...rest });
        await sendRatings();
      }
      return { rated: rating !== null, waitingToSend: ratings.waiting().length };
    },
  };
}
