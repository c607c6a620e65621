import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { typed } from '../../../platform/db/repository.ts';
import type { Certificate, DocumentKind, Gender, ProfileStatus, Region, ServiceType } from '../contract.ts';
import { isUuid } from '../domain/search.ts';

// The only place caregivers talks SQL about profiles and documents (search: search.repo.ts).

/** jsonb: read back as JSON, written as a JSON string (node-postgres would make a JS array a PG array). */
type Json<T> = ColumnType<T, string, string>;

export interface ProfilesTable {
  id: string;
  user_id: string;
  status: ProfileStatus;
  display_name: string;
  gender: Gender;
  birth_year: number;
  career_years: number;
  introduction: string;
  certificates: Json<Certificate[]>;
  regions: Json<Region[]>;
  region_keys: string[];
  service_types: ServiceType[];
  languages: string[];
  /** ISO 3166-1 alpha-2; null when not given. */
  nationality: string | null;
  hourly_rate: number;
  daily_rate: number;
  rejection_reason: string | null;
  rating_average: number;
  review_count: number;
  recommended_score: number;
  photo_document_id: string | null;
  search_text: ColumnType<string, never, never>;
  submitted_at: Date;
  reviewed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  withdrawn_at: Date | null;
  /** The caregiver's account is suspended (identity): hidden like a non-approved profile, review status kept. */
  account_suspended: boolean;
}

export interface DocumentsTable {
  id: string;
  caregiver_id: string;
  kind: DocumentKind;
  content_type: string;
  size: number;
  storage_key: string;
  created_at: Date;
}

export interface CaregiversTables {
  'caregivers.profiles': ProfilesTable;
  'caregivers.documents': DocumentsTable;
}

export type ProfileRow = Omit<Selectable<ProfilesTable>, 'search_text'>;
export type DocumentRow = Selectable<DocumentsTable>;

/** A profile as written: jsonb columns as values, encoded here. */
export type NewProfile = Omit<ProfileRow, 'certificates' | 'regions' | 'account_suspended' | 'nationality'> & {
  /** Null (the column's default) when not given. */
  nationality?: string | null;
  certificates: readonly Certificate[];
  regions: readonly Region[];
  /** Defaults to false (the column's default). */
  account_suspended?: boolean;
};
export type ProfileChanges = Partial<Omit<NewProfile, 'id' | 'user_id' | 'created_at'>>;

export const q = typed<CaregiversTables>;

export const PROFILE_COLUMNS = [
  'id', 'user_id', 'status', 'display_name', 'gender', 'birth_year', 'career_years', 'introduction', 'certificates',
  'regions', 'region_keys', 'service_types', 'languages', 'nationality', 'hourly_rate', 'daily_rate', 'rejection_reason',
  'rating_average', 'review_count', 'recommended_score', 'photo_document_id', 'submitted_at', 'reviewed_at',
  'created_at', 'updated_at', 'withdrawn_at', 'account_suspended',
] as const satisfies readonly (keyof ProfileRow)[];

function encode<T extends { certificates?: readonly Certificate[]; regions?: readonly Region[] }>(row: T) {
  const { certificates, regions, ...rest } = row;
  return {
    ...rest,
    ...(certificates !== undefined ? { certificates: JSON.stringify(certificates) } : {}),
    ...(regions !== undefined ? { regions: JSON.stringify(regions) } : {}),
  };
}

