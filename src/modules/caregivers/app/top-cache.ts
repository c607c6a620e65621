import type { Cache } from '../../../platform/cache/cache.ts';

// GET /caregivers/top is cached per limit under a generation number. A rating change bumps the
// generation, so every limit's entry is dropped at once (old entries simply expire).

const GENERATION_KEY = 'caregivers:top:generation';
const GENERATION_TTL_MS = 7 * 24 * 3_600_000;

export async function topCacheKey(cache: Cache, limit: number): Promise<string> {
  return `caregivers:top:${(await cache.get(GENERATION_KEY)) ?? '0'}:${limit}`;
}

/**
 * Drops every cached top list. The consumer calls it inside its transaction, before the new rating
 * commits, so a reader in between could cache the old list again: a second bump after `settleMs`
 * (well after the commit) drops that too. A new rating therefore shows within about a second.
 */
export async function invalidateTop(cache: Cache, settleMs = 1_000): Promise<void> {
  await cache.increment(GENERATION_KEY, GENERATION_TTL_MS);
  setTimeout(() => {
    cache.increment(GENERATION_KEY, GENERATION_TTL_MS).catch(() => undefined);
  }, settleMs).unref();
}
