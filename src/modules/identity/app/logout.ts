import { inTransaction } from '../../../platform/db/database.ts';
import { revokeFamily } from '../db/identity.repo.ts';
import { cacheKeys, type IdentityDeps } from './deps.ts';
import type { VerifiedActor } from './verify-access-token.ts';

/** Refuses this access token until it would have expired, ends its refresh-token family and closes its session's sockets. */
export function makeLogout(deps: IdentityDeps) {
  const { platform } = deps;
  return async function logout(actor: VerifiedActor): Promise<void> {
    const now = platform.clock.now();
    const remainingMs = actor.expiresAt * 1000 - now.getTime();
    if (remainingMs > 0) await platform.cache.set(cacheKeys.deniedToken(actor.tokenId), '1', remainingMs + 1_000);
    await inTransaction(platform.database.db, (tx) => revokeFamily(tx, actor.sessionId, now));
    // Only this session's sockets: the user's other devices stay connected.
    await platform.realtime.disconnectUsers([actor.userId], 'signed out', { sessionId: actor.sessionId });
  };
}
