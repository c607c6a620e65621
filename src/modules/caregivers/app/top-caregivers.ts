import { topProfiles } from '../db/ratings.repo.ts';
import type { CaregiversDeps } from './deps.ts';
import { toPublicProfile } from './profile-view.ts';
import type { TopCaregiver } from './schemas.ts';
import { topCacheKey } from './top-cache.ts';

export const TOP_LIMIT = { default: 10, max: 50 } as const;

/**
 * The best-rated APPROVED caregivers by Bayesian rating (domain/ranking.ts: few reviews do not beat many),
 * as the JSON body `{items, nextCursor: null}`. The body itself is cached (TOP_CACHE_TTL per limit, `0s` =
 * uncached) so a hit costs two cache reads and no parsing or serialising; every rating change drops it.
 */
export function makeTopCaregivers({ platform, settings }: CaregiversDeps) {
  const ttlMs = settings.topCacheTtlMs;
  const load = async (limit: number): Promise<string> => {
    const items: TopCaregiver[] = (await topProfiles(platform.database.db, limit)).map(({ row, score }) => ({ ...toPublicProfile(row), score }));
    return JSON.stringify({ items, nextCursor: null });
  };
  return async function topCaregiversJson(limit: number = TOP_LIMIT.default): Promise<string> {
    if (ttlMs === 0) return load(limit);
    const { cache } = platform;
    const key = await topCacheKey(cache, limit);
    const cached = await cache.get(key);
    if (cached !== undefined) return cached;
    const body = await load(limit);
    await cache.set(key, body, ttlMs);
    return body;
  };
}
