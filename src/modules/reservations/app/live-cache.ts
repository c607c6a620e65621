import { setTimeout as sleep } from 'node:timers/promises';
import type { Cache } from '../../../platform/cache/cache.ts';
import { newSecret } from '../../../platform/ids.ts';

// A list kept in the cache (Redis, or memory when embedded) as one JSON object of entries by id, for
// dashboards: derived data, the database stays the truth. Two writers touch a list:
// - event consumers put or remove one entry: under a short lock, and only when the list is there (an
//   absent list is not rebuilt from one event, it would miss the others); each bumps the list's generation;
// - a reader that found no list rebuilds it from the database, and stores it only if no consumer touched the
//   list (same generation) between its database read and its write, so a rebuild never hides a newer change.
// The lock is held for cache calls only, never across a database call, so it cannot deadlock with one.

const LIST_TTL_MS = 24 * 3_600_000;
const LOCK_TTL_MS = 2_000;
const LOCK_ATTEMPTS = 200;

export class LiveListBusy extends Error {
  constructor(key: string) {
    super(`live list ${key} stayed locked`);
    this.name = 'LiveListBusy';
  }
}

export interface LiveList<T> {
  /** The entries, or undefined when the cache has no list (never built, expired, evicted). */
  read(key: string): Promise<T[] | undefined>;
  /** The current generation, to pass to `store` after reading the database. */
  generation(key: string): Promise<string | undefined>;
  /** Stores a list rebuilt from the database unless a consumer changed it since `generation`. */
  store(key: string, entries: readonly (T & { id: string })[], generation: string | undefined): Promise<boolean>;
  /** Puts (entry) or removes (undefined) one entry of an existing list. */
  apply(key: string, id: string, entry: T | undefined): Promise<void>;
}

export function createLiveList<T>(cache: Cache): LiveList<T> {
  const genKey = (key: string) => `${key}:gen`;

  async function locked<R>(key: string, work: () => Promise<R>): Promise<R> {
    const lockKey = `${key}:lock`;
    for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
      if (await cache.setIfAbsent(lockKey, newSecret(8), LOCK_TTL_MS)) {
        try {
          return await work();
        } finally {
          await cache.delete(lockKey);
        }
      }
      await sleep(5 + Math.floor(Math.random() * 10));
    }
    throw new LiveListBusy(key);
  }

  return {
    async read(key) {
      const raw = await cache.get(key);
      if (raw === undefined) return undefined;
      return Object.values(JSON.parse(raw) as Record<string, T>);
    },
    generation: (key) => cache.get(genKey(key)),
    store(key, entries, generation) {
      return locked(key, async () => {
        if ((await cache.get(genKey(key))) !== generation) return false;
        await cache.set(key, JSON.stringify(Object.fromEntries(entries.map((e) => [e.id, e]))), LIST_TTL_MS);
        return true;
      });
    },
    apply(key, id, entry) {
      return locked(key, async () => {
        await cache.increment(genKey(key), LIST_TTL_MS);
        const raw = await cache.get(key);
        if (raw === undefined) return;
        const entries = JSON.parse(raw) as Record<string, T>;
        if (entry === undefined) delete entries[id];
        else entries[id] = entry;
        await cache.set(key, JSON.stringify(entries), LIST_TTL_MS);
      });
    },
  };
}
