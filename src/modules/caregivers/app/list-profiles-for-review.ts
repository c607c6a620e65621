import { decodeCursor, toPage, type Page } from '../../../platform/paging.ts';
import { invalid } from '../../../platform/errors.ts';
import type { ProfileStatus } from '../contract.ts';
import { listDocumentsOfProfiles, listProfilesForReview, type QueuePosition } from '../db/caregivers.repo.ts';
import { isUuid } from '../domain/search.ts';
import type { CaregiversDeps } from './deps.ts';
import { toFullProfile } from './profile-view.ts';
import type { FullProfileView } from './schemas.ts';

export interface ReviewListQuery {
  readonly status?: ProfileStatus | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

function positionOf(cursor: string): QueuePosition {
  const [submittedAt, id] = decodeCursor(cursor, 2);
  const at = typeof submittedAt === 'string' ? new Date(submittedAt) : undefined;
  if (!at || Number.isNaN(at.getTime()) || typeof id !== 'string' || !isUuid(id)) {
    throw invalid('The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor from this list' }]);
  }
  return { submittedAt: at, id };
}

/** Admin: profiles oldest submission first (the review queue), optionally of one status, with their documents. */
export function makeListProfilesForReview({ platform }: CaregiversDeps) {
  return async function listProfilesForReviewUseCase(query: ReviewListQuery): Promise<Page<FullProfileView>> {
    const { db } = platform.database;
    const limit = query.limit ?? 20;
    const after = query.cursor === undefined ? undefined : positionOf(query.cursor);
    const rows = await listProfilesForReview(db, { status: query.status, after, limit });
    const documents = await listDocumentsOfProfiles(db, rows.slice(0, limit).map((r) => r.id));
    return toPage(
      rows,
      limit,
      (row) => toFullProfile(row, documents.filter((d) => d.caregiver_id === row.id)),
      (row) => [row.submitted_at.toISOString(), row.id],
    );
  };
}
