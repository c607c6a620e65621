import { notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/access.ts';
import type { CaregiverProfile } from '../contract.ts';
import { findProfileById, listDocuments } from '../db/caregivers.repo.ts';
import { publiclyVisible } from '../domain/visibility.ts';
import type { CaregiversDeps } from './deps.ts';
import { toFullProfile, toPublicProfile } from './profile-view.ts';
import type { FullProfileView } from './schemas.ts';

/**
 * One profile by id. Anyone sees APPROVED profiles (not while the account is suspended); the owner and admins see theirs in any status, in full.
 * Everyone else gets 404 whether the profile exists or not.
 */
export function makeGetProfile({ platform }: CaregiversDeps) {
  return async function getProfile(actor: Actor | undefined, caregiverId: string): Promise<CaregiverProfile | FullProfileView> {
    const { db } = platform.database;
    const row = await findProfileById(db, caregiverId);
    if (!row) throw notFound('Caregiver', 'CAREGIVER_NOT_FOUND');
    const privileged = actor !== undefined && (actor.role === 'ADMIN' || (actor.userId === row.user_id && row.withdrawn_at === null));
    if (privileged) return toFullProfile(row, await listDocuments(db, row.id));
    if (!publiclyVisible(row)) throw notFound('Caregiver', 'CAREGIVER_NOT_FOUND');
    return toPublicProfile(row);
  };
}
