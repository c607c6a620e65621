import type { NewEvent } from '../../../platform/events/event.ts';
import { REVIEW_EVENTS, type ReviewEventV1 } from '../contract.ts';
import type { ReviewRow } from '../db/reviews.repo.ts';
import type { ReviewStats } from '../domain/review.ts';

// The events this module writes to the outbox. Aggregate = the caregiver, so one caregiver's review
// events reach each consumer in version order (the version check makes any order safe anyway).

export function reviewEvent(kind: keyof typeof REVIEW_EVENTS, row: ReviewRow, stats: ReviewStats): NewEvent<ReviewEventV1> {
  return {
    type: REVIEW_EVENTS[kind],
    aggregateId: row.caregiver_id,
    payload: {
      reviewId: row.id,
      reservationId: row.reservation_id,
      caregiverId: row.caregiver_id,
      caregiverUserId: row.caregiver_user_id,
      guardianId: row.guardian_id,
      rating: row.rating,
      stats: { reviewCount: stats.reviewCount, ratingSum: stats.ratingSum, version: stats.version },
    },
  };
}
