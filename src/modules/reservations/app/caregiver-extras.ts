import type { ReservationRow } from '../db/reservations.repo.ts';
import { familyContactVisible } from '../domain/family-contact.ts';
import type { ReservationsDeps } from './deps.ts';
import type { ReservationView } from './view.ts';

// What only the caregiver's view of a reservation adds: what they will earn from it (the settlements
// module's commission rule, through its contract) and, while the booking is on, the family's contact.
// The contact is the guardian's account name and phone from identity, read now (never copied here), so a
// changed number shows and a withdrawn account shows nothing. Not audited: it is the counterpart of the
// caregiver's own contract, shown only inside the window (docs/decisions/0026-caregiver-view-of-a-booking.md).

export async function caregiverExtras(deps: Pick<ReservationsDeps, 'platform' | 'caregiverView'>, row: ReservationRow): Promise<Pick<ReservationView, 'caregiverEarnings' | 'familyContact'>> {
  const ports = deps.caregiverView;
  if (!ports) return {};
  const showContact = familyContactVisible({ status: row.status, endAt: row.end_at }, deps.platform.clock.now());
  const [earnings, contact] = await Promise.all([ports.earningsOf(row.total_amount), showContact ? ports.contactOf(row.guardian_id) : undefined]);
  return { caregiverEarnings: earnings, ...(contact ? { familyContact: { name: contact.name, phone: contact.phone } } : {}) };
}
