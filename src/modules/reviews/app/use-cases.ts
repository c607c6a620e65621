import { makeDeleteReview, makeUpdateReview } from './change-review.ts';
import { makeCreateReview } from './create-review.ts';
import type { ReviewsDeps } from './deps.ts';
import { makeListCaregiverReviews } from './list-reviews.ts';
import { makeTranslateReview } from './translate-review.ts';

export type ReviewsUseCases = ReturnType<typeof makeReviewsUseCases>;

/** Every reviews use case, built once; routes call them, and so may tests and the demo seeder. */
export function makeReviewsUseCases(deps: ReviewsDeps) {
  return {
    createReview: makeCreateReview(deps),
    updateReview: makeUpdateReview(deps),
    deleteReview: makeDeleteReview(deps),
    listCaregiverReviews: makeListCaregiverReviews(deps),
    translateReview: makeTranslateReview(deps),
  };
}
