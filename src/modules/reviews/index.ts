import { defineManifest, type Module, type Platform } from '../../platform/module.ts';
import type { ReviewsApi } from './contract.ts';
import { makeReviewsApi } from './app/api.ts';
import { makeCompletedReservationsConsumer } from './app/completed-reservations.ts';
import { makeUserWithdrawnConsumer } from './app/user-withdrawn.ts';
import type { ReviewsDeps } from './app/deps.ts';
import { makeReviewsUseCases, type ReviewsUseCases } from './app/use-cases.ts';
import { reviewRoutes } from './http/routes.ts';

export type { ReviewsUseCases } from './app/use-cases.ts';

/** Reviews have no settings of their own. */
export const reviewsManifest = defineManifest('reviews', { tablesAt: import.meta.url });

export function createReviewsModule(platform: Platform, contracts: Omit<ReviewsDeps, 'platform'>): Module & { api: ReviewsApi; useCases: ReviewsUseCases } {
  const useCases = makeReviewsUseCases({ platform, ...contracts });
  return {
    name: 'reviews',
    routes: (app) => reviewRoutes(app, useCases),
    consumers: [makeCompletedReservationsConsumer(), makeUserWithdrawnConsumer()],
    api: makeReviewsApi({ platform }),
    useCases,
  };
}
