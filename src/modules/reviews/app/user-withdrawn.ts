import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import { IDENTITY_EVENTS } from '../../identity/contract.ts';
import { anonymiseReviewsBy } from '../db/reviews.repo.ts';

/** The author shown on a withdrawn guardian's reviews (as identity names a withdrawn user). */
export const WITHDRAWN_AUTHOR = '탈퇴한 사용자';
/** The text shown instead of a withdrawn guardian's review (as reservations shows its erased reasons); 10-1000 characters, as the table checks. */
export const WITHDRAWN_CONTENT = '(탈퇴한 사용자가 작성한 내용 삭제됨 · Removed: written by a withdrawn user)';

/**
 * Withdrawal (PIPA): a guardian's reviews keep their place and rating (the caregiver's average and review
 * count do not change, so no review event is published) but lose the author's name and text. Reviews
 * about a withdrawn caregiver stay as they are (its profile is hidden by the caregivers module).
 */
export function makeUserWithdrawnConsumer(): EventConsumer {
  return defineConsumer({
    name: 'reviews.user-withdrawn',
    events: [IDENTITY_EVENTS.userWithdrawn],
    async handle(event, tx) {
      const { userId, role } = event.payload;
      if (role === 'GUARDIAN') await anonymiseReviewsBy(tx, userId, { authorName: WITHDRAWN_AUTHOR, content: WITHDRAWN_CONTENT });
    },
  });
}
