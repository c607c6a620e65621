import type { Actor } from '../../../platform/access.ts';
import { unauthenticated } from '../../../platform/errors.ts';
import { cacheKeys, type IdentityDeps } from './deps.ts';

export interface VerifiedActor extends Actor {
  readonly sessionId: string;
}

/**
 * Signature and expiry first (no I/O), then the denylists: this token logged out, or every token of
 * the user issued before a withdrawal or suspension.
 */
export function makeVerifyAccessToken({ platform, tokens }: IdentityDeps) {
  return async function verifyAccessToken(token: string): Promise<VerifiedActor> {
    const claims = await tokens.verifyAccess(token);
    const [denied, revokedAt] = await Promise.all([
      platform.cache.get(cacheKeys.deniedToken(claims.tokenId)),
      platform.cache.get(cacheKeys.userTokensRevoked(claims.userId)),
    ]);
    if (denied !== undefined || (revokedAt !== undefined && claims.issuedAtMs <= Number(revokedAt))) {
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

/** Refuses every access token of the user issued until now (for as long as any could still be valid). */
export async function revokeUserTokens(deps: IdentityDeps, userId: string, at: Date): Promise<void> {
  await deps.platform.cache.set(cacheKeys.userTokensRevoked(userId), String(at.getTime()), deps.tokens.accessTtlMs + 60_000);
}
