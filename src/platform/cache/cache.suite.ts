import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from './cache.ts';

// The behaviour every Cache must show, so code written against memory in tests holds on Redis.

export interface CacheUnderTest {
  readonly cache: Cache;
  /** Lets `ms` of the cache's time pass: moves a fixed clock, or really waits for Redis. */
  passTime(ms: number): Promise<void>;
}

/** Defines the contract suite; `create` is called before each test and the cache closed after it. */
export function describeCacheContract(name: string, create: () => CacheUnderTest | Promise<CacheUnderTest>, options: { skip?: boolean } = {}): void {
  describe.skipIf(options.skip ?? false)(`Cache contract: ${name}`, () => {
    let cache: Cache;
    let passTime: (ms: number) => Promise<void>;

    beforeEach(async () => {
      ({ cache, passTime } = await create());
    });
    afterEach(async () => {
      await cache.close();
    });

    // Real Redis timing needs margins either side of every expiry; a fixed clock does not mind.
    const TTL = 300;

    it('gets what was set, and undefined for a missing key', async () => {
      expect(await cache.get('missing')).toBeUndefined();
      await cache.set('greeting', '안녕하세요 ✓');
      expect(await cache.get('greeting')).toBe('안녕하세요 ✓');
      await cache.set('greeting', 'replaced');
      expect(await cache.get('greeting')).toBe('replaced');
      await cache.set('empty', '');
      expect(await cache.get('empty')).toBe('');
    });

    it('expires a value after its ttl', async () => {
      await cache.set('short', 'v', TTL);
      await cache.set('forever', 'v');
      await passTime(TTL / 2);
      expect(await cache.get('short')).toBe('v');
      await passTime(TTL);
      expect(await cache.get('short')).toBeUndefined();
      expect(await cache.get('forever')).toBe('v');
    });

    it('drops an earlier ttl when set again without one', async () => {
      await cache.set('k', 'first', TTL);
      await cache.set('k', 'second');
      await passTime(TTL * 1.5);
      expect(await cache.get('k')).toBe('second');
    });

    it('setIfAbsent sets only the first time, until the value expires', async () => {
      expect(await cache.setIfAbsent('lock', 'a', TTL)).toBe(true);
      expect(await cache.setIfAbsent('lock', 'b', TTL)).toBe(false);
      expect(await cache.get('lock')).toBe('a');
      await passTime(TTL * 1.5);
      expect(await cache.setIfAbsent('lock', 'c', TTL)).toBe(true);
      expect(await cache.get('lock')).toBe('c');
      await cache.set('plain', 'x');
      expect(await cache.setIfAbsent('plain', 'y', TTL)).toBe(false);
    });

    it('setIfAbsent has exactly one winner among concurrent callers', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => cache.setIfAbsent('race', `w${i}`, 10_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await cache.get('race')).toBe(`w${results.indexOf(true)}`);
    });

    it('deletes, and deleting a missing key is fine', async () => {
      await cache.set('k', 'v');
      await cache.delete('k');
      expect(await cache.get('k')).toBeUndefined();
      await cache.delete('never-there');
      expect(await cache.setIfAbsent('k', 'again', TTL)).toBe(true);
    });

    it('increments from 1, and the ttl runs from the first increment of a window', async () => {
      expect(await cache.increment('count', TTL)).toBe(1);
      await passTime(TTL / 2);
      // A later increment must not push the end of the window back.
      expect(await cache.increment('count', TTL)).toBe(2);
      expect(await cache.get('count')).toBe('2');
      await passTime(TTL * 0.9);
      expect(await cache.get('count')).toBeUndefined();
      expect(await cache.increment('count', TTL)).toBe(1);
    });

    it('gives a counter set without a ttl an expiry on increment', async () => {
      await cache.set('counter', '41');
      expect(await cache.increment('counter', TTL)).toBe(42);
      await passTime(TTL * 1.5);
      expect(await cache.get('counter')).toBeUndefined();
    });

    it('counts 100 concurrent increments exactly', async () => {
      const results = await Promise.all(Array.from({ length: 100 }, () => cache.increment('hits', 60_000)));
      expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(await cache.get('hits')).toBe('100');
    });

    it('refuses to increment a value that is not an integer', async () => {
      await cache.set('word', 'abc');
      await expect(cache.increment('word', TTL)).rejects.toThrow();
      expect(await cache.get('word')).toBe('abc');
    });

    it('refuses ttls that are not positive whole milliseconds', async () => {
      for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expect(cache.set('k', 'v', bad)).rejects.toThrow(RangeError);
        await expect(cache.setIfAbsent('k', 'v', bad)).rejects.toThrow(RangeError);
        await expect(cache.increment('k', bad)).rejects.toThrow(RangeError);
      }
      expect(await cache.get('k')).toBeUndefined();
    });

    it('answers ping while open and rejects once closed', async () => {
      await cache.ping();
      await cache.close();
      await expect(cache.ping()).rejects.toThrow();
    });
  });
}
