import { adminListRequest, toCreatedAtPage, type AdminListQuery, type Page } from '../../../platform/paging.ts';
import { namesOf, userIdsMatching } from '../../../platform/user-names.ts';
import type { ReservationStatus } from '../contract.ts';
import { listReservations } from '../db/reservations.repo.ts';
import type { ReservationsDeps } from './deps.ts';
import { toAdminView, type AdminReservationView } from './view.ts';

/**
 * Admin: every reservation, newest booking first (createdAt, id), filtered by status, caregiver, guardian,
 * by when the care starts (startAt in [from, to)) and by `q` (a name, email or phone of either party, which
 * the identity module resolves to accounts). Items carry the guardian's name and leave out health details.
 */
export function makeAdminListReservations({ platform, users }: ReservationsDeps) {
  return async function adminListReservations(query: AdminListQuery<ReservationStatus> = {}): Promise<Page<AdminReservationView>> {
    const { filter, page } = adminListRequest(query);
    const userIds = await userIdsMatching(users, query.q);
    const rows = await listReservations(platform.database.db, { ...filter, userIds }, page);
    const nameOf = await namesOf(users, rows.map((row) => row.guardian_id));
    return toCreatedAtPage(rows, page.limit, (row) => ({ ...toAdminView(row), guardianName: nameOf(row.guardian_id) }));
  };
}
