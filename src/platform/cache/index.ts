import { systemClock, type Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Cache } from './cache.ts';
import { createMemoryCache } from './memory-cache.ts';
import { createNoCache } from './no-cache.ts';
import { createRedisCache } from './redis-cache.ts';

export type { Cache } from './cache.ts';

/** Redis when REDIS_URL is set (shared by every instance), else memory (one instance only); nothing with CACHE=off. */
export function createCache(config: Config, clock: Clock = systemClock): Cache {
  if (config.cache === 'off') return createNoCache();
  // The clock only drives the memory cache: Redis expires keys by its own time.
  return config.redisUrl ? createRedisCache(config.redisUrl) : createMemoryCache(clock);
}
