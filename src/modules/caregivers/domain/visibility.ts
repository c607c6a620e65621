import type { ProfileStatus } from '../contract.ts';

// Who may see a profile: the public sees APPROVED profiles whose caregiver's account is not suspended.

export interface VisibilityFacts {
  readonly status: ProfileStatus;
  readonly account_suspended: boolean;
}

/** Whether the public (search, GET /caregivers/:id, busy times, photo, booking) sees this profile. */
export function publiclyVisible(profile: VisibilityFacts): boolean {
  return profile.status === 'APPROVED' && !profile.account_suspended;
}

/** The status other modules see through the contract: SUSPENDED while the account is suspended. */
export function effectiveStatus(profile: VisibilityFacts): ProfileStatus {
  return profile.account_suspended ? 'SUSPENDED' : profile.status;
}
