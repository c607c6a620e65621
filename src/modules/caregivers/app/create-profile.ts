import { conflict } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { insertProfile, type NewProfile } from '../db/caregivers.repo.ts';
import { INITIAL_STATUS } from '../domain/status.ts';
import type { CaregiversDeps } from './deps.ts';
import { profileSubmitted } from './events.ts';
import { columnsOf, validProfileFields } from './profile-fields.ts';
import { toFullProfile } from './profile-view.ts';
import type { FullProfileView, ProfileInput } from './schemas.ts';

/** A CAREGIVER user's one profile, PENDING until an admin reviews it (409 PROFILE_EXISTS the second time). */
export function makeCreateProfile({ platform }: CaregiversDeps) {
  return async function createProfile(userId: string, input: ProfileInput): Promise<FullProfileView> {
    const now = platform.clock.now();
    const fields = validProfileFields({ ...input, certificates: input.certificates ?? [], introduction: input.introduction ?? '' }, now);
    const row: NewProfile = {
      id: newId(),
      user_id: userId,
      status: INITIAL_STATUS,
      ...columnsOf(fields, { ratingAverage: 0, reviewCount: 0 }),
      rejection_reason: null,
      rating_average: 0,
      review_count: 0,
      photo_document_id: null,
      submitted_at: now,
      reviewed_at: null,
      created_at: now,
      updated_at: now,
      withdrawn_at: null,
      account_suspended: false,
    };
    await platform.transact(async (tx, emit) => {
      if ((await insertProfile(tx, row)) === 'exists') {
        throw conflict('PROFILE_EXISTS', 'This account already has a caregiver profile; change it with PATCH /caregivers/me');
      }
      emit(profileSubmitted(row, false));
    });
    return toFullProfile({ ...row, account_suspended: false, nationality: row.nationality ?? null, certificates: [...row.certificates], regions: [...row.regions] }, []);
  };
}
