import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { serviceUrl } from '../../../test/support/services.ts';
import { fixedClock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Cache } from './cache.ts';
import { describeCacheContract } from './cache.suite.ts';
import { createCache } from './index.ts';
import { createMemoryCache } from './memory-cache.ts';
import { createRedisCache } from './redis-cache.ts';

const redisUrl = serviceUrl('REDIS_URL');
// One prefix per run and per test, so runs sharing a Redis never see each other's keys.
const runPrefix = `carenest-test:${randomUUID()}:`;

afterAll(async () => {
  // Values set without a ttl would stay in a shared Redis forever: remove everything this run wrote.
  if (!redisUrl) return;
  const admin = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    for await (const keys of admin.scanStream({ match: `${runPrefix}*`, count: 500 })) {
      if ((keys as string[]).length > 0) await admin.del(...(keys as string[]));
    }
  } finally {
    admin.disconnect();
  }
});

describeCacheContract('memory', () => {
  const clock = fixedClock('2025-03-01T09:00:00Z');
  return {
    cache: createMemoryCache(clock),
    passTime: async (ms) => clock.advance(ms),
  };
});

describeCacheContract(
  'redis',
  () => ({
    cache: createRedisCache(redisUrl!, { keyPrefix: `${runPrefix}${randomUUID()}:` }),
    passTime: async (ms) => {
      await sleep(ms);
    },
  }),
  { skip: !redisUrl },
);

describe('memory cache', () => {
  it('evicts the least recently used entries past maxEntries', async () => {
    const cache = createMemoryCache(fixedClock('2025-03-01T09:00:00Z'), { maxEntries: 3 });
    await cache.set('a', '1');
    await cache.set('b', '2');
    await cache.set('c', '3');
    await cache.get('a'); // now b is the least recently used
    await cache.set('d', '4');
    expect(cache.size()).toBe(3);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe('1');
    expect(await cache.get('d')).toBe('4');
    await cache.close();
  });

  it('evicts expired entries before live ones', async () => {
    const clock = fixedClock('2025-03-01T09:00:00Z');
    const cache = createMemoryCache(clock, { maxEntries: 2 });
    await cache.set('live', '1');
    await cache.set('short', '2', 1000);
    clock.advance(2000);
    await cache.set('new', '3');
    expect(await cache.get('live')).toBe('1');
    expect(await cache.get('new')).toBe('3');
    await cache.close();
  });

  it('sweeps expired entries that nobody reads again', async () => {
    const clock = fixedClock('2025-03-01T09:00:00Z');
    const cache = createMemoryCache(clock);
    for (let i = 0; i < 10; i++) await cache.set(`k${i}`, 'v', 1000);
    await cache.set('kept', 'v');
    clock.advance(1001);
    expect(cache.size()).toBe(11);
    expect(cache.sweep()).toBe(10);
    expect(cache.size()).toBe(1);
    await cache.close();
  });

  it('rejects every call once closed', async () => {
    const cache = createMemoryCache();
    await cache.close();
    await expect(cache.get('k')).rejects.toThrow('closed');
    await expect(cache.set('k', 'v')).rejects.toThrow('closed');
    await expect(cache.increment('k', 1000)).rejects.toThrow('closed');
  });
});

describe('redis cache', () => {
  let cache: Cache | undefined;
  afterEach(async () => {
    await cache?.close();
    cache = undefined;
  });

  it('fails fast, without crashing, when Redis is down', async () => {
    // Port 1 on loopback refuses connections at once; nothing needs to run for this test.
    cache = createRedisCache('redis://127.0.0.1:1', { keyPrefix: runPrefix });
    const started = Date.now();
    await expect(cache.ping()).rejects.toThrow();
    await expect(cache.get('k')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.skipIf(!redisUrl)('keeps caches with different key prefixes apart', async () => {
    cache = createRedisCache(redisUrl!, { keyPrefix: `${runPrefix}one:` });
    const other = createRedisCache(redisUrl!, { keyPrefix: `${runPrefix}two:` });
    try {
      await cache.set('shared-name', 'one', 10_000);
      expect(await other.get('shared-name')).toBeUndefined();
      expect(await cache.get('shared-name')).toBe('one');
    } finally {
      await other.close();
    }
  });
});

describe('createCache', () => {
  const config = (redis: string | undefined, cache: Config['cache'] = 'auto'): Config => ({ redisUrl: redis, cache }) as Config;

  it('uses memory without REDIS_URL', async () => {
    const cache = createCache(config(undefined));
    expect(cache.kind).toBe('memory');
    await cache.close();
  });

  it('uses Redis with REDIS_URL', async () => {
    const cache = createCache(config('redis://127.0.0.1:1'));
    expect(cache.kind).toBe('redis');
    await cache.close();
  });

  it('keeps nothing with CACHE=off, even with REDIS_URL', async () => {
    const cache = createCache(config('redis://127.0.0.1:1', 'off'));
    expect(cache.kind).toBe('off');
    await cache.set('k', 'v', 1000);
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.setIfAbsent('lock', 'a', 1000)).toBe(true);
    expect(await cache.setIfAbsent('lock', 'b', 1000)).toBe(true);
    expect(await cache.increment('n', 1000)).toBe(1);
    await expect(cache.set('k', 'v', 0)).rejects.toThrow(RangeError);
    await cache.close();
  });
});
