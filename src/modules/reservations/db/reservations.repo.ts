import { sql, type ColumnType, type Compilable, type QueryCreator, type Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { newestFirst, typed } from '../../../platform/db/repository.ts';
import type { AdminListFilter, PageRequest } from '../../../platform/paging.ts';
import { isUuid } from '../../../platform/uuid.ts';
import type { ReservationStatus } from '../contract.ts';
import type { Canceller } from '../domain/refund-policy.ts';
import type { RateType } from '../domain/pricing.ts';
import type { Gender, Location, QuoteView, ServiceType } from '../domain/reservation.ts';

// The only place reservations talks SQL (the timers' queries are in timers.repo.ts).

/** jsonb: read back as JSON, written as a JSON string (node-postgres would make a JS array a PG array). */
type Json<T> = ColumnType<T, string, string>;

export interface ReservationsTable {
  id: string;
  guardian_id: string;
  caregiver_id: string;
  caregiver_user_id: string;
  caregiver_name: string;
  status: ReservationStatus;
  rate_type: RateType;
  service_type: ServiceType;
  start_at: Date;
  end_at: Date;
  during: ColumnType<string, never, never>;
  location: Json<Location>;
  patient_name: string;
  patient_birth_year: number | null;
  patient_gender: Gender | null;
  patient_health_encrypted: string | null;
  request_message: string | null;
  quote: Json<QuoteView>;
  total_amount: number;
  caregiver_note: string | null;
  rejection_reason: string | null;
  suggested_alternative: string | null;
  cancel_reason: string | null;
  cancelled_by: Canceller | null;
  refund_amount: number | null;
  payment_id: string | null;
  expires_at: Date | null;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  ended_at: Date | null;
  auto_completed: boolean;
  reminded_24h_at: Date | null;
  reminded_1h_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ReservationsTables {
  'reservations.reservations': ReservationsTable;
}

export type ReservationRow = Omit<Selectable<ReservationsTable>, 'during'>;
/** A row as written: jsonb columns as values, encoded here. */
export type NewReservation = ReservationRow;
export type ReservationChanges = Partial<Omit<ReservationRow, 'id' | 'guardian_id' | 'caregiver_id' | 'created_at'>>;

export const q = typed<ReservationsTables>;

export const COLUMNS = [
  'id', 'guardian_id', 'caregiver_id', 'caregiver_user_id', 'caregiver_name', 'status', 'rate_type', 'service_type',
  'start_at', 'end_at', 'location', 'patient_name', 'patient_birth_year', 'patient_gender', 'patient_health_encrypted',
  'request_message', 'quote', 'total_amount', 'caregiver_note', 'rejection_reason', 'suggested_alternative',
  'cancel_reason', 'cancelled_by', 'refund_amount', 'payment_id', 'expires_at', 'checked_in_at', 'checked_out_at',
  'ended_at', 'auto_completed', 'reminded_24h_at', 'reminded_1h_at', 'created_at', 'updated_at',
] as const satisfies readonly (keyof ReservationRow)[];

export const OVERLAP_CONSTRAINT = 'reservations_no_overlap';

/** Ids are opaque to clients: a malformed one is simply not found (and never reaches SQL as a uuid). */
export { isUuid };

function encode<T extends { location?: Location; quote?: QuoteView }>(row: T) {
  const { location, quote, ...rest } = row;
  return {
    ...rest,
    ...(location !== undefined ? { location: JSON.stringify(location) } : {}),
    ...(quote !== undefined ? { quote: JSON.stringify(quote) } : {}),
  };
}

/**
 * The booking as one statement (for platform.transact.oneStatement); throws the database's 23P01
 * (reservations_no_overlap) when the caregiver's time is taken. It first takes a transaction-scoped
 * advisory lock on the caregiver's schedule, which queues bookings of one caregiver behind each other
 * until commit: the exclusion constraint alone keeps the schedule free of overlaps, but concurrent inserts
 * that collide on it wait on each other's index entries and PostgreSQL resolves that as a deadlock after
 * a second; behind the lock the second booking finds the first one committed and fails with 23P01 at once.
 * The lock sits in a scalar subquery giving caregiver_id, so PostgreSQL takes it while it forms the row,
 * before the row is inserted and checked against the constraint.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function insertReservationLocked(db: QueryCreator<any>, row: NewReservation): Compilable {
  const lockKey = `reservations:caregiver:${row.caregiver_id}`;
  const caregiverId = sql`(SELECT ${row.caregiver_id}::uuid FROM (SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))) AS schedule_lock)`;
  return (db as QueryCreator<ReservationsTables>)
    .insertInto('reservations.reservations')
    .values({ ...encode(row), caregiver_id: caregiverId } as never);
}

/** `forUpdate` locks the row until the transaction ends: every transition reads, decides and writes under it. */
export async function findReservation(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ReservationRow | undefined> {
  if (!isUuid(id)) return undefined;
  let query = q(db).selectFrom('reservations.reservations').select(COLUMNS).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Several reservations by id, in no particular order; unknown or malformed ids are skipped. */
export async function findReservations(db: Executor, ids: readonly string[]): Promise<ReservationRow[]> {
  const valid = [...new Set(ids)].filter(isUuid);
  if (valid.length === 0) return [];
  return q(db).selectFrom('reservations.reservations').select(COLUMNS).where('id', 'in', valid).execute();
}

export async function updateReservation(db: Executor, id: string, changes: ReservationChanges): Promise<ReservationRow> {
  return q(db)
    .updateTable('reservations.reservations')
    .set(encode(changes) as never)
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export type Participant = { readonly guardianId: string } | { readonly caregiverUserId: string };

const participantColumn = (who: Participant) =>
  'guardianId' in who ? (['guardian_id', who.guardianId] as const) : (['caregiver_user_id', who.caregiverUserId] as const);

/** A participant's reservations (of `statuses`, if given), newest first, a page (newestFirst). */
export function listForParticipant(
  db: Executor,
  who: Participant,
  statuses: readonly ReservationStatus[] | undefined,
  page: PageRequest,
): Promise<ReservationRow[]> {
  const [column, userId] = participantColumn(who);
  let query = q(db).selectFrom('reservations.reservations').select(COLUMNS).where(column, '=', userId);
  if (statuses && statuses.length > 0) query = query.where('status', 'in', [...statuses]);
  return newestFirst(query, page).execute();
}

/** Every reservation matching `filter` (admins; from/to on start_at), newest first, a page (newestFirst). */
export async function listReservations(db: Executor, filter: AdminListFilter<ReservationStatus>, page: PageRequest): Promise<ReservationRow[]> {
  // caregiver_id is a uuid column: an id of another shape matches nothing (and never reaches SQL).
  if (filter.caregiverId !== undefined && !isUuid(filter.caregiverId)) return [];
  let query = q(db).selectFrom('reservations.reservations').select(COLUMNS);
  if (filter.statuses && filter.statuses.length > 0) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.from) query = query.where('start_at', '>=', filter.from);
  if (filter.to) query = query.where('start_at', '<', filter.to);
  if (filter.caregiverId !== undefined) query = query.where('caregiver_id', '=', filter.caregiverId);
  if (filter.guardianId !== undefined) query = query.where('guardian_id', '=', filter.guardianId);
  if (filter.userIds !== undefined) {
    const ids = [...filter.userIds];
    if (ids.length === 0) return [];
    query = query.where((eb) => eb.or([eb('guardian_id', 'in', ids), eb('caregiver_user_id', 'in', ids)]));
  }
  return newestFirst(query, page).execute();
}

/** How many reservations are in each status (statuses without any are absent). */
export async function countByStatus(db: Executor): Promise<{ status: ReservationStatus; count: number }[]> {
  const rows = await q(db)
    .selectFrom('reservations.reservations')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .groupBy('status')
    .execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}

/** A participant's reservations in `statuses`, soonest first (the live state's source of truth). */
export function listInStatuses(db: Executor, who: Participant, statuses: readonly ReservationStatus[], limit: number): Promise<ReservationRow[]> {
  const [column, userId] = participantColumn(who);
  return q(db)
    .selectFrom('reservations.reservations')
    .select(COLUMNS)
    .where(column, '=', userId)
    .where('status', 'in', [...statuses])
    .orderBy('start_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Whether the user takes part, as guardian or caregiver, in a reservation in one of `statuses`. */
export async function takesPartIn(db: Executor, userId: string, statuses: readonly ReservationStatus[]): Promise<boolean> {
  const row = await q(db)
    .selectFrom('reservations.reservations')
    .select('id')
    .where((eb) => eb.or([eb('guardian_id', '=', userId), eb('caregiver_user_id', '=', userId)]))
    .where('status', 'in', [...statuses])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Withdrawal: the guardian's patients' details go; the bookings stay for the caregivers' and settlements' history. */
export async function eraseGuardianData(db: Executor, guardianId: string, erasedName: string, now: Date): Promise<number> {
  const result = await q(db)
    .updateTable('reservations.reservations')
    .set({
      patient_name: erasedName,
      patient_birth_year: null,
      patient_gender: null,
      patient_health_encrypted: null,
      request_message: null,
      location: sql`jsonb_set(location, '{address}', '""')` as never,
      updated_at: now,
    })
    .where('guardian_id', '=', guardianId)
    .where('patient_health_encrypted', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Withdrawal: the free text `author` wrote on its bookings is replaced by `erasedText`: the cancellation
 * reasons it gave (cancelled_by = author) and, for a caregiver, its rejection reasons and suggested
 * alternatives except the platform's own `keepReason` (a suspension's). Run again, it changes nothing.
 */
export async function eraseTextsBy(
  db: Executor,
  author: { readonly userId: string; readonly role: 'GUARDIAN' | 'CAREGIVER' },
  erasedText: string,
  now: Date,
  keepReason: string,
): Promise<number> {
  const column = author.role === 'GUARDIAN' ? 'guardian_id' : 'caregiver_user_id';
  const cancelled = await q(db)
    .updateTable('reservations.reservations')
    .set({ cancel_reason: erasedText, updated_at: now })
    .where(column, '=', author.userId)
    .where('cancelled_by', '=', author.role)
    .where('cancel_reason', 'is not', null)
    .where('cancel_reason', '<>', erasedText)
    .executeTakeFirst();
  if (author.role === 'GUARDIAN') return Number(cancelled.numUpdatedRows);
  const rejected = await q(db)
    .updateTable('reservations.reservations')
    .set((eb) => ({
      rejection_reason: erasedText,
      suggested_alternative: eb.case().when('suggested_alternative', 'is', null).then(null).else(erasedText).end(),
      updated_at: now,
    }))
    .where('caregiver_user_id', '=', author.userId)
    .where('rejection_reason', 'is not', null)
    .where('rejection_reason', 'not in', [erasedText, keepReason])
    .executeTakeFirst();
  return Number(cancelled.numUpdatedRows) + Number(rejected.numUpdatedRows);
}

/** Withdrawal: the caregiver's name on past bookings is replaced. */
export async function eraseCaregiverName(db: Executor, caregiverUserId: string, erasedName: string, now: Date): Promise<number> {
  const result = await q(db)
    .updateTable('reservations.reservations')
    .set({ caregiver_name: erasedName, caregiver_note: null, updated_at: now })
    .where('caregiver_user_id', '=', caregiverUserId)
    .where('caregiver_name', '<>', erasedName)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
