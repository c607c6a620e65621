import { writeAudit } from '../../../platform/audit.ts';
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
 * Everyone else gets 404 whether the profile exists or not. An admin reading someone's full profile (certificate
 * numbers, documents) leaves an audit row ('caregiver.profile.read').
 */
export function makeGetProfile({ platform }: CaregiversDeps) {
  return async function getProfile(actor: Actor | undefined, caregiverId: string, requestId?: string): Promise<CaregiverProfile | FullProfileView> {
    const { db } = platform.database;
    const row = await findProfileById(db, caregiverId);
    if (!row) throw notFound('Caregiver', 'CAREGIVER_NOT_FOUND');
    const privileged = actor !== undefined && (actor.role === 'ADMIN' || (actor.userId === row.user_id && row.withdrawn_at === null));
    if (privileged) {
      if (actor.role === 'ADMIN' && actor.userId !== row.user_id) {
        const entry = { actor, action: 'caregiver.profile.read', resourceType: 'caregiver', resourceId: row.id, ...(requestId ? { requestId } : {}) };
        await writeAudit(db, entry, platform.clock.now());
      }
      return toFullProfile(row, await listDocuments(db, row.id));
    }
    if (!publiclyVisible(row)) throw notFound('Caregiver', 'CAREGIVER_NOT_FOUND');
    return toPublicProfile(row);
  };
}
