import type { NewEvent } from '../../../platform/events/event.ts';
import { REVIEW_EVENTS } from '../contract.ts';
import type { ReviewRow } from '../db/reviews.repo.ts';
import type { ReviewStats } from '../domain/review.ts';

// The events this module writes to the outbox. Aggregate = the caregiver, so one caregiver's review
// events reach each consumer in version order (the version check makes any order safe anyway).

export function reviewEvent(kind: keyof typeof REVIEW_EVENTS, row: ReviewRow, stats: ReviewStats): NewEvent {
  return REVIEW_EVENTS[kind].of(row.caregiver_id, {
    reviewId: row.id,
    reservationId: row.reservation_id,
    caregiverId: row.caregiver_id,
    caregiverUserId: row.caregiver_user_id,
    guardianId: row.guardian_id,
    rating: row.rating,
    stats: { reviewCount: stats.reviewCount, ratingSum: stats.ratingSum, version: stats.version },
  });
}
