import { writeAudit } from '../../../platform/audit.ts';
import { IDENTITY_EVENTS, type UserUnsuspendedV1 } from '../contract.ts';
import { updateUserInStatus } from '../db/admin-users.repo.ts';
import { findUserById } from '../db/identity.repo.ts';
import { unsuspensionRefusal } from '../domain/admin-search.ts';
import { isUuid } from '../../../platform/uuid.ts';
import type { IdentityDeps } from './deps.ts';
import { forgetUserState, publishUserState } from './revocations.ts';
import { refused, type AdminCommand } from './suspend-user.ts';
import { toAdminUserView, type AdminUserView } from './user-view.ts';

/** Lifts a suspension: the account may sign in again (its old tokens stay revoked); audited, `user.unsuspended.v1`. */
export function makeUnsuspendUser(deps: IdentityDeps) {
  const { platform } = deps;
  return async function unsuspendUser(userId: string, reason: string | undefined, command: AdminCommand): Promise<AdminUserView> {
    if (!isUuid(userId)) throw refused('USER_NOT_FOUND');
    const now = platform.clock.now();
    const text = reason?.trim() ?? null;
    const row = await platform.transact(async (tx, emit) => {
      const refusal = unsuspensionRefusal(await findUserById(tx, userId));
      if (refusal) throw refused(refusal);
      const updated = await updateUserInStatus(tx, userId, 'SUSPENDED', { status: 'ACTIVE', suspended_at: null, suspension_reason: null }, now);
      if (!updated) throw refused('USER_NOT_SUSPENDED');
      await writeAudit(
        tx,
        { actor: command.actor, action: 'user.unsuspend', resourceType: 'user', resourceId: userId, details: { reason: text }, ...(command.requestId ? { requestId: command.requestId } : {}) },
        now,
      );
      const payload: UserUnsuspendedV1 = { userId, role: updated.role };
      emit(IDENTITY_EVENTS.userUnsuspended.of(userId, payload));
      // tokens_valid_after stays at the suspension: old tokens stay revoked, a new login works.
      await publishUserState(deps, userId, { status: 'ACTIVE', validAfterMs: updated.tokens_valid_after?.getTime() ?? null });
      return updated;
    }).catch(async (error: unknown) => {
      await forgetUserState(deps, userId);
      throw error;
    });
    return toAdminUserView(row);
  };
}
