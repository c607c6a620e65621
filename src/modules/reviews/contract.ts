import Type, { type Static } from 'typebox';
import { defineEvent } from '../../platform/events/event.ts';

// What other modules may know of reviews: the events. Nothing here depends on HTTP or SQL.

/**
 * The caregiver's review aggregate right after the change, computed by the reviews module in the
 * transaction that made it. `version` grows by one with every change of that caregiver's reviews, so a
 * consumer applies an aggregate only when it is newer than the one it holds: redeliveries and
 * out-of-order deliveries change nothing.
 */
export const CaregiverReviewStats = Type.Object({
  reviewCount: Type.Integer({ minimum: 0 }),
  /** Sum of the live reviews' ratings; the average is ratingSum / reviewCount (0 without reviews). */
  ratingSum: Type.Integer({ minimum: 0 }),
  version: Type.Integer({ minimum: 0 }),
});
export type CaregiverReviewStats = Static<typeof CaregiverReviewStats>;

/** Payload of review.created.v1, review.updated.v1 and review.deleted.v1 (aggregate id: the caregiver). */
export const ReviewEventV1 = Type.Object({
  reviewId: Type.String(),
  reservationId: Type.String(),
  caregiverId: Type.String(),
  /** The caregiver's user id (identity), for notifications. */
  caregiverUserId: Type.String(),
  guardianId: Type.String(),
  /** The review's rating after the change (for deleted: the rating it had). */
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  stats: CaregiverReviewStats,
});
export type ReviewEventV1 = Static<typeof ReviewEventV1>;

export const REVIEW_EVENTS = {
  created: defineEvent('review.created.v1', ReviewEventV1),
  updated: defineEvent('review.updated.v1', ReviewEventV1),
  deleted: defineEvent('review.deleted.v1', ReviewEventV1),
} as const;

/** A review in a back-office list (no content). */
export interface ReviewSummary {
  readonly id: string;
  readonly reservationId: string;
  readonly rating: number;
  readonly guardianId: string;
  readonly caregiverUserId: string;
  readonly createdAt: string;
  /** When the author deleted it, or null. */
  readonly deletedAt: string | null;
}

export interface ReviewsApi {
  /** The latest `limit` reviews written by the user (guardian) or about them (caregiver), deleted ones included, newest first. */
  listForUser(userId: string, limit: number): Promise<ReviewSummary[]>;
}
