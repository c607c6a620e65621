import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import { IDENTITY_EVENTS } from '../../identity/contract.ts';
import { deleteDocuments, findProfileByUserId, updateProfile } from '../db/caregivers.repo.ts';
import { nextStatus } from '../domain/status.ts';
import type { CaregiversDeps } from './deps.ts';

export const WITHDRAWN_DISPLAY_NAME = '탈퇴한 간병인';

/**
 * When a caregiver withdraws, the profile is hidden for good (SUSPENDED, withdrawn_at set) and its
 * personal data goes: name replaced, introduction and certificates wiped, documents deleted from the
 * database and then from storage. Kept: the id and non-personal fields other modules' history refers to.
 * Idempotent: a second delivery finds nothing left to delete.
 */
export function makeUserWithdrawnConsumer({ platform }: CaregiversDeps): EventConsumer {
  return defineConsumer({
    name: 'caregivers.user-withdrawn',
    events: [IDENTITY_EVENTS.userWithdrawn],
    async handle(event, tx) {
      const { userId } = event.payload;
      const profile = await findProfileByUserId(tx, userId, { forUpdate: true });
      if (!profile) return;
      const now = platform.clock.now();
      await updateProfile(tx, profile.id, {
        status: nextStatus(profile.status, { type: 'suspend' }) ?? 'SUSPENDED',
        display_name: WITHDRAWN_DISPLAY_NAME,
        introduction: '',
        certificates: [],
        rejection_reason: null,
        photo_document_id: null,
        withdrawn_at: profile.withdrawn_at ?? now,
        updated_at: now,
      });
      const keys = await deleteDocuments(tx, profile.id);
      // Storage last: if it fails, the transaction rolls back and the delivery is retried; deleting a
      // missing file is a no-op, so files removed by an earlier, rolled-back attempt do not matter.
      for (const key of keys) await platform.storage.delete(key);
    },
  });
}
