import type { Actor } from '../../../platform/access.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { IDENTITY_EVENTS, type UserSuspendedV1 } from '../contract.ts';
import { updateUserInStatus } from '../db/admin-users.repo.ts';
import { findUserById, revokeAllOfUser } from '../db/identity.repo.ts';
import { suspensionRefusal } from '../domain/admin-search.ts';
import { isUuid } from '../../../platform/uuid.ts';
import type { IdentityDeps } from './deps.ts';
import { toAdminUserView, type AdminUserView } from './user-view.ts';
import { forgetUserState, publishUserState } from './revocations.ts';

export interface AdminCommand {
  readonly actor: Actor;
  readonly requestId?: string;
}

export const refused = (code: string) => {
  switch (code) {
    case 'USER_NOT_FOUND':
      return notFound('User', 'USER_NOT_FOUND');
    case 'CANNOT_SUSPEND_SELF':
      return conflict(code, 'An admin cannot suspend their own account');
    case 'USER_ALREADY_SUSPENDED':
      return conflict(code, 'This account is suspended already');
    default:
      return conflict(code, 'This account is not suspended');
  }
};

/**
 * Suspends an account, in one transaction: the status, reason and tokens_valid_after, every refresh-token
 * family ended, the audit row, `user.suspended.v1`, and (before the commit, so a cache failure undoes the
 * suspension) the new state in the cache every replica's verifier reads (forgotten again if the transaction
 * fails). After the commit the user's WebSockets are closed on every replica (4401).
 */
export function makeSuspendUser(deps: IdentityDeps) {
  const { platform } = deps;
  return async function suspendUser(userId: string, reason: string, command: AdminCommand): Promise<AdminUserView> {
    if (!isUuid(userId)) throw refused('USER_NOT_FOUND');
    const now = platform.clock.now();
    const text = reason.trim();
    const row = await platform.transact(async (tx, emit) => {
      const user = await findUserById(tx, userId);
      const refusal = suspensionRefusal(command.actor.userId, user);
      if (refusal || !user) throw refused(refusal ?? 'USER_NOT_FOUND');
      const changes = { status: 'SUSPENDED' as const, suspended_at: now, suspension_reason: text, tokens_valid_after: now };
      const updated = await updateUserInStatus(tx, userId, 'ACTIVE', changes, now);
      if (!updated) throw refused('USER_ALREADY_SUSPENDED');
      await revokeAllOfUser(tx, userId, now);
      await writeAudit(
        tx,
        { actor: command.actor, action: 'user.suspend', resourceType: 'user', resourceId: userId, details: { reason: text }, ...(command.requestId ? { requestId: command.requestId } : {}) },
        now,
      );
      const payload: UserSuspendedV1 = { userId, role: updated.role, reason: text };
      emit(IDENTITY_EVENTS.userSuspended.of(userId, payload));
      await publishUserState(deps, userId, { status: 'SUSPENDED', validAfterMs: now.getTime() });
      return updated;
    }).catch(async (error: unknown) => {
      await forgetUserState(deps, userId);
      throw error;
    });
    await platform.realtime.disconnectUsers([userId], 'account suspended');
    return toAdminUserView(row);
  };
}
