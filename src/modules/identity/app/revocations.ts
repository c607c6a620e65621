import type { Executor } from '../../../platform/db/database.ts';
import { findRevocation, findUserAuthState, insertRevocation } from '../db/revocations.repo.ts';
import {
  USER_STATE_TTL_MS,
  decodeUserState,
  denialCacheTtlMs,
  encodeUserState,
  type RevocationKind,
  type UserAuthState,
} from '../domain/revocation.ts';
import { cacheKeys, type IdentityDeps } from './deps.ts';

// Revocations that hold across restarts and replicas: the database is the truth (users' status and
// tokens_valid_after, identity.revocations), the cache (Redis when configured) answers fast. Writers
// overwrite the cached answer in the code path that changes the truth; readers fill a missing answer
// only if no writer got there first (setIfAbsent), so a stale read never hides a revocation.

/** The user's state as the verifier sees it: cached, else read from the database and cached for a minute. */
export async function userAuthState({ platform }: IdentityDeps, userId: string): Promise<UserAuthState | undefined> {
  const key = cacheKeys.userState(userId);
  const cached = decodeUserState(await platform.cache.get(key));
  if (cached) return cached;
  const row = await findUserAuthState(platform.database.db, userId);
  if (!row) return undefined;
  const state: UserAuthState = { status: row.status, validAfterMs: row.tokens_valid_after?.getTime() ?? null };
  await platform.cache.setIfAbsent(key, encodeUserState(state), USER_STATE_TTL_MS);
  return state;
}

/** Puts the user's new state in the cache every replica reads; call it in the transaction that changes it. */
export async function publishUserState({ platform }: IdentityDeps, userId: string, state: UserAuthState): Promise<void> {
  await platform.cache.set(cacheKeys.userState(userId), encodeUserState(state), USER_STATE_TTL_MS);
}

/**
 * Drops the cached state (a transaction that published one did not commit): the next check reads the
 * database. Best effort (the caller is already failing); a state left behind expires within a minute.
 */
export async function forgetUserState({ platform }: IdentityDeps, userId: string): Promise<void> {
  try {
    await platform.cache.delete(cacheKeys.userState(userId));
  } catch (error) {
    platform.logger.warn({ err: error, userId }, 'could not forget a cached user state');
  }
}

/** Whether (kind, id) is on the denylist; the answer is cached (a "no" briefly, never past the token's expiry). */
export async function isDenied({ platform }: IdentityDeps, kind: RevocationKind, id: string, tokenExpiresAtMs: number): Promise<boolean> {
  const key = cacheKeys.denied(kind, id);
  const cached = await platform.cache.get(key);
  if (cached !== undefined) return cached === '1';
  const nowMs = platform.clock.now().getTime();
  const untilMs = (await findRevocation(platform.database.db, kind, id))?.getTime();
  const denied = untilMs !== undefined && untilMs > nowMs;
  await platform.cache.setIfAbsent(key, denied ? '1' : '0', denialCacheTtlMs(denied ? untilMs : undefined, tokenExpiresAtMs, nowMs));
  return denied;
}

/** Denies (kind, id) until `until`: the row in the caller's transaction, and the cached answer at once. */
export async function deny({ platform }: IdentityDeps, tx: Executor, kind: RevocationKind, id: string, until: Date): Promise<void> {
  await insertRevocation(tx, kind, id, until);
  const ttl = Math.max(1, until.getTime() - platform.clock.now().getTime());
  await platform.cache.set(cacheKeys.denied(kind, id), '1', ttl);
}