export async function insertProfile(db: Executor, profile: NewProfile): Promise<'inserted' | 'exists'> {
  const result = await q(db)
    .insertInto('caregivers.profiles')
    .values(encode(profile) as never)
    .onConflict((oc) => oc.column('user_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? 'inserted' : 'exists';
}

/** `forUpdate` locks the row until the transaction ends (edits and reviews read-modify-write). */
export async function findProfileById(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ProfileRow | undefined> {
  if (!isUuid(id)) return undefined; // ids are opaque to clients: a malformed one is simply not found
  let query = q(db).selectFrom('caregivers.profiles').select(PROFILE_COLUMNS).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * A profile by id outside any transaction, as a pinned prepared statement: planned once per connection. Every
 * booking and quote reads one (CaregiversApi.getProfile), and planning this read cost PostgreSQL more than
 * running it (decision 0034).
 */
export async function readProfileById(database: Database, id: string): Promise<ProfileRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = q(database.db).selectFrom('caregivers.profiles').select(PROFILE_COLUMNS).where('id', '=', id).compile();
  const [row] = await database.prepared(query, { pinned: true });
  return row;
}

export async function findProfileByUserId(db: Executor, userId: string, options: { forUpdate?: boolean } = {}): Promise<ProfileRow | undefined> {
  let query = q(db).selectFrom('caregivers.profiles').select(PROFILE_COLUMNS).where('user_id', '=', userId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function findProfilesByIds(db: Executor, ids: readonly string[], options: { approvedOnly: boolean }): Promise<ProfileRow[]> {
  const valid = [...new Set(ids)].filter(isUuid);
  if (valid.length === 0) return Promise.resolve([]);
  let query = q(db).selectFrom('caregivers.profiles').select(PROFILE_COLUMNS).where('id', 'in', valid);
  if (options.approvedOnly) query = query.where(sql<boolean>`status = 'APPROVED' AND NOT account_suspended`);
  return query.execute();
}

/** Profiles per status, withdrawn caregivers' left out (statuses without any are absent). */
export async function countProfilesByStatus(db: Executor): Promise<{ status: ProfileStatus; count: number }[]> {
  const rows = await q(db)
    .selectFrom('caregivers.profiles')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('withdrawn_at', 'is', null)
    .groupBy('status')
    .execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}

export async function updateProfile(db: Executor, id: string, changes: ProfileChanges): Promise<ProfileRow> {
  return q(db)
    .updateTable('caregivers.profiles')
    .set(encode(changes) as never)
    .where('id', '=', id)
    .returning(PROFILE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export interface QueuePosition {
  readonly submittedAt: Date;
  readonly id: string;
}

/** Profiles oldest submission first, optionally of one status; `limit + 1` rows so the caller knows if more follow. */
export function listProfilesForReview(db: Executor, options: ReviewQueueOptions): Promise<ProfileRow[]> {
  return reviewQueueQuery(db, options).execute();
}

export interface ReviewQueueOptions {
  readonly status?: ProfileStatus | undefined;
  readonly after?: QueuePosition | undefined;
  readonly limit: number;
}

export function reviewQueueQuery(db: Executor, options: ReviewQueueOptions) {
  let query = q(db).selectFrom('caregivers.profiles').select(PROFILE_COLUMNS);
  if (options.status) query = query.where('status', '=', options.status);
  const { after } = options;
  if (after) {
    query = query.where((eb) => eb(eb.refTuple('submitted_at', 'id'), '>', eb.tuple(after.submittedAt, after.id)));
  }
  return query.orderBy('submitted_at').orderBy('id').limit(options.limit + 1);
}

// Documents

export async function insertDocument(db: Executor, document: DocumentRow): Promise<void> {
  await q(db).insertInto('caregivers.documents').values(document).execute();
}

export async function countDocuments(db: Executor, caregiverId: string): Promise<number> {
  const row = await q(db)
    .selectFrom('caregivers.documents')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('caregiver_id', '=', caregiverId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findDocument(db: Executor, caregiverId: string, documentId: string): Promise<DocumentRow | undefined> {
  if (!isUuid(caregiverId) || !isUuid(documentId)) return undefined;
  return q(db)
    .selectFrom('caregivers.documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('caregiver_id', '=', caregiverId)
    .executeTakeFirst();
}

export function listDocuments(db: Executor, caregiverId: string): Promise<DocumentRow[]> {
  return q(db)
    .selectFrom('caregivers.documents')
    .selectAll()
    .where('caregiver_id', '=', caregiverId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function listDocumentsOfProfiles(db: Executor, caregiverIds: readonly string[]): Promise<DocumentRow[]> {
  if (caregiverIds.length === 0) return Promise.resolve([]);
  return q(db)
    .selectFrom('caregivers.documents')
    .selectAll()
    .where('caregiver_id', 'in', caregiverIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Deletes a caregiver's document rows and answers the storage keys to delete after them. */
export async function deleteDocuments(db: Executor, caregiverId: string): Promise<string[]> {
  const rows = await q(db)
    .deleteFrom('caregivers.documents')
    .where('caregiver_id', '=', caregiverId)
    .returning('storage_key')
    .execute();
  return rows.map((r) => r.storage_key);
}

/** Sets the account-suspended flag of a user's profile; false when they have none or it already had that value. */
export async function setAccountSuspended(db: Executor, userId: string, suspended: boolean, at: Date): Promise<boolean> {
  const result = await q(db)
    .updateTable('caregivers.profiles')
    .set({ account_suspended: suspended, updated_at: at })
    .where('user_id', '=', userId)
    .where('account_suspended', '!=', suspended)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
