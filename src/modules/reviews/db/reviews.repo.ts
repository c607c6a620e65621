import type { Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { newestFirst, typed } from '../../../platform/db/repository.ts';
import type { PageRequest } from '../../../platform/paging.ts';
import type { ReviewStats } from '../domain/review.ts';

// The only place reviews talks SQL (migration 0001-reviews.sql).

export interface CompletedReservationsTable {
  reservation_id: string;
  guardian_id: string;
  caregiver_id: string;
  caregiver_user_id: string;
  completed_at: Date;
}

export interface ReviewsTable {
  id: string;
  reservation_id: string;
  caregiver_id: string;
  caregiver_user_id: string;
  guardian_id: string;
  author_name: string;
  rating: number;
  content: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export interface CaregiverStatsTable {
  caregiver_id: string;
  review_count: number;
  rating_sum: number;
  version: number;
}

interface Tables {
  'reviews.completed_reservations': CompletedReservationsTable;
  'reviews.reviews': ReviewsTable;
  'reviews.caregiver_stats': CaregiverStatsTable;
}

export type CompletedReservationRow = Selectable<CompletedReservationsTable>;
export type ReviewRow = Selectable<ReviewsTable>;

const q = typed<Tables>;

/** Records a completed reservation once; redeliveries change nothing. */
export async function insertCompletedReservation(db: Executor, row: CompletedReservationRow): Promise<void> {
  await q(db).insertInto('reviews.completed_reservations').values(row).onConflict((oc) => oc.column('reservation_id').doNothing()).execute();
}

export function findCompletedReservation(db: Executor, reservationId: string): Promise<CompletedReservationRow | undefined> {
  return q(db).selectFrom('reviews.completed_reservations').selectAll().where('reservation_id', '=', reservationId).executeTakeFirst();
}

/** Any review of the reservation, deleted ones included. */
export function findReviewOfReservation(db: Executor, reservationId: string): Promise<ReviewRow | undefined> {
  return q(db).selectFrom('reviews.reviews').selectAll().where('reservation_id', '=', reservationId).executeTakeFirst();
}

/** A live review, optionally locked. */
export function findReview(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ReviewRow | undefined> {
  let query = q(db).selectFrom('reviews.reviews').selectAll().where('id', '=', id).where('deleted_at', 'is', null);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertReview(db: Executor, row: ReviewRow): Promise<void> {
  await q(db).insertInto('reviews.reviews').values(row).execute();
}

export function updateReview(db: Executor, id: string, changes: Partial<Pick<ReviewRow, 'rating' | 'content' | 'updated_at' | 'deleted_at'>>): Promise<ReviewRow> {
  return q(db).updateTable('reviews.reviews').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/**
 * Withdrawal: every review the guardian wrote (deleted ones too) loses its author's name and text; the
 * rating stays (it is part of the caregiver's average). Run again, it changes nothing.
 */
export async function anonymiseReviewsBy(db: Executor, guardianId: string, erased: { authorName: string; content: string }): Promise<number> {
  const result = await q(db)
    .updateTable('reviews.reviews')
    .set({ author_name: erased.authorName, content: erased.content })
    .where('guardian_id', '=', guardianId)
    .where((eb) => eb.or([eb('author_name', '<>', erased.authorName), eb('content', '<>', erased.content)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The caregiver's aggregate, locked until the transaction ends; created (empty, version 0) when absent. */
export async function lockStats(db: Executor, caregiverId: string): Promise<ReviewStats> {
  await q(db)
    .insertInto('reviews.caregiver_stats')
    .values({ caregiver_id: caregiverId, review_count: 0, rating_sum: 0, version: 0 })
    .onConflict((oc) => oc.column('caregiver_id').doNothing())
    .execute();
  const row = await q(db)
    .selectFrom('reviews.caregiver_stats')
    .select(['review_count', 'rating_sum', 'version'])
    .where('caregiver_id', '=', caregiverId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { reviewCount: row.review_count, ratingSum: row.rating_sum, version: Number(row.version) };
}

export async function saveStats(db: Executor, caregiverId: string, stats: ReviewStats): Promise<void> {
  await q(db)
    .updateTable('reviews.caregiver_stats')
    .set({ review_count: stats.reviewCount, rating_sum: stats.ratingSum, version: stats.version })
    .where('caregiver_id', '=', caregiverId)
    .execute();
}

/** A caregiver's live reviews, newest first, a page (newestFirst). */
export function listCaregiverReviews(db: Executor, caregiverId: string, page: PageRequest): Promise<ReviewRow[]> {
  const query = q(db).selectFrom('reviews.reviews').selectAll().where('caregiver_id', '=', caregiverId).where('deleted_at', 'is', null);
  return newestFirst(query, page).execute();
}

/** The latest reviews written by (guardian) or about (caregiver user) a user, deleted ones included. */
export function latestReviewsOfUser(db: Executor, userId: string, limit: number): Promise<ReviewRow[]> {
  return q(db)
    .selectFrom('reviews.reviews')
    .selectAll()
    .where((eb) => eb.or([eb('guardian_id', '=', userId), eb('caregiver_user_id', '=', userId)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
