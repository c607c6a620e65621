import { notFound } from '../../../platform/errors.ts';
import { createdAtCursor, toPage, type Page } from '../../../platform/http/pagination.ts';
import { listCaregiverReviews } from '../db/reviews.repo.ts';
import { isUuid } from '../domain/review.ts';
import type { ReviewsDeps } from './deps.ts';
import { toPublicView, type PublicReviewView } from './view.ts';

/** An approved caregiver's live reviews, newest first (cursor = createdAt and id of the last item). */
export function makeListCaregiverReviews({ platform, caregivers }: ReviewsDeps) {
  return async function listReviews(caregiverId: string, page: { limit: number; cursor?: string }): Promise<Page<PublicReviewView>> {
    const profile = isUuid(caregiverId) ? await caregivers.getProfile(caregiverId) : undefined;
    if (!profile || profile.status !== 'APPROVED') throw notFound('Caregiver', 'CAREGIVER_NOT_FOUND');
    const after = createdAtCursor(page.cursor);
    const rows = await listCaregiverReviews(platform.database.db, caregiverId, { limit: page.limit + 1, ...(after ? { after } : {}) });
    return toPage(rows, page.limit, toPublicView, (row) => [new Date(row.created_at).toISOString(), row.id]);
  };
}
