import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVerifiedTokens } from './verified-tokens.ts';

describe('verified access tokens', () => {
  it('answers a token until its exp second, then forgets it', () => {
    const tokens = createVerifiedTokens<{ expiresAt: number; userId: string }>(10);
    tokens.set('t1', { expiresAt: 100, userId: 'u1' });
    expect(tokens.get('t1', 99_999)).toEqual({ expiresAt: 100, userId: 'u1' });
    expect(tokens.get('t1', 100_000)).toBeUndefined();
    expect(tokens.get('t1', 50_000)).toBeUndefined(); // gone for good once seen expired
    expect(tokens.get('other', 0)).toBeUndefined();
  });

  it('holds at most max tokens, dropping the oldest', () => {
    const tokens = createVerifiedTokens<{ expiresAt: number }>(2);
    tokens.set('a', { expiresAt: 10 });
    tokens.set('b', { expiresAt: 10 });
    tokens.set('a', { expiresAt: 10 }); // already there: nothing dropped
    tokens.set('c', { expiresAt: 10 });
    expect([tokens.get('a', 0), tokens.get('b', 0), tokens.get('c', 0)]).toEqual([undefined, { expiresAt: 10 }, { expiresAt: 10 }]);
    const none = createVerifiedTokens<{ expiresAt: number }>(0);
    none.set('a', { expiresAt: 10 });
    expect(none.get('a', 0)).toBeUndefined();
  });

  it('never answers an expired token, whatever was stored and asked', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 50 }))), fc.integer({ min: 0, max: 60_000 }), (sets, nowMs) => {
        const tokens = createVerifiedTokens<{ expiresAt: number }>(3);
        for (const [token, expiresAt] of sets) tokens.set(token, { expiresAt });
        for (const token of ['a', 'b', 'c', 'd']) {
          const hit = tokens.get(token, nowMs);
          if (hit !== undefined) expect(hit.expiresAt).toBeGreaterThan(Math.floor(nowMs / 1000));
        }
      }),
    );
  });
});
