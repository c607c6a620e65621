import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loginRefusal, slowdownMs, type LoginLimits } from './login-throttle.ts';

const limits: LoginLimits = { slowdownAfter: 3, maxPerAddress: 20, maxPerEmail: 50, windowMs: 900_000 };
const fresh = { address: 0, email: 0, pairWaitUntilMs: undefined };

describe('login throttling rules', () => {
  it('lets attempts through below every limit', () => {
    expect(loginRefusal({ address: 19, email: 49, pairWaitUntilMs: 999 }, false, 1_000, limits)).toBeUndefined();
  });

  it('refuses an address at its limit, whatever the device', () => {
    expect(loginRefusal({ ...fresh, address: 20 }, true, 0, limits)).toEqual({ reason: 'address', retryAfterSeconds: 900 });
  });

  it('makes a pair wait out its slow-down, rounding up to whole seconds', () => {
    expect(loginRefusal({ ...fresh, pairWaitUntilMs: 3_500 }, true, 1_000, limits)).toEqual({ reason: 'pair', retryAfterSeconds: 3 });
    expect(loginRefusal({ ...fresh, pairWaitUntilMs: 1_000 }, false, 1_000, limits)).toBeUndefined();
  });

  it('refuses an email over its ceiling only without a known device', () => {
    expect(loginRefusal({ ...fresh, email: 50 }, false, 0, limits)).toEqual({ reason: 'email', retryAfterSeconds: 900 });
    expect(loginRefusal({ ...fresh, email: 500 }, true, 0, limits)).toBeUndefined();
  });

  it('slows a pair down exponentially after the free failures, capped at the window', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => slowdownMs(n, limits))).toEqual([0, 0, 2_000, 4_000, 8_000, 16_000]);
    expect(slowdownMs(40, limits)).toBe(900_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
        expect(slowdownMs(n + 1, limits)).toBeGreaterThanOrEqual(slowdownMs(n, limits));
        expect(slowdownMs(n, limits)).toBeLessThanOrEqual(limits.windowMs);
      }),
    );
  });
});
