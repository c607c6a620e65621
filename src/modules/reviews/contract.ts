// What other modules may know of reviews: the events. Nothing here depends on HTTP or SQL.

export const REVIEW_EVENTS = {
  created: 'review.created.v1',
  updated: 'review.updated.v1',
  deleted: 'review.deleted.v1',
} as const;

/**
 * The caregiver's review aggregate right after the change, computed by the reviews module in the
 * transaction that made it. `version` grows by one with every change of that caregiver's reviews, so a
 * consumer applies an aggregate only when it is newer than the one it holds: redeliveries and
 * out-of-order deliveries change nothing.
 */
export interface CaregiverReviewStats {
  readonly reviewCount: number;
  /** Sum of the live reviews' ratings; the average is ratingSum / reviewCount (0 without reviews). */
  readonly ratingSum: number;
  readonly version: number;
}

/** Payload of review.created.v1, review.updated.v1 and review.deleted.v1 (aggregate id: the caregiver). */
export interface ReviewEventV1 {
  readonly reviewId: string;
  readonly reservationId: string;
  readonly caregiverId: string;
  /** The caregiver's user id (identity), for notifications. */
  readonly caregiverUserId: string;
  readonly guardianId: string;
  /** The review's rating after the change (for deleted: the rating it had). */
  readonly rating: number;
  readonly stats: CaregiverReviewStats;
}
