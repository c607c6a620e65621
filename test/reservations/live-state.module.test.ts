import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Cache } from '../../src/platform/cache/cache.ts';
import { createMemoryCache } from '../../src/platform/cache/memory-cache.ts';
import { createRedisCache } from '../../src/platform/cache/redis-cache.ts';
import { newId } from '../../src/platform/ids.ts';
import { createLiveList } from '../../src/modules/reservations/app/live-cache.ts';
import { serviceUrl } from '../support/services.ts';
import { actor, at, bookingInput, D, H, openReservationsModule, type Harness } from './support.ts';

// The live state on the memory cache and, when REDIS_URL is set, on Redis (PGlite underneath: the
// database side is covered by the other suites).
const redisUrl = serviceUrl('REDIS_URL');
const caches: [string, () => Cache][] = [['memory', () => createMemoryCache(fixedClock('2026-12-01T00:00:00Z'))]];
if (redisUrl) caches.push(['redis', () => createRedisCache(redisUrl)]);

describe.each(caches)('live reservation state on the %s cache', (_kind, makeCache) => {
  let h: Harness;
  let cache: Cache;
  let delivered = 0;
  beforeEach(async () => {
    cache = makeCache();
    h = await openReservationsModule('pglite', { cache });
    delivered = 0;
  });
  afterEach(async () => {
    await h.close();
    await cache.close();
  });

  /** Hands the outbox events written since the last call to the live-state consumer, in order. */
  async function deliverOutbox(): Promise<void> {
    const events = await h.outbox();
    for (const event of events.slice(delivered)) {
      await h.deliver('reservations.live-state', event.type, event.payload, event.aggregate_id);
    }
    delivered = events.length;
  }

  it('keeps a caregiver\'s pending requests and a guardian\'s arrivals current from events', async () => {
    const caregiver = h.caregiver();
    const guardian = actor('GUARDIAN');
    expect(await h.useCases.liveState(caregiver.actor)).toEqual({ pendingRequests: [], count: 0 });
    expect(await h.useCases.liveState(guardian)).toEqual({ reservations: [] });

    const later = await h.useCases.createReservation(guardian.userId, bookingInput(caregiver.id, { startAt: at(3 * D), endAt: at(3 * D + H) }));
    const sooner = await h.useCases.createReservation(guardian.userId, bookingInput(caregiver.id));
    await deliverOutbox();
    const pending = await h.useCases.liveState(caregiver.actor);
    expect(pending).toEqual({
      count: 2,
      pendingRequests: [
        {
          id: sooner.id,
          startAt: sooner.startAt,
          endAt: sooner.endAt,
          serviceType: 'HOSPITAL',
          rateType: 'HOURLY',
          totalAmount: 120_000,
          location: { sido: '서울특별시', sigungu: '강남구' },
          expiresAt: at(D),
          createdAt: at(0),
        },
        expect.objectContaining({ id: later.id }),
      ],
    });
    expect(JSON.stringify(pending)).not.toContain('박순자');

    await h.useCases.acceptReservation(caregiver.actor, sooner.id);
    await h.pay(sooner);
    await deliverOutbox();
    expect((await h.useCases.liveState(caregiver.actor)) as unknown).toMatchObject({ count: 1, pendingRequests: [{ id: later.id }] });
    expect(await h.useCases.liveState(guardian)).toEqual({
      reservations: [
        { id: sooner.id, status: 'CONFIRMED', caregiverName: '김영희', startAt: sooner.startAt, endAt: sooner.endAt, checkedInAt: null },
        expect.objectContaining({ id: later.id, status: 'REQUESTED' }),
      ],
    });

    h.clock.set(at(2 * D - 30 * 60_000));
    await h.useCases.checkIn(caregiver.actor, sooner.id);
    await deliverOutbox();
    expect(await h.useCases.liveState(guardian)).toMatchObject({
      reservations: [{ id: sooner.id, status: 'IN_PROGRESS', checkedInAt: at(2 * D - 30 * 60_000) }, { id: later.id }],
    });
    h.clock.set(at(2 * D)); // check-out opens at the start
    await h.useCases.checkOut(caregiver.actor, sooner.id);
    await h.useCases.cancelReservation(guardian, later.id, { reason: '취소' });
    await deliverOutbox();
    expect(await h.useCases.liveState(guardian)).toEqual({ reservations: [] });
    expect(await h.useCases.liveState(caregiver.actor)).toEqual({ pendingRequests: [], count: 0 });
  });

  it('serves from the cache, and rebuilds from the database when the cache has nothing', async () => {
    const caregiver = h.caregiver();
    const r = await h.useCases.createReservation(newId(), bookingInput(caregiver.id));
    expect((await h.useCases.liveState(caregiver.actor)) as unknown).toMatchObject({ count: 1 });
    // A change behind the cache's back (no event) is not seen until the cache entry goes.
    await sql`UPDATE reservations.reservations SET status = 'EXPIRED' WHERE id = ${r.id}`.execute(h.db);
    expect((await h.useCases.liveState(caregiver.actor)) as unknown).toMatchObject({ count: 1 });
    await cache.delete(`reservations:live:pending:${caregiver.userId}`);
    expect(await h.useCases.liveState(caregiver.actor)).toEqual({ pendingRequests: [], count: 0 });
  });

  it('does not build a partial list from one event when the cache has none', async () => {
    const caregiver = h.caregiver();
    await h.useCases.createReservation(newId(), bookingInput(caregiver.id));
    await h.useCases.createReservation(newId(), bookingInput(caregiver.id, { startAt: at(3 * D), endAt: at(3 * D + H) }));
    const events = await h.outbox();
    await h.deliver('reservations.live-state', events[1]!.type, events[1]!.payload);
    expect(await cache.get(`reservations:live:pending:${caregiver.userId}`)).toBeUndefined();
    expect((await h.useCases.liveState(caregiver.actor)) as unknown).toMatchObject({ count: 2 });
  });

  it('never lets a rebuild overwrite a change a consumer made meanwhile', async () => {
    const list = createLiveList<{ id: string; startAt: string }>(cache);
    const key = `reservations:live:test:${newId()}`;
    const generation = await list.generation(key);
    await list.store(key, [], generation);
    const before = await list.generation(key);
    await list.apply(key, 'a', { id: 'a', startAt: at(0) });
    expect(await list.store(key, [], before)).toBe(false);
    expect(await list.read(key)).toEqual([{ id: 'a', startAt: at(0) }]);
    await list.apply(key, 'a', undefined);
    expect(await list.read(key)).toEqual([]);
    await cache.delete(key);
  });
});
