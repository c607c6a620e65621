import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DENIAL_MARGIN_MS,
  NEGATIVE_DENIAL_TTL_MS,
  decodeUserState,
  denialCacheTtlMs,
  encodeUserState,
  sessionDenialEnd,
  userStateRefuses,
} from './revocation.ts';

describe('revocation rules', () => {
  it('refuses tokens of a user who is not ACTIVE, or unknown', () => {
    expect(userStateRefuses(undefined, 1)).toBe(true);
    expect(userStateRefuses({ status: 'SUSPENDED', validAfterMs: null }, 1)).toBe(true);
    expect(userStateRefuses({ status: 'WITHDRAWN', validAfterMs: null }, 1)).toBe(true);
    expect(userStateRefuses({ status: 'ACTIVE', validAfterMs: null }, 1)).toBe(false);
  });

  it('refuses exactly the tokens issued at or before valid-after', () => {
    fc.assert(
      fc.property(fc.nat(1e12), fc.nat(1e12), (issued, validAfter) => {
        expect(userStateRefuses({ status: 'ACTIVE', validAfterMs: validAfter }, issued)).toBe(issued <= validAfter);
      }),
    );
  });

  it('denies a session past the expiry of its last possible access token', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    expect(sessionDenialEnd(now, 900_000).getTime()).toBe(now.getTime() + 900_000 + DENIAL_MARGIN_MS);
  });

  it('caches a denial until it ends and a non-denial briefly, never past the token', () => {
    expect(denialCacheTtlMs(10_000 + 500_000, 10_000 + 900_000, 10_000)).toBe(500_000);
    expect(denialCacheTtlMs(undefined, 10_000 + 900_000, 10_000)).toBe(NEGATIVE_DENIAL_TTL_MS);
    expect(denialCacheTtlMs(undefined, 10_000 + 5_000, 10_000)).toBe(5_000);
    expect(denialCacheTtlMs(5_000, 20_000, 10_000)).toBe(10_000);
    expect(denialCacheTtlMs(undefined, 9_000, 10_000)).toBe(1);
    fc.assert(
      fc.property(fc.option(fc.nat(1e9), { nil: undefined }), fc.nat(1e9), fc.nat(1e9), (until, expires, now) => {
        const ttl = denialCacheTtlMs(until, expires, now);
        expect(Number.isSafeInteger(ttl) && ttl >= 1).toBe(true);
        if (until === undefined || until <= now) expect(ttl).toBeLessThanOrEqual(NEGATIVE_DENIAL_TTL_MS);
      }),
    );
  });

  it('round-trips the cached user state and ignores anything unreadable', () => {
    for (const state of [{ status: 'ACTIVE', validAfterMs: null }, { status: 'SUSPENDED', validAfterMs: 123 }] as const) {
      expect(decodeUserState(encodeUserState(state))).toEqual(state);
    }
    for (const junk of [undefined, '', '{', '1', '{"s":"GONE","v":null}', '{"s":"ACTIVE","v":"x"}', '{"s":"ACTIVE"}']) {
      expect(decodeUserState(junk)).toBeUndefined();
    }
  });
});
