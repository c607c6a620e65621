import { conflict, notFound } from '../../../platform/errors.ts';
import { IDENTITY_EVENTS, type UserWithdrawnV1 } from '../contract.ts';
import { findUserById, revokeAllOfUser, updateUser } from '../db/identity.repo.ts';
import { WITHDRAWN_NAME, withdrawnEmail } from '../domain/account.ts';
import type { IdentityDeps } from './deps.ts';
import { forgetUserState, publishUserState } from './revocations.ts';

/**
 * Withdrawal (PIPA): personal data is replaced, not kept; every session ends; other modules learn of it
 * through `user.withdrawn.v1` and anonymise their copies. The row stays so history keeps its references.
 */
export function makeWithdraw(deps: IdentityDeps) {
  const { platform } = deps;
  return async function withdraw(userId: string): Promise<void> {
    const user = await findUserById(platform.database.db, userId);
    if (!user || user.status === 'WITHDRAWN') throw notFound('User');
    for (const blocker of deps.withdrawalBlockers) {
      const reason = await blocker(userId, user.role);
      if (reason) throw conflict(reason.code, reason.message);
    }
    const now = platform.clock.now();
    // The new state goes to the cache every replica reads inside the transaction; if it does not commit, forgotten.
    await platform.transact(async (tx, emit) => {
      await updateUser(
        tx,
        userId,
        {
          email: withdrawnEmail(userId),
          name: WITHDRAWN_NAME,
          phone: null,
          slack_user_id: null,
          password_hash: '!withdrawn',
          status: 'WITHDRAWN',
          tokens_valid_after: now,
          withdrawn_at: now,
        },
        now,
      );
      await revokeAllOfUser(tx, userId, now);
      const payload: UserWithdrawnV1 = { userId, role: user.role };
      emit(IDENTITY_EVENTS.userWithdrawn.of(userId, payload));
      await publishUserState(deps, userId, { status: 'WITHDRAWN', validAfterMs: now.getTime() });
    }).catch(async (error: unknown) => {
      await forgetUserState(deps, userId);
      throw error;
    });
    await platform.realtime.disconnectUsers([userId], 'account withdrawn');
  };
}
