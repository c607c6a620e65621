import type { Actor } from '../../../platform/http/access.ts';
import { decodeCursor, toPage, type Page } from '../../../platform/http/pagination.ts';
import { invalid } from '../../../platform/errors.ts';
import type { ReservationStatus } from '../contract.ts';
import { isUuid, listForParticipant, type Participant } from '../db/reservations.repo.ts';
import type { ReservationsDeps } from './deps.ts';
import { toView, type ReservationView } from './view.ts';

export interface ListQuery {
  readonly status?: readonly ReservationStatus[] | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** The (createdAt, id) key a nextCursor of a reservations list carries; anything else is a 400 on `cursor`. */
export function afterCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const [createdAt, id] = decodeCursor(cursor, 2);
  const at = typeof createdAt === 'string' ? new Date(createdAt) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()) || typeof id !== 'string' || !isUuid(id)) {
    throw invalid('The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor from this list' }]);
  }
  return { createdAt: at, id };
}

/**
 * A participant's own reservations, newest first: a guardian's bookings, or a caregiver's requests and
 * jobs (the role decides which). `status` may repeat.
 */
export function makeListReservations({ platform }: ReservationsDeps) {
  return async function listReservations(actor: Actor, query: ListQuery = {}): Promise<Page<ReservationView>> {
    const limit = query.limit ?? 20;
    const who: Participant = actor.role === 'CAREGIVER' ? { caregiverUserId: actor.userId } : { guardianId: actor.userId };
    const rows = await listForParticipant(platform.database.db, who, { statuses: query.status, limit, after: afterCursor(query.cursor) });
    return toPage(
      rows,
      limit,
      (row) => toView(row, platform.cipher),
      (row) => [row.created_at.toISOString(), row.id],
    );
  };
}
