// Access tokens whose signature and claims already checked out, kept until they expire, so a client's
// every request does not pay an HMAC verification again (issue 15: ~4 % of a booking's server CPU). Only
// the signature check is skipped: revocations (user state, session denylist) are still checked per request.
// The claims depend on nothing but the token and the clock (one key per process, no `nbf`, no max age), so
// a hit answers exactly what jwtVerify would, and an expired entry is a miss (jwtVerify then says why).

export interface ExpiringClaims {
  /** JWT exp, seconds since the epoch. */
  readonly expiresAt: number;
}

export interface VerifiedTokens<C extends ExpiringClaims> {
  get(token: string, nowMs: number): C | undefined;
  set(token: string, claims: C): void;
}

/** At most `max` tokens; when full, the oldest entry goes. */
export function createVerifiedTokens<C extends ExpiringClaims>(max: number): VerifiedTokens<C> {
  const entries = new Map<string, C>();
  return {
    get(token, nowMs) {
      const claims = entries.get(token);
      if (claims === undefined) return undefined;
      // jose's rule: expired once exp <= now in whole seconds.
      if (claims.expiresAt <= Math.floor(nowMs / 1000)) {
        entries.delete(token);
        return undefined;
      }
      return claims;
    },
    set(token, claims) {
      if (max < 1) return;
      if (!entries.has(token) && entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(token, claims);
    },
  };
}
