import { inTransaction } from '../../../platform/db/database.ts';
import { AppError, unauthenticated } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { findUserByEmail, insertRefreshToken } from '../db/identity.repo.ts';
import { normaliseEmail } from '../domain/account.ts';
import type { IdentityDeps } from './deps.ts';
import { makeLoginThrottle } from './login-throttle.ts';
import { verifyPassword } from './passwords.ts';
import type { TokenPair } from './schemas.ts';
import { newRefreshToken } from './tokens.ts';

export type { TokenPair };

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

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  /** The caller's address (request.ip). */
  readonly ip: string;
  /** The `X-Device-Token` header: a device token from an earlier login of this account (decision 0020). */
  readonly deviceToken?: string | undefined;
}

export function makeLogin(deps: IdentityDeps) {
  const { platform, tokens } = deps;
  const throttle = makeLoginThrottle(deps);
  return async function login(input: LoginInput): Promise<TokenPair> {
    const email = normaliseEmail(input.email);
    const refusal = await throttle.refusal(email, input.ip, input.deviceToken);
    if (refusal) throw refusal;
    const user = await findUserByEmail(platform.database.db, email);
    const passwordOk = await verifyPassword(user?.status === 'WITHDRAWN' ? undefined : user?.password_hash, input.password);
    if (!user || !passwordOk) {
      await throttle.failed(email, input.ip);
      throw unauthenticated('INVALID_CREDENTIALS', 'The email or password is wrong');
    }
    if (user.status === 'SUSPENDED') {
      throw new AppError('forbidden', 'ACCOUNT_SUSPENDED', 'This account is suspended. Contact support.');
    }
    await throttle.succeeded(email, input.ip);
    const pair = await startSession(deps, user);
    return { ...pair, deviceToken: await tokens.issueDevice(user.id) };
  };
}
