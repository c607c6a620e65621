import type { UserStatus } from '../contract.ts';

// Pure rules of revocation: which access tokens a user's state refuses, how long a session stays denied,
// and how long the cache may remember an answer.

export type RevocationKind = 'token' | 'session';

/** What the verifier knows of a user: the account's status and the instant its older tokens stop (ms). */
export interface UserAuthState {
  readonly status: UserStatus;
  readonly validAfterMs: number | null;
}

/** How long a cached user state is trusted; a change of state overwrites it at once. */
export const USER_STATE_TTL_MS = 60_000;
/** The longest a "not revoked" answer is remembered (a revocation overwrites it at once). */
export const NEGATIVE_DENIAL_TTL_MS = 30_000;
/** Room for a token issued a moment after the revocation by a refresh already in flight, and clock skew. */
export const DENIAL_MARGIN_MS = 60_000;

/** Whether the user's state refuses a token issued at `issuedAtMs`: a non-ACTIVE account, or issued at/before valid-after. */
export function userStateRefuses(state: UserAuthState | undefined, issuedAtMs: number): boolean {
  if (!state || state.status !== 'ACTIVE') return true;
  return state.validAfterMs !== null && issuedAtMs <= state.validAfterMs;
}

/** Until when a session revoked at `now` stays denied: past the expiry of the last access token it can have. */
export function sessionDenialEnd(now: Date, accessTtlMs: number): Date {
  return new Date(now.getTime() + accessTtlMs + DENIAL_MARGIN_MS);
}

/**
 * How long the cache may keep an answer about a denial: a denial until it ends, a "not denied" for at most
 * NEGATIVE_DENIAL_TTL_MS and never past the token's own expiry (it is refused anyway afterwards). At least 1 ms.
 */
export function denialCacheTtlMs(deniedUntilMs: number | undefined, tokenExpiresAtMs: number, nowMs: number): number {
  const ttl = deniedUntilMs !== undefined && deniedUntilMs > nowMs ? deniedUntilMs - nowMs : Math.min(NEGATIVE_DENIAL_TTL_MS, tokenExpiresAtMs - nowMs);
  return Math.max(1, Math.ceil(ttl));
}

export function encodeUserState(state: UserAuthState): string {
  return JSON.stringify({ s: state.status, v: state.validAfterMs });
}

/** The cached form back; undefined for anything unreadable (then the database is asked). */
export function decodeUserState(value: string | undefined): UserAuthState | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = JSON.parse(value) as { s?: unknown; v?: unknown };
    const status = parsed.s;
    if (status !== 'ACTIVE' && status !== 'SUSPENDED' && status !== 'WITHDRAWN') return undefined;
    if (parsed.v !== null && typeof parsed.v !== 'number') return undefined;
    return { status, validAfterMs: parsed.v };
  } catch {
    return undefined;
  }
}
