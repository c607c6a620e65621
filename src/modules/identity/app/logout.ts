import { inTransaction } from '../../../platform/db/database.ts';
import { revokeFamily } from '../db/identity.repo.ts';
import { sessionDenialEnd } from '../domain/revocation.ts';
import type { IdentityDeps } from './deps.ts';
import { deny } from './revocations.ts';
import type { VerifiedActor } from './verify-access-token.ts';

/**
 * Ends the session: its refresh-token family, every access token of it (the session on the denylist until
 * the last one would have expired, in the database so a restart remembers) and its sockets.
 */
export function makeLogout(deps: IdentityDeps) {
  const { platform, tokens } = deps;
  return async function logout(actor: VerifiedActor): Promise<void> {
    const now = platform.clock.now();
    await inTransaction(platform.database.db, async (tx) => {
      await revokeFamily(tx, actor.sessionId, now);
      await deny(deps, tx, 'session', actor.sessionId, sessionDenialEnd(now, tokens.accessTtlMs));
    });
    // Only this session's sockets: the user's other devices stay connected.
    await platform.realtime.disconnectUsers([actor.userId], 'signed out', { sessionId: actor.sessionId });
  };
}
