import type { NewEvent } from '../../../platform/events/event.ts';
import { CAREGIVER_EVENTS } from '../contract.ts';

// The events this module writes to the outbox; aggregate = the profile, so one profile's events stay ordered.

interface Subject {
  readonly id: string;
  readonly user_id: string;
  readonly display_name: string;
}

const subject = (profile: Subject) => ({ caregiverId: profile.id, userId: profile.user_id, displayName: profile.display_name });

export function profileSubmitted(profile: Subject, resubmission: boolean): NewEvent {
  return CAREGIVER_EVENTS.profileSubmitted.of(profile.id, { ...subject(profile), resubmission });
}

export function profileApproved(profile: Subject): NewEvent {
  return CAREGIVER_EVENTS.approved.of(profile.id, subject(profile));
}

export function profileRejected(profile: Subject, reason: string): NewEvent {
  return CAREGIVER_EVENTS.rejected.of(profile.id, { ...subject(profile), reason });
}
