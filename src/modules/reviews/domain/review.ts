import type { FieldError } from '../../../platform/errors.ts';

// The rules of a review, pure: what may be written, and how the author is shown to the public.

export const REVIEW_LIMITS = { minRating: 1, maxRating: 5, minContent: 10, maxContent: 1000 } as const;

export interface ReviewInput {
  readonly rating?: number;
  readonly content?: string;
}

/** Checks the fields present; content is trimmed first (10 spaces are not a review). */
export function checkReview(input: ReviewInput): { ok: true; value: { rating?: number; content?: string } } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value: { rating?: number; content?: string } = {};
  if (input.rating !== undefined) {
    const r = input.rating;
    if (!Number.isInteger(r) || r < REVIEW_LIMITS.minRating || r > REVIEW_LIMITS.maxRating) {
      errors.push({ field: 'rating', message: `must be an integer from ${REVIEW_LIMITS.minRating} to ${REVIEW_LIMITS.maxRating}` });
    } else value.rating = r;
  }
  if (input.content !== undefined) {
    const content = input.content.trim();
    const length = [...content].length;
    if (length < REVIEW_LIMITS.minContent || length > REVIEW_LIMITS.maxContent) {
      errors.push({ field: 'content', message: `must be ${REVIEW_LIMITS.minContent} to ${REVIEW_LIMITS.maxContent} characters` });
    } else value.content = content;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** `김철수` -> `김**`, `Alice` -> `A****`: the first character, then one `*` per other character (at least one). */
export function maskName(name: string): string {
  const chars = [...name.trim().replace(/\s+/g, '')];
  if (chars.length === 0) return '***';
  return chars[0]! + '*'.repeat(Math.max(1, chars.length - 1));
}

export interface ReviewStats {
  readonly reviewCount: number;
  readonly ratingSum: number;
  readonly version: number;
}

/** The aggregate after a change: `added` joins the live reviews, `removed` leaves them (an edit does both). */
export function nextStats(stats: ReviewStats, change: { added?: number; removed?: number }): ReviewStats {
  const added = change.added ?? 0;
  const removed = change.removed ?? 0;
  const reviewCount = stats.reviewCount + (change.added !== undefined ? 1 : 0) - (change.removed !== undefined ? 1 : 0);
  const ratingSum = stats.ratingSum + added - removed;
  if (reviewCount < 0 || ratingSum < 0) throw new Error('review stats would go negative');
  return { reviewCount, ratingSum, version: stats.version + 1 };
}

/** Ids are uuids in this module's tables; anything else cannot name a row (404, not a SQL error). */
export { isUuid } from '../../../platform/uuid.ts';
