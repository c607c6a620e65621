import type { ReservationStatus } from '../contract.ts';

// When the caregiver may see the family's contact (name and phone): from the confirmation (paid) until a
// day after the booking's end, and never for a booking that did not go ahead (cancelled, expired, ...).
// Pure, clock passed in.

export const CONTACT_AFTER_END_MS = 24 * 60 * 60 * 1000;

export function familyContactVisible(row: { readonly status: ReservationStatus; readonly endAt: Date }, now: Date): boolean {
  if (row.status === 'CONFIRMED' || row.status === 'IN_PROGRESS') return true;
  if (row.status === 'COMPLETED') return now.getTime() < row.endAt.getTime() + CONTACT_AFTER_END_MS;
  return false;
}
