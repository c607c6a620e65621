import { invalid } from '../../../platform/errors.ts';
import { cleanText } from '../domain/profile.ts';
import type { CaregiversDeps } from './deps.ts';
import { profileRejected } from './events.ts';
import type { FullProfileView } from './schemas.ts';
import { reviewProfile, type ReviewContext } from './review-profile.ts';

export const REJECTION_REASON_MAX = 500;

/** Admin: PENDING -> REJECTED with a reason the caregiver sees; editing the profile resubmits it. */
export function makeRejectProfile(deps: CaregiversDeps) {
  return async function rejectProfile(
    caregiverId: string,
    reason: string,
    context: ReviewContext = { actor: undefined },
  ): Promise<FullProfileView> {
    const text = cleanText(reason);
    if (text === '' || [...text].length > REJECTION_REASON_MAX) {
      throw invalid('The reason is not valid', [{ field: 'reason', message: `must be 1 to ${REJECTION_REASON_MAX} characters` }]);
    }
    return reviewProfile(
      deps,
      caregiverId,
      { command: { type: 'reject' }, reason: text, event: (row) => profileRejected(row, text) },
      context,
    );
  };
}
