import type { Actor } from '../../../platform/access.ts';
import { unauthenticated } from '../../../platform/errors.ts';
import { userStateRefuses } from '../domain/revocation.ts';
import type { IdentityDeps } from './deps.ts';
import { isDenied, userAuthState } from './revocations.ts';

export interface VerifiedActor extends Actor {
  readonly sessionId: string;
}

/**
 * Signature and expiry first (no I/O), then the revocations (cached, the database behind them): the
 * user's state (not ACTIVE, or the token issued at/before tokens_valid_after: withdrawal, suspension) and
 * the denylist of sessions (logout, refresh-token reuse).
 */
export function makeVerifyAccessToken(deps: IdentityDeps) {
  return async function verifyAccessToken(token: string): Promise<VerifiedActor> {
    const claims = await deps.tokens.verifyAccess(token);
    const [state, sessionDenied] = await Promise.all([
      userAuthState(deps, claims.userId),
      isDenied(deps, 'session', claims.sessionId, claims.expiresAt * 1000),
    ]);
    if (sessionDenied || userStateRefuses(state, claims.issuedAtMs)) {
      throw unauthenticated('TOKEN_REVOKED', 'The access token is no longer valid');
    }
    return {
      userId: claims.userId,
      role: claims.role,
      tokenId: claims.tokenId,
      expiresAt: claims.expiresAt,
      sessionId: claims.sessionId,
    };
  };
}
