import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { COLUMNS, q, type ReservationRow } from './reservations.repo.ts';

// The timers' queries. Each claims up to `limit` due rows and locks them for the rest of the
// transaction; FOR UPDATE SKIP LOCKED lets replicas (and a user's concurrent transition) work side by
// side: a row someone else holds is skipped now and looked at again on the next poll, when its status
// (re-read under the lock) tells whether anything is left to do. Each query matches a partial index of
// the migration.

export type TimerJob = 'expire' | 'autoComplete' | 'remind';

export function claimDue(
  db: Executor,
  job: TimerJob,
  now: Date,
  options: { limit: number; autoCompleteAfterMs: number },
): Promise<ReservationRow[]> {
  let query = q(db).selectFrom('reservations.reservations').select(COLUMNS);
  switch (job) {
    case 'expire':
      query = query
        .where(sql<boolean>`status IN ('REQUESTED', 'ACCEPTED')`)
        .where('expires_at', '<=', now)
        .orderBy('expires_at');
      break;
    case 'autoComplete':
      query = query
        .where(sql<boolean>`status IN ('CONFIRMED', 'IN_PROGRESS')`)
        .where('end_at', '<=', new Date(now.getTime() - options.autoCompleteAfterMs))
        .orderBy('end_at');
      break;
    case 'remind':
      // Due: the 24 h reminder from 24 h before the start, the 1 h one from 1 h before; none after the start.
      query = query
        .where(sql<boolean>`status = 'CONFIRMED' AND reminded_1h_at IS NULL`)
        .where('start_at', '>', now)
        .where('start_at', '<=', new Date(now.getTime() + 24 * 3_600_000))
        .where((eb) =>
          eb.or([eb('reminded_24h_at', 'is', null), eb('start_at', '<=', new Date(now.getTime() + 3_600_000))]),
        )
        .orderBy('start_at');
      break;
  }
  return query.limit(options.limit).forUpdate().skipLocked().execute();
}
