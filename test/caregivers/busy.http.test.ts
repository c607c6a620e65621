import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import type { ReservationStatus } from '../../src/modules/reservations/contract.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { booking, reservationNewEvent, type Booking } from './reservation-events.ts';
import { profileInput } from './support.ts';

// GET /caregivers/:id/busy and the availability filter of GET /caregivers, fed the way production feeds
// them: reservation events in the outbox, the relay, the bus, the busy-slots consumer.

const enc = encodeURIComponent;

describe.each(databaseKinds())('busy times over HTTP on %s', (kind) => {
  let t: TestApp;
  let busyOne = '';
  let freeOne = '';
  let pendingOne = '';
  let morning: Booking;
  let evening: Booking;

  async function publish(...changes: [Booking, ReservationStatus][]): Promise<void> {
    await t.platform.transact(async (_tx, emit) => emit(...changes.map(([b, status]) => reservationNewEvent(b, status))));
    await t.settle();
  }

  beforeAll(async () => {
    t = await startTestApp({ kind });
    const { useCases } = t.modules.caregivers;
    const approved = async (displayName: string) => {
      const profile = await useCases.createProfile(newId(), profileInput({ displayName, introduction: '가용성 시험용 프로필' }));
      await useCases.approveProfile(profile.id);
      return profile.id;
    };
    busyOne = await approved('바쁜간병인');
    freeOne = await approved('한가한간병인');
    pendingOne = (await useCases.createProfile(newId(), profileInput())).id;
    morning = booking(busyOne, '2026-12-10T09:00:00+09:00', '2026-12-10T13:00:00+09:00');
    evening = booking(busyOne, '2026-12-10T18:00:00+09:00', '2026-12-11T09:00:00+09:00');
    const ended = booking(busyOne, '2026-12-10T13:00:00+09:00', '2026-12-10T18:00:00+09:00');
    await publish([evening, 'REQUESTED'], [morning, 'REQUESTED'], [morning, 'ACCEPTED'], [ended, 'REQUESTED'], [ended, 'REJECTED']);
  });
  afterAll(async () => {
    await t.close();
  });

  const busy = (id: string, query: string) => t.app.inject({ method: 'GET', url: `/api/v1/caregivers/${id}/busy${query}` });
  const window = (from: string, to: string) => `?from=${enc(from)}&to=${enc(to)}`;
  const found = async (from: string, to: string): Promise<string[]> => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/caregivers?q=${enc('가용성 시험')}&availableFrom=${enc(from)}&availableTo=${enc(to)}&limit=100`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as { displayName: string }[]).map((i) => i.displayName).sort();
  };

  it('lists the active reservations overlapping the window, to anyone, as bare UTC intervals', async () => {
    const response = await busy(busyOne, window('2026-12-10T00:00:00+09:00', '2026-12-11T00:00:00+09:00'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { startAt: '2026-12-10T00:00:00.000Z', endAt: '2026-12-10T04:00:00.000Z' },
      { startAt: '2026-12-10T09:00:00.000Z', endAt: '2026-12-11T00:00:00.000Z' },
    ]);
    const none = await busy(freeOne, window('2026-12-10T00:00:00+09:00', '2026-12-11T00:00:00+09:00'));
    expect([none.statusCode, none.json()]).toEqual([200, []]);
  });

  it('leaves out slots that only touch the window', async () => {
    const response = await busy(busyOne, window('2026-12-10T13:00:00+09:00', '2026-12-10T18:00:00+09:00'));
    expect(response.json()).toEqual([]);
  });

  it('answers 404 for profiles the public may not see', async () => {
    for (const id of [pendingOne, newId(), 'nope']) {
      const response = await busy(id, window('2026-12-10T00:00:00Z', '2026-12-11T00:00:00Z'));
      expect([response.statusCode, response.json().code]).toEqual([404, 'CAREGIVER_NOT_FOUND']);
    }
  });

  it.each([
    ['', ['from', 'to']],
    [`?from=${enc('2026-12-10T00:00:00Z')}`, ['to']],
    [`?to=${enc('2026-12-10T00:00:00Z')}`, ['from']],
    [window('2026-12-10T00:00:00', '2026-12-11T00:00:00Z'), ['from']],
    ['?from=2026-12-10T00:00:00+09:00&to=2026-12-11T00:00:00%2B09:00', ['from']],
    [window('2026-12-11T00:00:00Z', '2026-12-10T00:00:00Z'), ['to']],
    [window('2026-12-10T00:00:00Z', '2027-03-12T00:00:00.001Z'), ['to']],
    [`${window('2026-12-10T00:00:00Z', '2026-12-11T00:00:00Z')}&status=CONFIRMED`, ['status']],
  ])('refuses %s with 400 VALIDATION_FAILED on %j', async (query, fields) => {
    const response = await busy(busyOne, query);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect((response.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual(fields);
  });

  it('filters the search by overlap with active reservations, [from, to)', async () => {
    expect(await found('2026-12-10T10:00:00+09:00', '2026-12-10T11:00:00+09:00')).toEqual(['한가한간병인']);
    expect(await found('2026-12-10T12:59:59+09:00', '2026-12-10T13:00:00+09:00')).toEqual(['한가한간병인']);
    // Back to back with the morning slot and the evening one, over a rejected reservation: free.
    expect(await found('2026-12-10T13:00:00+09:00', '2026-12-10T18:00:00+09:00')).toEqual(['바쁜간병인', '한가한간병인']);
    expect(await found('2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual(['한가한간병인']);
    expect(await found('2026-12-12T00:00:00+09:00', '2026-12-13T00:00:00+09:00')).toEqual(['바쁜간병인', '한가한간병인']);
  });

  it('follows bookings and cancellations once their events are through', async () => {
    const later = booking(freeOne, '2026-12-20T09:00:00+09:00', '2026-12-20T18:00:00+09:00');
    const day = ['2026-12-20T00:00:00+09:00', '2026-12-21T00:00:00+09:00'] as const;
    expect(await found(...day)).toEqual(['바쁜간병인', '한가한간병인']);
    await publish([later, 'REQUESTED']);
    expect(await found(...day)).toEqual(['바쁜간병인']);
    expect((await busy(freeOne, window(...day))).json()).toEqual([{ startAt: '2026-12-20T00:00:00.000Z', endAt: '2026-12-20T09:00:00.000Z' }]);
    await publish([later, 'CANCELLED']);
    expect(await found(...day)).toEqual(['바쁜간병인', '한가한간병인']);
    expect((await busy(freeOne, window(...day))).json()).toEqual([]);
  });

  it('documents the route and the filter in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const route = doc.paths['/api/v1/caregivers/{id}/busy'].get;
    expect(route.description).toMatch(/within about a second/);
    expect(route.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual(['path:id', 'query:from', 'query:to']);
    const search = doc.paths['/api/v1/caregivers'].get;
    expect(search.description).toMatch(/availableFrom/);
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['availableFrom', 'availableTo']));
  });
});
