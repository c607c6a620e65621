import { adminListRequest, toCreatedAtPage, type AdminListQuery, type Page } from '../../../platform/paging.ts';
import type { ReservationStatus } from '../contract.ts';
import { listReservations } from '../db/reservations.repo.ts';
import type { ReservationsDeps } from './deps.ts';
import { toAdminView, type AdminReservationView } from './view.ts';

/**
 * Admin: every reservation, newest booking first (createdAt, id), filtered by status, caregiver, guardian
 * and by when the care starts (startAt in [from, to)). Items leave out the patient's health details.
 */
export function makeAdminListReservations({ platform }: ReservationsDeps) {
  return async function adminListReservations(query: AdminListQuery<ReservationStatus> = {}): Promise<Page<AdminReservationView>> {
    const { filter, page } = adminListRequest(query);
    return toCreatedAtPage(await listReservations(platform.database.db, filter, page), page.limit, toAdminView);
  };
}
