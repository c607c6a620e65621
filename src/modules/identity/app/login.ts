import { inTransaction } from '../../../platform/db/database.ts';
import { AppError, unauthenticated } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { findUserByEmail, insertRefreshToken } from '../db/identity.repo.ts';
import { loginLocked, normaliseEmail } from '../domain/account.ts';
import { cacheKeys, type IdentityDeps } from './deps.ts';
import { verifyPassword } from './passwords.ts';
import type { TokenPair } from './schemas.ts';
import { newRefreshToken } from './tokens.ts';

export type { TokenPair };

// An address shares a NAT with many people, so it gets more room than one email.
const IP_ALLOWANCE = 4;

/** Starts a session: a new refresh-token family and a first token pair. */
export async function startSession(deps: IdentityDeps, user: { id: string; role: 'GUARDIAN' | 'CAREGIVER' | 'ADMIN' }): Promise<TokenPair> {
  const { platform, tokens } = deps;
  const now = platform.clock.now();
  const familyId = newId();
  const refresh = newRefreshToken();
  await inTransaction(platform.database.db, (tx) =>
    insertRefreshToken(tx, {
      id: newId(),
      family_id: familyId,
      user_id: user.id,
      token_hash: refresh.hash,
      created_at: now,
      expires_at: new Date(now.getTime() + tokens.refreshTtlMs),
      used_at: null,
      revoked_at: null,
    }),
  );
  const access = await tokens.issueAccess(user, familyId);
  return { accessToken: access.token, refreshToken: refresh.token, tokenType: 'Bearer', expiresIn: access.expiresIn };
}

export function makeLogin(deps: IdentityDeps) {
  const { platform, settings } = deps;
  const { cache } = platform;
  const window = settings.loginFailureWindowMs;
  return async function login(input: { email: string; password: string; ip: string }): Promise<TokenPair> {
    const email = normaliseEmail(input.email);
    const emailKey = cacheKeys.loginFailuresByEmail(email);
    const ipKey = cacheKeys.loginFailuresByIp(input.ip);
    const [byEmail, byIp] = await Promise.all([cache.get(emailKey), cache.get(ipKey)]);
    if (
      loginLocked(Number(byEmail ?? 0), settings.loginMaxFailures) ||
      loginLocked(Number(byIp ?? 0), settings.loginMaxFailures * IP_ALLOWANCE)
    ) {
      throw new AppError('too_many_requests', 'TOO_MANY_ATTEMPTS', 'Too many failed logins. Try again later.', {
        extra: { retryAfterSeconds: Math.ceil(window / 1000) },
      });
    }
    const user = await findUserByEmail(platform.database.db, email);
    const passwordOk = await verifyPassword(user?.status === 'WITHDRAWN' ? undefined : user?.password_hash, input.password);
    if (!user || !passwordOk) {
      await Promise.all([cache.increment(emailKey, window), cache.increment(ipKey, window)]);
      throw unauthenticated('INVALID_CREDENTIALS', 'The email or password is wrong');
    }
    if (user.status === 'SUSPENDED') {
      throw new AppError('forbidden', 'ACCOUNT_SUSPENDED', 'This account is suspended. Contact support.');
    }
    await cache.delete(emailKey);
    return startSession(deps, user);
  };
}
