import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { versionMemo } from './version-memo.ts';

describe('versionMemo', () => {
  it('answers only for the exact version it was given', () => {
    const memo = versionMemo<string>(10);
    memo.set('a', '100', 'view of a@100');
    expect(memo.get('a', '100')).toBe('view of a@100');
    expect(memo.get('a', '101')).toBeUndefined();
    expect(memo.get('b', '100')).toBeUndefined();
    memo.set('a', '101', 'view of a@101');
    expect(memo.get('a', '100')).toBeUndefined();
    expect(memo.get('a', '101')).toBe('view of a@101');
    expect(memo.size).toBe(1);
  });

  it('drops the least recently used id past its capacity', () => {
    const memo = versionMemo<number>(2);
    memo.set('a', '1', 1);
    memo.set('b', '1', 2);
    expect(memo.get('a', '1')).toBe(1); // a is now more recent than b
    memo.set('c', '1', 3);
    expect(memo.get('b', '1')).toBeUndefined();
    expect(memo.get('a', '1')).toBe(1);
    expect(memo.get('c', '1')).toBe(3);
  });

  it('refuses a capacity below one', () => {
    expect(() => versionMemo(0)).toThrow(RangeError);
  });

  it('behaves like a map of the latest version per id, never answering for another version (model check)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), id: fc.integer({ min: 0, max: 6 }), version: fc.integer({ min: 0, max: 3 }), value: fc.integer() }),
      fc.record({ kind: fc.constant('get' as const), id: fc.integer({ min: 0, max: 6 }), version: fc.integer({ min: 0, max: 3 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 60 }), (capacity, ops) => {
        const memo = versionMemo<number>(capacity);
        const model = new Map<string, { version: string; value: number }>(); // latest version per id, unbounded
        for (const o of ops) {
          const id = String(o.id);
          const version = String(o.version);
          if (o.kind === 'set') {
            memo.set(id, version, o.value);
            model.set(id, { version, value: o.value });
          } else {
            const got = memo.get(id, version);
            const latest = model.get(id);
            // A hit is always the value set last for that id, and only at that version; misses are allowed
            // (evicted), wrong answers are not.
            if (got !== undefined) expect(latest).toEqual({ version, value: got });
          }
          expect(memo.size).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });
});
