import { notFound } from '../../../platform/errors.ts';
import { findProfileByUserId, listDocuments } from '../db/caregivers.repo.ts';
import type { CaregiversDeps } from './deps.ts';
import { toFullProfile } from './profile-view.ts';
import type { FullProfileView } from './schemas.ts';

/** The caller's own profile in any status, with its documents and review state. */
export function makeGetMyProfile({ platform }: CaregiversDeps) {
  return async function getMyProfile(userId: string): Promise<FullProfileView> {
    const { db } = platform.database;
    const row = await findProfileByUserId(db, userId);
    if (!row || row.withdrawn_at !== null) throw notFound('Caregiver profile', 'PROFILE_NOT_FOUND');
    return toFullProfile(row, await listDocuments(db, row.id));
  };
}
