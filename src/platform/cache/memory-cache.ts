import { systemClock, type Clock } from '../clock.ts';
import { assertTtl, type Cache } from './cache.ts';

// The cache of a single instance. Every operation runs synchronously inside its promise, so
// increment and setIfAbsent are atomic without locks. Time comes from the clock, so expiry is testable.

export interface MemoryCacheOptions {
  /** Past this many entries the least recently used ones are evicted, so a flood of keys cannot exhaust memory. */
  readonly maxEntries?: number;
  /** How often expired entries nobody reads again are removed; 0 turns the timer off. */
  readonly sweepIntervalMs?: number;
}

export interface MemoryCache extends Cache {
  readonly kind: 'memory';
  /** Entries held now, expired ones not yet swept included. */
  size(): number;
  /** Removes expired entries and returns how many; the timer calls it, tests may too. */
  sweep(): number;
}

interface Entry {
  value: string;
  /** Epoch milliseconds; undefined never expires. */
  expiresAt: number | undefined;
}

const DEFAULT_MAX_ENTRIES = 100_000;
const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

export function createMemoryCache(clock: Clock = systemClock, options: MemoryCacheOptions = {}): MemoryCache {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>();
  let closed = false;

  const now = (): number => clock.now().getTime();
  const isLive = (entry: Entry, at: number): boolean => entry.expiresAt === undefined || entry.expiresAt > at;

  /** The live entry for `key`, marked as most recently used; an expired one is dropped on the way. */
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    entries.delete(key);
    if (!isLive(entry, now())) return undefined;
    entries.set(key, entry);
    return entry;
  };

  const store = (key: string, entry: Entry): void => {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size <= maxEntries) return;
    // Expired entries go first; only when that is not enough are live ones evicted, oldest use first.
    sweep();
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
  };

  const sweep = (): number => {
    const at = now();
    let removed = 0;
    for (const [key, entry] of entries) {
      if (!isLive(entry, at)) {
        entries.delete(key);
        removed++;
      }
    }
    return removed;
  };

  const open = (): void => {
    if (closed) throw new Error('cache is closed');
  };

  const sweepIntervalMs = options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  // unref: a cache alone must never keep the process (or a test run) alive.
  const timer = sweepIntervalMs > 0 ? setInterval(sweep, sweepIntervalMs).unref() : undefined;

  return {
    kind: 'memory',
    async get(key) {
      open();
      return live(key)?.value;
    },
    async set(key, value, ttlMs) {
      open();
      if (ttlMs !== undefined) assertTtl(ttlMs);
      store(key, { value, expiresAt: ttlMs === undefined ? undefined : now() + ttlMs });
    },
    async setIfAbsent(key, value, ttlMs) {
      open();
      assertTtl(ttlMs);
      if (live(key) !== undefined) return false;
      store(key, { value, expiresAt: now() + ttlMs });
      return true;
    },
    async delete(key) {
      open();
      entries.delete(key);
    },
    async increment(key, ttlMs) {
      open();
      assertTtl(ttlMs);
      const entry = live(key);
      if (entry === undefined) {
        store(key, { value: '1', expiresAt: now() + ttlMs });
        return 1;
      }
      // Same rule as Redis INCR: only a decimal integer can be incremented.
      if (!/^-?\d+$/.test(entry.value) || !Number.isSafeInteger(Number(entry.value) + 1)) {
        throw new Error(`cache value at "${key}" is not an integer`);
      }
      const next = Number(entry.value) + 1;
      entry.value = String(next);
      // A key set without expiry gets one here, as the Redis script does, so a window always ends.
      entry.expiresAt ??= now() + ttlMs;
      return next;
    },
    async ping() {
      open();
    },
    async close() {
      closed = true;
      if (timer !== undefined) clearInterval(timer);
      entries.clear();
    },
    size: () => entries.size,
    sweep,
  };
}
