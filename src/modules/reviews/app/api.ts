import type { ReviewsApi } from '../contract.ts';
import { latestReviewsOfUser } from '../db/reviews.repo.ts';
import type { ReviewsDeps } from './deps.ts';

/** The in-process implementation of the contract other modules call (the back office's user detail). */
export function makeReviewsApi({ platform }: Pick<ReviewsDeps, 'platform'>): ReviewsApi {
  return {
    async listForUser(userId, limit) {
      const rows = await latestReviewsOfUser(platform.database.db, userId, limit);
      return rows.map((row) => ({
        id: row.id,
        reservationId: row.reservation_id,
        rating: row.rating,
        guardianId: row.guardian_id,
        caregiverUserId: row.caregiver_user_id,
        createdAt: row.created_at.toISOString(),
        deletedAt: row.deleted_at?.toISOString() ?? null,
      }));
    },
  };
}
