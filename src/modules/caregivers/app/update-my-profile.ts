import { conflict, notFound } from '../../../platform/errors.ts';
import { findProfileByUserId, listDocuments, updateProfile } from '../db/caregivers.repo.ts';
import { certificatesChanged } from '../domain/profile.ts';
import { isResubmission, nextStatus } from '../domain/status.ts';
import type { CaregiversDeps } from './deps.ts';
import { profileSubmitted } from './events.ts';
import { columnsOf, fieldsOfRow, validProfileFields } from './profile-fields.ts';
import { toFullProfile } from './profile-view.ts';
import type { FullProfileView, ProfileChangesInput } from './schemas.ts';

/**
 * Changes some fields of the caller's profile. The whole result is validated again (a new birth year
 * must still fit the career). Status: see domain/status.ts; a move back to PENDING is a resubmission.
 */
export function makeUpdateMyProfile({ platform }: CaregiversDeps) {
  return async function updateMyProfile(userId: string, changes: ProfileChangesInput): Promise<FullProfileView> {
    const now = platform.clock.now();
    const result = await platform.transact(async (tx, emit) => {
      const row = await findProfileByUserId(tx, userId, { forUpdate: true });
      if (!row || row.withdrawn_at !== null) throw notFound('Caregiver profile', 'PROFILE_NOT_FOUND');
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const fields = validProfileFields({ ...fieldsOfRow(row), ...given }, now);
      const status = nextStatus(row.status, { type: 'edit', certificatesChanged: certificatesChanged(row.certificates, fields.certificates) });
      if (status === undefined) throw conflict('INVALID_TRANSITION', `A ${row.status} profile cannot be edited`);
      const resubmitted = isResubmission(row.status, status);
      const updated = await updateProfile(tx, row.id, {
        ...columnsOf(fields, { ratingAverage: Number(row.rating_average), reviewCount: row.review_count }),
        status,
        rejection_reason: status === 'REJECTED' ? row.rejection_reason : null,
        ...(resubmitted ? { submitted_at: now } : {}),
        updated_at: now,
      });
      if (resubmitted) emit(profileSubmitted(updated, true));
      return { updated, resubmitted, documents: await listDocuments(tx, row.id) };
    });
    return toFullProfile(result.updated, result.documents);
  };
}
