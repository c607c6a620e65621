import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { typed } from '../../../platform/db/repository.ts';
import type { ReservationStatus } from '../../reservations/contract.ts';
import type { TimeWindow } from '../domain/availability.ts';

// The only place caregivers talks SQL about busy slots (migration 0002-busy-slots.sql).

export interface BusySlotsTable {
  reservation_id: string;
  caregiver_id: string;
  /** tstzrange; written with `rangeOf`, read through lower()/upper(). */
  during: string;
  status: ReservationStatus;
  active: boolean;
  event_at: Date;
  updated_at: Date;
}

const q = typed<{ 'caregivers.busy_slots': BusySlotsTable }>;

/** `[from, to)` as a tstzrange; the instants travel as ISO strings, so every driver sends the same text. */
export const rangeOf = (window: TimeWindow): RawBuilder<string> =>
  sql<string>`tstzrange(${window.from.toISOString()}::timestamptz, ${window.to.toISOString()}::timestamptz, '[)')`;

export interface SlotWrite {
  readonly reservationId: string;
  readonly caregiverId: string;
  readonly during: TimeWindow;
  readonly status: ReservationStatus;
  readonly active: boolean;
  readonly eventAt: Date;
  readonly updatedAt: Date;
}

function columnsOf(slot: SlotWrite) {
  return {
    caregiver_id: slot.caregiverId,
    during: rangeOf(slot.during),
    status: slot.status,
    active: slot.active,
    event_at: slot.eventAt,
    updated_at: slot.updatedAt,
  };
}

/**
 * Writes the first row of a reservation; false when it already has one. On PostgreSQL a concurrent
 * first write of the same reservation waits for the other to commit and then answers false.
 */
export async function insertSlotIfAbsent(db: Executor, slot: SlotWrite): Promise<boolean> {
  const result = await q(db)
    .insertInto('caregivers.busy_slots')
    .values({ reservation_id: slot.reservationId, ...columnsOf(slot) })
    .onConflict((oc) => oc.column('reservation_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** insertSlotIfAbsent for several reservations (distinct ids) in one statement: the ids it inserted. */
export async function insertSlotsIfAbsent(db: Executor, slots: readonly SlotWrite[]): Promise<Set<string>> {
  if (slots.length === 0) return new Set();
  const rows = await q(db)
    .insertInto('caregivers.busy_slots')
    .values(slots.map((slot) => ({ reservation_id: slot.reservationId, ...columnsOf(slot) })))
    .onConflict((oc) => oc.column('reservation_id').doNothing())
    .returning('reservation_id')
    .execute();
  return new Set(rows.map((row) => row.reservation_id));
}

/** The row's version, locked until the transaction ends. */
export function findSlotForUpdate(db: Executor, reservationId: string): Promise<{ status: ReservationStatus; event_at: Date } | undefined> {
  return q(db)
    .selectFrom('caregivers.busy_slots')
    .select(['status', 'event_at'])
    .where('reservation_id', '=', reservationId)
    .forUpdate()
    .executeTakeFirst();
}

export async function replaceSlot(db: Executor, slot: SlotWrite): Promise<void> {
  await q(db).updateTable('caregivers.busy_slots').set(columnsOf(slot)).where('reservation_id', '=', slot.reservationId).execute();
}

export interface BusyInterval {
  readonly startAt: Date;
  readonly endAt: Date;
}

/** A caregiver's active slots overlapping `window`, earliest first. */
export async function listBusyIntervals(db: Executor, caregiverId: string, window: TimeWindow): Promise<BusyInterval[]> {
  const rows = await busyIntervalsQuery(db, caregiverId, window).execute();
  return rows.map((row) => ({ startAt: new Date(row.start_at), endAt: new Date(row.end_at) }));
}

/** The query itself, unexecuted (the EXPLAIN script in test/caregivers compiles it). */
export function busyIntervalsQuery(db: Executor, caregiverId: string, window: TimeWindow) {
  // `active` as a literal, like the index predicate, so the planner sees the partial index applies.
  return q(db)
    .selectFrom('caregivers.busy_slots')
    .select([sql<Date>`lower(during)`.as('start_at'), sql<Date>`upper(during)`.as('end_at')])
    .where('caregiver_id', '=', caregiverId)
    .where(sql<boolean>`active`)
    .where(sql<boolean>`during && ${rangeOf(window)}`)
    .orderBy(sql`lower(during)`)
    .orderBy('reservation_id');
}
