import { writeAudit } from '../../../platform/audit.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { invalid, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/access.ts';
import { findReview, lockStats, saveStats, updateReview, type ReviewRow } from '../db/reviews.repo.ts';
import { checkReview, isUuid, nextStats } from '../domain/review.ts';
import type { ReviewsDeps } from './deps.ts';
import { reviewEvent } from './events.ts';
import type { ReviewChanges } from './schemas.ts';
import { toView, type ReviewView } from './view.ts';

// Edit and delete: the author or an admin; anyone else (and a deleted or unknown review) gets 404. An
// admin's change of someone's review is audited in the same transaction ('review.update', 'review.delete').

/** Writes the audit row when an admin changes a review they did not write. */
async function auditModeration(tx: Executor, actor: Actor, action: 'review.update' | 'review.delete', row: ReviewRow, at: Date): Promise<void> {
  if (actor.role !== 'ADMIN' || row.guardian_id === actor.userId) return;
  const details = { reservationId: row.reservation_id, guardianId: row.guardian_id, caregiverUserId: row.caregiver_user_id, rating: row.rating };
  await writeAudit(tx, { actor, action, resourceType: 'review', resourceId: row.id, details }, at);
}

/** The live review for its author or an admin, locked; the caregiver's aggregate is locked first. */
async function loadForChange(tx: Executor, actor: Actor, id: string): Promise<ReviewRow> {
  const missing = () => notFound('Review', 'REVIEW_NOT_FOUND');
  if (!isUuid(id)) throw missing();
  const peek = await findReview(tx, id);
  if (!peek || (actor.role !== 'ADMIN' && peek.guardian_id !== actor.userId)) throw missing();
  // Lock order: the caregiver's stats, then the review (as create does), so concurrent changes queue.
  await lockStats(tx, peek.caregiver_id);
  const row = await findReview(tx, id, { forUpdate: true });
  if (!row) throw missing();
  return row;
}

export function makeUpdateReview({ platform }: ReviewsDeps) {
  return async function updateReviewAsActor(actor: Actor, id: string, input: ReviewChanges): Promise<ReviewView> {
    const checked = checkReview(input);
    if (!checked.ok) throw invalid('The review is not valid', checked.errors);
    if (checked.value.rating === undefined && checked.value.content === undefined) {
      throw invalid('Nothing to change', [{ field: 'body', message: 'give rating or content' }]);
    }
    const after = await platform.transact(async (tx, emit) => {
      const row = await loadForChange(tx, actor, id);
      const updated = await updateReview(tx, row.id, { ...checked.value, updated_at: platform.clock.now() });
      await auditModeration(tx, actor, 'review.update', row, platform.clock.now());
      if (updated.rating !== row.rating) {
        const stats = nextStats(await lockStats(tx, row.caregiver_id), { removed: row.rating, added: updated.rating });
        await saveStats(tx, row.caregiver_id, stats);
        emit(reviewEvent('updated', updated, stats));
      }
      return updated;
    });
    return toView(after);
  };
}

export function makeDeleteReview({ platform }: ReviewsDeps) {
  return async function deleteReview(actor: Actor, id: string): Promise<void> {
    await platform.transact(async (tx, emit) => {
      const row = await loadForChange(tx, actor, id);
      const now = platform.clock.now();
      const deleted = await updateReview(tx, row.id, { deleted_at: now, updated_at: now });
      await auditModeration(tx, actor, 'review.delete', row, now);
      const stats = nextStats(await lockStats(tx, row.caregiver_id), { removed: row.rating });
      await saveStats(tx, row.caregiver_id, stats);
      emit(reviewEvent('deleted', deleted, stats));
    });
  };
}
