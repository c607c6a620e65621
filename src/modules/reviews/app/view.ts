import type { ReviewRow } from '../db/reviews.repo.ts';

/** A review as anyone sees it: no guardian id, only the masked author name. */
export interface PublicReviewView {
  readonly id: string;
  readonly caregiverId: string;
  readonly authorName: string;
  readonly rating: number;
  readonly content: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A review as its author (or an admin) sees it after writing it. */
export interface ReviewView extends PublicReviewView {
  readonly reservationId: string;
}

export function toPublicView(row: ReviewRow): PublicReviewView {
  return {
    id: row.id,
    caregiverId: row.caregiver_id,
    authorName: row.author_name,
    rating: row.rating,
    content: row.content,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function toView(row: ReviewRow): ReviewView {
  return { ...toPublicView(row), reservationId: row.reservation_id };
}
