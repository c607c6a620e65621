import { notFound } from '../../../platform/errors.ts';
import { findUserById, updateUser } from '../db/identity.repo.ts';
import type { IdentityDeps } from './deps.ts';
import type { AccountChanges } from './schemas.ts';
import { toUserView, type UserView } from './user-view.ts';

export type { AccountChanges };

export function makeGetMyAccount({ platform }: IdentityDeps) {
  return async function getMyAccount(userId: string): Promise<UserView> {
    const row = await findUserById(platform.database.db, userId);
    if (!row || row.status === 'WITHDRAWN') throw notFound('User');
    return toUserView(row);
  };
}

export function makeUpdateMyAccount({ platform }: IdentityDeps) {
  return async function updateMyAccount(userId: string, changes: AccountChanges): Promise<UserView> {
    const row = await updateUser(
      platform.database.db,
      userId,
      {
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.phone !== undefined ? { phone: changes.phone?.trim() || null } : {}),
        ...(changes.preferredLanguage !== undefined ? { preferred_language: changes.preferredLanguage } : {}),
        ...(changes.slackUserId !== undefined ? { slack_user_id: changes.slackUserId } : {}),
      },
      platform.clock.now(),
    );
    if (!row || row.status === 'WITHDRAWN') throw notFound('User');
    return toUserView(row);
  };
}
