import { defineConsumer, type EventConsumer, type EventOf } from '../../../platform/events/event.ts';
import { REVIEW_EVENTS } from '../../reviews/contract.ts';
import { lockRating, writeRating } from '../db/ratings.repo.ts';
import { bayesianRating, recommendedScore } from '../domain/ranking.ts';
import { isUuid } from '../domain/search.ts';
import type { CaregiversDeps } from './deps.ts';
import { invalidateTop } from './top-cache.ts';

export const REVIEW_RATINGS_CONSUMER = 'caregivers.review-ratings';

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
type ReviewEvent = EventOf<(typeof REVIEW_EVENTS)[keyof typeof REVIEW_EVENTS]>;

/** The aggregate an event carries; the schema checks the shape, this what it cannot say. */
function statsOf(event: ReviewEvent) {
  const p = event.payload;
  const broken = (why: string) => new Error(`${event.type} ${event.id} breaks the review event contract: ${why}`);
  if (!isUuid(p.caregiverId)) throw broken('caregiverId is not a uuid');
  const s = p.stats;
  if (s.version < 1) throw broken('stats version must be at least 1');
  if (s.ratingSum < s.reviewCount || s.ratingSum > 5 * s.reviewCount) throw broken('ratingSum does not fit reviewCount');
  return { caregiverId: p.caregiverId, ...s };
}

/**
 * Applies a caregiver's review aggregate carried by a review event: rating_average (2 decimals), review_count,
 * recommended_score and the Bayesian rating_score. Idempotent and safe out of order: an aggregate applies only
 * when its version is newer than the profile's. Then the cached top lists are dropped.
 */
export function makeReviewRatingsConsumer({ platform }: CaregiversDeps): EventConsumer {
  return defineConsumer({
    name: REVIEW_RATINGS_CONSUMER,
    events: [REVIEW_EVENTS.created, REVIEW_EVENTS.updated, REVIEW_EVENTS.deleted],
    async handle(event, tx) {
      const stats = statsOf(event);
      const current = await lockRating(tx, stats.caregiverId);
      if (!current) {
        platform.logger.warn({ eventId: event.id, caregiverId: stats.caregiverId }, 'review event for an unknown caregiver ignored');
        return;
      }
      if (current.version >= stats.version) return;
      const ratingAverage = stats.reviewCount === 0 ? 0 : round(stats.ratingSum / stats.reviewCount, 2);
      await writeRating(tx, stats.caregiverId, {
        ratingAverage,
        reviewCount: stats.reviewCount,
        recommendedScore: recommendedScore({ ratingAverage, reviewCount: stats.reviewCount, careerYears: current.careerYears }),
        ratingScore: round(bayesianRating(ratingAverage, stats.reviewCount), 4),
        version: stats.version,
      });
      await invalidateTop(platform.cache);
    },
  });
}
