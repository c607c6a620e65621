import { createdAtCursor, instantRange, toPage, type Page } from '../../../platform/http/pagination.ts';
import type { ReservationStatus } from '../contract.ts';
import { listReservations } from '../db/reservations.repo.ts';
import type { ReservationsDeps } from './deps.ts';
import { toAdminView, type AdminReservationView } from './view.ts';

export interface AdminListQuery {
  readonly status?: readonly ReservationStatus[] | undefined;
  /** ISO 8601 with an offset: reservations starting at or after it. */
  readonly from?: string | undefined;
  /** ISO 8601 with an offset: reservations starting before it. */
  readonly to?: string | undefined;
  readonly caregiverId?: string | undefined;
  readonly guardianId?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/**
 * Admin: every reservation, newest booking first (createdAt, id), filtered by status, caregiver, guardian
 * and by when the care starts (startAt in [from, to)). Items leave out the patient's health details.
 */
export function makeAdminListReservations({ platform }: ReservationsDeps) {
  return async function adminListReservations(query: AdminListQuery = {}): Promise<Page<AdminReservationView>> {
    const limit = query.limit ?? 20;
    const { from, to } = instantRange(query.from, query.to);
    const filter = { statuses: query.status, from, to, caregiverId: query.caregiverId, guardianId: query.guardianId };
    const rows = await listReservations(platform.database.db, filter, { limit, after: createdAtCursor(query.cursor) });
    return toPage(rows, limit, toAdminView, (row) => [row.created_at.toISOString(), row.id]);
  };
}
