import { assertTtl, type Cache } from './cache.ts';

// CACHE=off: a cache that keeps nothing, so every read goes to the database (the load test's
// "PostgreSQL only" run, decision 0032). Every read misses and every lock is granted; counters never
// pass 1, so the login throttle and the AI rate limit do not trip: for measurements, not production.

export function createNoCache(): Cache {
  return {
    kind: 'off',
    get: async () => undefined,
    set: async (_key, _value, ttlMs) => {
      if (ttlMs !== undefined) assertTtl(ttlMs);
    },
    setIfAbsent: async (_key, _value, ttlMs) => {
      assertTtl(ttlMs);
      return true;
    },
    delete: async () => undefined,
    increment: async (_key, ttlMs) => {
      assertTtl(ttlMs);
      return 1;
    },
    ping: async () => undefined,
    close: async () => undefined,
  };
}
