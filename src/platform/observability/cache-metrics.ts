import { Counter, type Registry } from 'prom-client';
import type { Cache } from '../cache/cache.ts';
import { oncePerRegistry } from './shared.ts';

// Cache lookups by hit or miss, labelled by the key's area: its first two segments when they are plain
// words ("identity:user-state", "caregivers:top"), which the code chooses; ids and user input never
// match (they hold digits or other characters), so the label stays bounded. Anything else is "other".

const AREA = /^([a-z][a-z_-]{1,30})(?::([a-z][a-z_-]{1,30})(?=:|$))?/;

function areaOf(key: string): string {
  const match = AREA.exec(key);
  if (!match) return 'other';
  return match[2] ? `${match[1]}:${match[2]}` : (match[1] ?? 'other');
}

function cacheCounter(registry: Registry): Counter<'cache' | 'area' | 'result'> {
  return oncePerRegistry(registry, 'cache', (registers) =>
    new Counter({
      name: 'cache_requests_total',
      help: 'Cache lookups by backend (memory, redis), key area and result (hit, miss)',
      labelNames: ['cache', 'area', 'result'] as const,
      registers,
    }),
  );
}

/** `cache` with its reads counted into `registry`. */
export function instrumentCache(cache: Cache, registry: Registry): Cache {
  const counter = cacheCounter(registry);
  return {
    kind: cache.kind,
    async get(key) {
      const value = await cache.get(key);
      counter.inc({ cache: cache.kind, area: areaOf(key), result: value === undefined ? 'miss' : 'hit' });
      return value;
    },
    set: (key, value, ttlMs) => cache.set(key, value, ttlMs),
    setIfAbsent: (key, value, ttlMs) => cache.setIfAbsent(key, value, ttlMs),
    delete: (key) => cache.delete(key),
    increment: (key, ttlMs) => cache.increment(key, ttlMs),
    ping: () => cache.ping(),
    close: () => cache.close(),
  };
}
