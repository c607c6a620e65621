import type { Actor } from '../../../platform/access.ts';
import { pageRequest, toCreatedAtPage, type Page, type PageQuery } from '../../../platform/paging.ts';
import type { ReservationStatus } from '../contract.ts';
import { listForParticipant, type Participant } from '../db/reservations.repo.ts';
import type { ReservationsDeps } from './deps.ts';
import { toView, type ReservationView } from './view.ts';

export interface ListQuery extends PageQuery {
  readonly status?: readonly ReservationStatus[] | undefined;
}

/**
 * A participant's own reservations, newest first: a guardian's bookings, or a caregiver's requests and
 * jobs (the role decides which). `status` may repeat.
 */
export function makeListReservations({ platform, settings }: ReservationsDeps) {
  return async function listReservations(actor: Actor, query: ListQuery = {}): Promise<Page<ReservationView>> {
    const page = pageRequest(query);
    const who: Participant = actor.role === 'CAREGIVER' ? { caregiverUserId: actor.userId } : { guardianId: actor.userId };
    const rows = await listForParticipant(platform.database.db, who, query.status, page);
    return toCreatedAtPage(rows, page.limit, (row) => toView(row, platform.cipher, settings));
  };
}
