import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { typed } from '../../../platform/db/repository.ts';
import { PROFILE_COLUMNS, q as profiles, type ProfileRow } from './caregivers.repo.ts';

// The rating columns of caregivers.profiles (migration 0003-review-ratings.sql): written only by the
// review-ratings consumer, read by GET /caregivers/top.

interface RatingColumns {
  id: string;
  status: string;
  career_years: number;
  rating_average: number;
  review_count: number;
  recommended_score: number;
  rating_score: number;
  rating_version: number;
}

const q = typed<{ 'caregivers.profiles': RatingColumns }>;

/** The profile's rating state, locked until the transaction ends. */
export async function lockRating(db: Executor, id: string): Promise<{ careerYears: number; version: number } | undefined> {
  const row = await q(db).selectFrom('caregivers.profiles').select(['career_years', 'rating_version']).where('id', '=', id).forUpdate().executeTakeFirst();
  return row && { careerYears: row.career_years, version: Number(row.rating_version) };
}

export interface RatingWrite {
  readonly ratingAverage: number;
  readonly reviewCount: number;
  readonly recommendedScore: number;
  readonly ratingScore: number;
  readonly version: number;
}

export async function writeRating(db: Executor, id: string, rating: RatingWrite): Promise<void> {
  await q(db)
    .updateTable('caregivers.profiles')
    .set({
      rating_average: rating.ratingAverage,
      review_count: rating.reviewCount,
      recommended_score: rating.recommendedScore,
      rating_score: rating.ratingScore,
      rating_version: rating.version,
    })
    .where('id', '=', id)
    .where('rating_version', '<', rating.version)
    .execute();
}

/** The best APPROVED profiles by Bayesian rating (then more reviews, then id), with that score. */
export async function topProfiles(db: Executor, limit: number): Promise<{ row: ProfileRow; score: number }[]> {
  const rows = await profiles(db)
    .selectFrom('caregivers.profiles')
    .select([...PROFILE_COLUMNS, sql<number>`rating_score`.as('rating_score')])
    .where(sql<boolean>`status = 'APPROVED' AND NOT account_suspended`)
    .orderBy(sql`rating_score`, 'desc')
    .orderBy('review_count', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(({ rating_score, ...row }) => ({ row: row as ProfileRow, score: Number(rating_score) }));
}
