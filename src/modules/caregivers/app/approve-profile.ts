import type { CaregiversDeps } from './deps.ts';
import { profileApproved } from './events.ts';
import type { FullProfileView } from './schemas.ts';
import { reviewProfile, type ReviewContext } from './review-profile.ts';

/** Admin: PENDING -> APPROVED; the profile becomes searchable. Anything else: 409 INVALID_TRANSITION. */
export function makeApproveProfile(deps: CaregiversDeps) {
  return function approveProfile(caregiverId: string, context: ReviewContext = { actor: undefined }): Promise<FullProfileView> {
    return reviewProfile(deps, caregiverId, { command: { type: 'approve' }, reason: null, event: profileApproved }, context);
  };
}
