import { ACTIVE_STATUSES, type ReservationStatus } from '../../reservations/contract.ts';

// The caregivers module's copy of when a caregiver is booked: one slot per reservation, fed by the
// reservation events (at least once, possibly out of order). Pure: which event's word counts.
//
// Rules, given that a reservation's time never changes and its status only moves forward:
//   - an ended reservation (REJECTED, CANCELLED, EXPIRED, COMPLETED) stays ended: its row is kept as a
//     tombstone, inactive, so a late or replayed REQUESTED cannot bring the slot back;
//   - among active statuses the newer event wins (occurredAt), a tie going to the later status;
//   - a duplicate changes nothing.

const STATUS_ORDER: readonly ReservationStatus[] = ['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS'];

export function isActiveStatus(status: ReservationStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

export interface SlotVersion {
  readonly status: ReservationStatus;
  /** The occurredAt of the event that wrote it. */
  readonly eventAt: Date;
}

/** Whether `incoming` replaces what the slot row holds now. */
export function supersedes(current: SlotVersion, incoming: SlotVersion): boolean {
  if (!isActiveStatus(current.status)) return false;
  if (!isActiveStatus(incoming.status)) return true;
  const newer = incoming.eventAt.getTime() - current.eventAt.getTime();
  if (newer !== 0) return newer > 0;
  return STATUS_ORDER.indexOf(incoming.status) > STATUS_ORDER.indexOf(current.status);
}
