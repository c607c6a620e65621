import type { ProfileStatus } from '../contract.ts';

// The review life cycle of a profile. Pure; the use cases turn `undefined` into 409 INVALID_TRANSITION.
//
//   create                      -> PENDING
//   approve   PENDING           -> APPROVED
//   reject    PENDING           -> REJECTED (with a reason)
//   edit      PENDING           -> PENDING
//   edit      APPROVED          -> PENDING if the certificates changed, else APPROVED
//   edit      REJECTED          -> PENDING (a resubmission)
//   edit      SUSPENDED         -> SUSPENDED (edits are kept, the suspension stays)
//   suspend   any               -> SUSPENDED
//   anything else               -> not allowed

export { PROFILE_STATUSES } from '../contract.ts';

export type ProfileCommand =
  | { readonly type: 'approve' }
  | { readonly type: 'reject' }
  | { readonly type: 'edit'; readonly certificatesChanged: boolean }
  | { readonly type: 'suspend' };

export const INITIAL_STATUS: ProfileStatus = 'PENDING';

export function nextStatus(current: ProfileStatus, command: ProfileCommand): ProfileStatus | undefined {
  switch (command.type) {
    case 'approve':
      return current === 'PENDING' ? 'APPROVED' : undefined;
    case 'reject':
      return current === 'PENDING' ? 'REJECTED' : undefined;
    case 'edit':
      switch (current) {
        case 'PENDING':
        case 'REJECTED':
          return 'PENDING';
        case 'APPROVED':
          return command.certificatesChanged ? 'PENDING' : 'APPROVED';
        case 'SUSPENDED':
          return 'SUSPENDED';
      }
      return undefined;
    case 'suspend':
      return 'SUSPENDED';
  }
}

/** An edit that sent the profile (back) to review: admins must look at it again. */
export function isResubmission(before: ProfileStatus, after: ProfileStatus): boolean {
  return after === 'PENDING' && before !== 'PENDING';
}
