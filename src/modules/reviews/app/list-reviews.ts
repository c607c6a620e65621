import { notFound } from '../../../platform/errors.ts';
import { pageRequest, toCreatedAtPage, type Page } from '../../../platform/paging.ts';
import { listCaregiverReviews } from '../db/reviews.repo.ts';
import { isUuid } from '../domain/review.ts';
import type { ReviewsDeps } from './deps.ts';
import { toPublicView, type PublicReviewView } from './view.ts';

/** An approved caregiver's live reviews, newest first (cursor = createdAt and id of the last item). */
export function makeListCaregiverReviews({ platform, caregivers }: ReviewsDeps) {
  return async function listReviews(caregiverId: string, page: { limit: number; cursor?: string }): Promise<Page<PublicReviewView>> {
    const profile = isUuid(caregiverId) ? await caregivers.getProfile(caregiverId) : undefined;
    if (!profile || profile.status !== 'APPROVED') throw notFound('Caregiver', 'CAREGIVER_NOT_FOUND');
    const request = pageRequest(page);
    return toCreatedAtPage(await listCaregiverReviews(platform.database.db, caregiverId, request), request.limit, toPublicView);
  };
}
