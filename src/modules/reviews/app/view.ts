import type { ReviewRow } from '../db/reviews.repo.ts';
import type { PublicReviewView, ReviewView } from './schemas.ts';

export type { PublicReviewView, ReviewView };

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
