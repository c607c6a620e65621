import { pgConstraint } from '../../../platform/db/database.ts';
import { conflict, invalid, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/access.ts';
import { newId } from '../../../platform/ids.ts';
import { findCompletedReservation, findReviewOfReservation, insertReview, lockStats, saveStats, type ReviewRow } from '../db/reviews.repo.ts';
import { checkReview, isUuid, maskName, nextStats } from '../domain/review.ts';
import type { ReviewsDeps } from './deps.ts';
import { reviewEvent } from './events.ts';
import type { CreateReviewInput } from './schemas.ts';
import { toView, type ReviewView } from './view.ts';

export type { CreateReviewInput };

const alreadyReviewed = () => conflict('REVIEW_EXISTS', 'This reservation already has a review');

/**
 * The guardian of a COMPLETED reservation reviews it, once (a deleted review still counts). Someone else's
 * or an unknown reservation is 404 RESERVATION_NOT_FOUND; the guardian's own unfinished one 409
 * RESERVATION_NOT_COMPLETED. The caregiver's aggregate changes in the same transaction and travels in the event.
 */
export function makeCreateReview(deps: ReviewsDeps) {
  const { platform } = deps;
  return async function createReview(actor: Actor, input: CreateReviewInput): Promise<ReviewView> {
    const checked = checkReview({ rating: input.rating, content: input.content });
    if (!checked.ok) throw invalid('The review is not valid', checked.errors);
    const { rating, content } = checked.value as { rating: number; content: string };
    if (!isUuid(input.reservationId)) throw notFound('Reservation', 'RESERVATION_NOT_FOUND');
    const { db } = platform.database;

    const completed = await findCompletedReservation(db, input.reservationId);
    if (!completed || completed.guardian_id !== actor.userId) {
      const participants = await deps.reservations.participants(input.reservationId);
      if (participants?.guardianId === actor.userId) {
        throw conflict('RESERVATION_NOT_COMPLETED', 'Only a completed reservation can be reviewed (a check-out shows here within seconds)');
      }
      throw notFound('Reservation', 'RESERVATION_NOT_FOUND');
    }
    if (await findReviewOfReservation(db, completed.reservation_id)) throw alreadyReviewed();
    const [author] = await deps.identity.findUsers([actor.userId]);

    const now = platform.clock.now();
    const row: ReviewRow = {
      id: newId(),
      reservation_id: completed.reservation_id,
      caregiver_id: completed.caregiver_id,
      caregiver_user_id: completed.caregiver_user_id,
      guardian_id: actor.userId,
      author_name: maskName(author?.name ?? ''),
      rating,
      content,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    try {
      await platform.transact(async (tx, emit) => {
        const stats = nextStats(await lockStats(tx, row.caregiver_id), { added: rating });
        await insertReview(tx, row);
        await saveStats(tx, row.caregiver_id, stats);
        emit(reviewEvent('created', row, stats));
      });
    } catch (error) {
      if (pgConstraint(error) === 'reviews_reservation_key') throw alreadyReviewed();
      throw error;
    }
    return toView(row);
  };
}
