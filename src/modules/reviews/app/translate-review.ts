import type { Actor } from '../../../platform/access.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Translation } from '../../ai/contract.ts';
import { findReview } from '../db/reviews.repo.ts';
import { isUuid } from '../domain/review.ts';
import type { ReviewsDeps } from './deps.ts';

// GET /reviews/:id/translation: a review anyone may read (a live review of an approved caregiver, as the
// public list shows; its author and admins also see their own otherwise), translated by the AI module.
// The AI module rate-limits per caller: the signed-in reader, or the address of an anonymous one.

export function makeTranslateReview({ platform, caregivers, ai }: ReviewsDeps) {
  return async function translateReview(input: { reviewId: string; targetLanguage: string; actor: Actor | undefined; ip: string }): Promise<Translation> {
    const missing = () => notFound('Review', 'REVIEW_NOT_FOUND');
    const row = isUuid(input.reviewId) ? await findReview(platform.database.db, input.reviewId) : undefined;
    if (!row) throw missing();
    const { actor } = input;
    const own = actor !== undefined && (actor.role === 'ADMIN' || actor.userId === row.guardian_id);
    if (!own) {
      const profile = await caregivers.getProfile(row.caregiver_id);
      if (!profile || profile.status !== 'APPROVED') throw missing();
    }
    return ai.translate({ text: row.content, targetLanguage: input.targetLanguage, userId: actor?.userId ?? `ip:${input.ip}` });
  };
}
