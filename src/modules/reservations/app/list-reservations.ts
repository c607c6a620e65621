import type { Actor } from '../../../platform/http/access.ts';
import { createdAtCursor, toPage, type Page } from '../../../platform/http/pagination.ts';
import type { ReservationStatus } from '../contract.ts';
import { listForParticipant, type Participant } from '../db/reservations.repo.ts';
import type { ReservationsDeps } from './deps.ts';
import { toView, type ReservationView } from './view.ts';

export interface ListQuery {
  readonly status?: readonly ReservationStatus[] | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/**
 * A participant's own reservations, newest first: a guardian's bookings, or a caregiver's requests and
 * jobs (the role decides which). `status` may repeat.
 */
export function makeListReservations({ platform }: ReservationsDeps) {
  return async function listReservations(actor: Actor, query: ListQuery = {}): Promise<Page<ReservationView>> {
    const limit = query.limit ?? 20;
    const who: Participant = actor.role === 'CAREGIVER' ? { caregiverUserId: actor.userId } : { guardianId: actor.userId };
    const rows = await listForParticipant(platform.database.db, who, { statuses: query.status, limit, after: createdAtCursor(query.cursor) });
    return toPage(
      rows,
      limit,
      (row) => toView(row, platform.cipher),
      (row) => [row.created_at.toISOString(), row.id],
    );
  };
}
