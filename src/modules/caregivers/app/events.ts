import type { NewEvent } from '../../../platform/events/event.ts';
import {
  CAREGIVER_EVENTS,
  type CaregiverApprovedV1,
  type CaregiverProfileSubmittedV1,
  type CaregiverRejectedV1,
} from '../contract.ts';

// The events this module writes to the outbox; aggregate = the profile, so one profile's events stay ordered.

interface Subject {
  readonly id: string;
  readonly user_id: string;
  readonly display_name: string;
}

export function profileSubmitted(profile: Subject, resubmission: boolean): NewEvent<CaregiverProfileSubmittedV1> {
  return {
    type: CAREGIVER_EVENTS.profileSubmitted,
    aggregateId: profile.id,
    payload: { caregiverId: profile.id, userId: profile.user_id, displayName: profile.display_name, resubmission },
  };
}

export function profileApproved(profile: Subject): NewEvent<CaregiverApprovedV1> {
  return {
    type: CAREGIVER_EVENTS.approved,
    aggregateId: profile.id,
    payload: { caregiverId: profile.id, userId: profile.user_id, displayName: profile.display_name },
  };
}

export function profileRejected(profile: Subject, reason: string): NewEvent<CaregiverRejectedV1> {
  return {
    type: CAREGIVER_EVENTS.rejected,
    aggregateId: profile.id,
    payload: { caregiverId: profile.id, userId: profile.user_id, displayName: profile.display_name, reason },
  };
}
