import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { recommendedScore } from '../../src/modules/caregivers/domain/ranking.ts';
import { SORTS, type SearchFilters } from '../../src/modules/caregivers/domain/search.ts';
import type { Region } from '../../src/modules/caregivers/contract.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { busyOf, expected, FILTERS, makeBookings, makeInput, random, RATINGS, type Seeded } from './search-fixture.ts';
import { reservationNewEvent } from './reservation-events.ts';
import { setRating } from './support.ts';

function queryString(filters: SearchFilters & { sort?: string; limit?: number; cursor?: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

interface Item {
  id: string;
  status: string;
  [field: string]: unknown;
}

describe.each(databaseKinds())('caregiver search over HTTP on %s', (kind) => {
  let t: TestApp;
  const seeded: Seeded[] = [];
  beforeAll(async () => {
    t = await startTestApp({ kind });
    const { useCases } = t.modules.caregivers;
    const next = random(7);
    const nextBooking = random(1210);
    for (let i = 0; i < 33; i++) {
      const input = makeInput(next, i);
      const profile = await useCases.createProfile(newId(), input);
      if (i >= 30) continue; // three stay PENDING
      await useCases.approveProfile(profile.id);
      const [ratingAverage, reviewCount] = RATINGS[(i * 3) % RATINGS.length]!;
      const score = recommendedScore({ ratingAverage, reviewCount, careerYears: input.careerYears });
      await setRating(t.platform.database.db, profile.id, ratingAverage, reviewCount, score);
      // Reservations reach the search the way they do in production: outbox, relay, bus, busy-slots consumer.
      const bookings = makeBookings(nextBooking, profile.id);
      const events = bookings.flatMap((b) => b.history.map((status) => reservationNewEvent(b.booking, status)));
      await t.platform.transact(async (_tx, emit) => emit(...events));
      seeded.push({ id: profile.id, input, regions: profile.regions as Region[], ratingAverage, reviewCount, score, busy: busyOf(bookings) });
    }
    await t.settle();
  });
  afterAll(async () => {
    await t.close();
  });

  const search = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/caregivers${query}` });

  async function walk(filters: SearchFilters, sort: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 40; pages++) {
      const response = await search(queryString({ ...filters, sort, limit, ...(cursor ? { cursor } : {}) }));
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as { items: Item[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(limit);
      ids.push(...body.items.map((item) => item.id));
      if (body.nextCursor === null) return ids;
      cursor = body.nextCursor;
    }
    throw new Error('pagination did not end');
  }

  for (const sort of SORTS) {
    it(`applies every filter with sort=${sort}, and the cursor walks all results exactly once`, async () => {
      for (const filters of FILTERS) {
        const ids = await walk(filters, sort, 5);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids, `${sort} ${queryString(filters)}`).toEqual(expected(seeded, filters, sort));
      }
    });
  }

  it('defaults to 20 items sorted by recommended, public fields only', async () => {
    const response = await search('');
    const body = response.json() as { items: Item[]; nextCursor: string | null };
    expect(body.items.map((i) => i.id)).toEqual(expected(seeded, {}, 'recommended').slice(0, 20));
    expect(body.nextCursor).not.toBeNull();
    const item = body.items[0]!;
    expect(Object.keys(item).sort()).toEqual(
      [
        'id', 'userId', 'displayName', 'gender', 'birthYear', 'careerYears', 'introduction', 'certificates', 'regions',
        'serviceTypes', 'languages', 'hourlyRate', 'dailyRate', 'status', 'ratingAverage', 'reviewCount',
      ].sort(),
    );
    const all = await walk({}, 'recommended', 100);
    expect(all).toHaveLength(30);
  });

  it('accepts short region names and repeated serviceType parameters', async () => {
    const short = (await search('?sido=서울&sigungu=강남&limit=100')).json().items.map((i: Item) => i.id);
    const official = (await search(`?${new URLSearchParams({ sido: '서울특별시', sigungu: '강남구', limit: '100' })}`)).json().items.map((i: Item) => i.id);
    expect(short).toEqual(official);
    expect(short.length).toBeGreaterThan(0);
    const both = (await search('?serviceType=HOSPITAL&serviceType=NIGHT&limit=100')).json().items as { serviceTypes: string[] }[];
    expect(both.every((i) => i.serviceTypes.includes('HOSPITAL') && i.serviceTypes.includes('NIGHT'))).toBe(true);
  });

  it.each([
    ['?sido=뉴욕', 'sido'],
    ['?sido=서울&sigungu=해운대', 'sigungu'],
    ['?sigungu=강남', 'sigungu'],
    ['?sort=cheapest', 'sort'],
    ['?gender=X', 'gender'],
    ['?serviceType=SPA', 'serviceType.0'],
    ['?minRating=great', 'minRating'],
    ['?minRating=6', 'minRating'],
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?language=korean', 'language'],
    ['?availableFrom=2026-12-01T09:00:00%2B09:00', 'availableTo'],
    ['?availableTo=2026-12-01T09:00:00%2B09:00', 'availableFrom'],
    ['?availableFrom=2026-12-01T09:00:00&availableTo=2026-12-01T10:00:00%2B09:00', 'availableFrom'],
    ['?availableFrom=2026-12-01T09:00:00+09:00&availableTo=2026-12-01T10:00:00%2B09:00', 'availableFrom'],
    ['?availableFrom=2026-02-30T09:00:00Z&availableTo=2026-03-02T10:00:00Z', 'availableFrom'],
    ['?availableFrom=2026-12-01T10:00:00%2B09:00&availableTo=2026-12-01T10:00:00%2B09:00', 'availableTo'],
    ['?availableFrom=2026-12-01T10:00:00%2B09:00&availableTo=2026-12-01T00:30:00Z', 'availableTo'],
    ['?availableFrom=2026-12-01T00:00:00Z&availableTo=2027-01-01T00:00:01Z', 'availableTo'],
    ['?availableFrom=2026-12-01T00:00:00Z&availableTo=2026-12-02T00:00:00Z&sido=뉴욕', 'sido'],
    ['?cursor=garbage', 'cursor'],
  ])('refuses %s with a 400 on %s', async (query, field) => {
    const response = await search(query);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a cursor made for another sort', async () => {
    const first = (await search('?sort=rating&limit=2')).json();
    const response = await search(`?sort=dailyRate&cursor=${first.nextCursor}`);
    expect([response.statusCode, response.json().errors[0].field]).toEqual([400, 'cursor']);
  });

  it('lists the region catalogue, not clashing with /caregivers/:id', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/caregivers/regions' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    const body = response.json() as { items: { sido: string; sidoEn: string; sigungu: string[] }[]; nextCursor: null };
    expect(body.items).toHaveLength(17);
    expect(body.items[0]).toMatchObject({ sido: '서울특별시', sidoEn: 'Seoul' });
    expect(body.items[0]!.sigungu).toContain('강남구');
    expect(body.nextCursor).toBeNull();
  });
});
