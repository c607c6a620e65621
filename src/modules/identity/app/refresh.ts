import { inTransaction, type Executor } from '../../../platform/db/database.ts';
import { unauthenticated } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import {
  findRefreshTokenByHash,
  findUserById,
  insertRefreshToken,
  revokeFamily,
  useRefreshToken,
} from '../db/identity.repo.ts';
import { refreshVerdict } from '../domain/account.ts';
import { sessionDenialEnd } from '../domain/revocation.ts';
import type { IdentityDeps } from './deps.ts';
import type { TokenPair } from './login.ts';
import { deny } from './revocations.ts';
import { hashRefreshToken, newRefreshToken } from './tokens.ts';

type Outcome =
  | { kind: 'rotated'; user: { id: string; role: 'GUARDIAN' | 'CAREGIVER' | 'ADMIN' }; familyId: string; refreshToken: string }
  | { kind: 'refused'; code: string; message: string; endedSession?: { userId: string; sessionId: string } };

/** Reason the sockets of a session ended by refresh-token reuse are closed with (4401). */
export const REUSE_CLOSE_REASON = 'session revoked';

export function makeRefresh(deps: IdentityDeps) {
  const { platform, tokens } = deps;
  /** A copy of a token is in someone else's hands: the whole session ends, its access tokens with it. */
  const endReusedSession = async (tx: Executor, row: { family_id: string; user_id: string }, now: Date): Promise<Outcome> => {
    await revokeFamily(tx, row.family_id, now);
    await deny(deps, tx, 'session', row.family_id, sessionDenialEnd(now, tokens.accessTtlMs));
    return {
      kind: 'refused',
      code: 'REFRESH_TOKEN_REUSED',
      message: 'This refresh token was already used; the session is closed',
      endedSession: { userId: row.user_id, sessionId: row.family_id },
    };
  };
  return async function refresh(refreshToken: string): Promise<TokenPair> {
    // The transaction decides and records (a replay's revocation must be committed), then we answer.
    const outcome = await inTransaction(platform.database.db, async (tx): Promise<Outcome> => {
      const now = platform.clock.now();
      const row = await findRefreshTokenByHash(tx, hashRefreshToken(refreshToken));
      if (!row) return { kind: 'refused', code: 'INVALID_REFRESH_TOKEN', message: 'The refresh token is not valid' };
      const verdict = refreshVerdict({ expiresAt: row.expires_at, usedAt: row.used_at, revokedAt: row.revoked_at }, now);
      if (verdict === 'reused') return endReusedSession(tx, row, now);
      if (verdict === 'revoked') return { kind: 'refused', code: 'INVALID_REFRESH_TOKEN', message: 'The session has ended' };
      if (verdict === 'expired') return { kind: 'refused', code: 'REFRESH_TOKEN_EXPIRED', message: 'The refresh token has expired' };
      // Two requests with the same token at once: only one wins the update; the other is a replay.
      if (!(await useRefreshToken(tx, row.id, now))) return endReusedSession(tx, row, now);
      const user = await findUserById(tx, row.user_id);
      if (!user || user.status !== 'ACTIVE') {
        await revokeFamily(tx, row.family_id, now);
        return { kind: 'refused', code: 'INVALID_REFRESH_TOKEN', message: 'The session has ended' };
      }
      const next = newRefreshToken();
      await insertRefreshToken(tx, {
        id: newId(),
        family_id: row.family_id,
        user_id: user.id,
        token_hash: next.hash,
        created_at: now,
        expires_at: new Date(now.getTime() + tokens.refreshTtlMs),
        used_at: null,
        revoked_at: null,
      });
      return { kind: 'rotated', user, familyId: row.family_id, refreshToken: next.token };
    });
    if (outcome.kind === 'refused') {
      const ended = outcome.endedSession;
      if (ended) await platform.realtime.disconnectUsers([ended.userId], REUSE_CLOSE_REASON, { sessionId: ended.sessionId });
      throw unauthenticated(outcome.code, outcome.message);
    }
    const access = await tokens.issueAccess(outcome.user, outcome.familyId);
    return { accessToken: access.token, refreshToken: outcome.refreshToken, tokenType: 'Bearer', expiresIn: access.expiresIn };
  };
}
