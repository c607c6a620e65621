import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import type { Actor } from '../../../platform/access.ts';
import { ACTIVE_STATUSES, RESERVATION_STATUS_EVENTS } from '../contract.ts';
import { findReservation, findReservations, listInStatuses, type ReservationRow } from '../db/reservations.repo.ts';
import { isActive } from '../domain/transitions.ts';
import type { ReservationsDeps } from './deps.ts';
import { createLiveList, type LiveList } from './live-cache.ts';
import type { LiveReservation, LiveView, PendingRequest } from './schemas.ts';

// The live state dashboards read most (issue 3, Build 4): a caregiver's pending requests, and the arrival
// status of a guardian's active reservations. Kept in the cache by a consumer of this module's own events,
// served from it, rebuilt from the database when the cache has nothing. No patient details: the cache is
// not encrypted.

const keys = {
  pending: (caregiverUserId: string) => `reservations:live:pending:${caregiverUserId}`,
  active: (guardianId: string) => `reservations:live:active:${guardianId}`,
};

/** Enough for any dashboard; a caregiver with more pending requests than this sees the soonest. */
const LIVE_LIMIT = 200;

function pendingEntry(row: ReservationRow): PendingRequest {
  return {
    id: row.id,
    startAt: row.start_at.toISOString(),
    endAt: row.end_at.toISOString(),
    serviceType: row.service_type,
    rateType: row.rate_type,
    totalAmount: row.total_amount,
    location: { sido: row.location.sido, ...(row.location.sigungu !== undefined ? { sigungu: row.location.sigungu } : {}) },
    expiresAt: row.expires_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

function liveEntry(row: ReservationRow): LiveReservation {
  return {
    id: row.id,
    status: row.status,
    caregiverName: row.caregiver_name,
    startAt: row.start_at.toISOString(),
    endAt: row.end_at.toISOString(),
    checkedInAt: row.checked_in_at?.toISOString() ?? null,
  };
}

const soonestFirst = <T extends { startAt: string; id: string }>(entries: T[]): T[] =>
  entries.sort((a, b) => a.startAt.localeCompare(b.startAt) || a.id.localeCompare(b.id)).slice(0, LIVE_LIMIT);



export function makeLiveState({ platform }: ReservationsDeps) {
  const pending: LiveList<PendingRequest> = createLiveList(platform.cache);
  const active: LiveList<LiveReservation> = createLiveList(platform.cache);

  /** From the cache; on a miss from the database, repairing the cache on the way. */
  async function served<T extends { startAt: string; id: string }>(
    list: LiveList<T>,
    key: string,
    fromDatabase: () => Promise<T[]>,
  ): Promise<T[]> {
    const cached = await list.read(key);
    if (cached !== undefined) return soonestFirst(cached);
    const generation = await list.generation(key);
    const entries = await fromDatabase();
    await list.store(key, entries, generation).catch((error: unknown) => platform.logger.warn({ err: error, key }, 'live state not cached'));
    return soonestFirst(entries);
  }

  async function liveState(actor: Actor): Promise<LiveView> {
    const { db } = platform.database;
    if (actor.role === 'CAREGIVER') {
      const entries = await served(pending, keys.pending(actor.userId), async () =>
        (await listInStatuses(db, { caregiverUserId: actor.userId }, ['REQUESTED'], LIVE_LIMIT)).map(pendingEntry),
      );
      return { pendingRequests: entries, count: entries.length };
    }
    const entries = await served(active, keys.active(actor.userId), async () =>
      (await listInStatuses(db, { guardianId: actor.userId }, ACTIVE_STATUSES, LIVE_LIMIT)).map(liveEntry),
    );
    return { reservations: entries };
  }

  /**
   * Applies the reservation's current state (read from the database, so the order events arrive in does
   * not matter) to both lists it may be in. Throws when a list stays locked: the bus retries.
   */
  async function applyRow(row: ReservationRow): Promise<void> {
    await pending.apply(keys.pending(row.caregiver_user_id), row.id, row.status === 'REQUESTED' ? pendingEntry(row) : undefined);
    await active.apply(keys.active(row.guardian_id), row.id, isActive(row.status) ? liveEntry(row) : undefined);
  }

  const consumer: EventConsumer = defineConsumer({
    name: 'reservations.live-state',
    events: RESERVATION_STATUS_EVENTS,
    // Writes only the cache, from the row as it is now: idempotent, so no inbox transaction per event.
    inbox: false,
    // The events of one relay batch together: their rows in one query (the current rows, so the same effect).
    batch: true,
    async handle(event, tx) {
      const row = await findReservation(tx, event.payload.reservationId);
      if (row) await applyRow(row);
    },
    async handleBatch(events, tx) {
      for (const row of await findReservations(tx, events.map((event) => event.payload.reservationId))) await applyRow(row);
    },
  });

  return { liveState, consumer };
}
