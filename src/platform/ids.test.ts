import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';
import { pooledRandomBytes } from './random.ts';

describe('ids and pooled random bytes', () => {
  it('makes UUID v7 ids whose first 48 bits are the time in milliseconds', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
  });

  it('never hands out the same ids or random bytes twice, across pool refills', () => {
    const ids = new Set(Array.from({ length: 5_000 }, () => newId()));
    expect(ids.size).toBe(5_000);
    const ivs = new Set(Array.from({ length: 5_000 }, () => pooledRandomBytes(12).toString('hex')));
    expect(ivs.size).toBe(5_000);
    expect(() => pooledRandomBytes(4097)).toThrow();
  });
});
