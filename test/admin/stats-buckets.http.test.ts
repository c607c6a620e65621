import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { bucketStart } from '../../src/platform/stats-range.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { acceptedBooking, approvedCaregiver, DAY } from '../payments/support.ts';
import { getAs, kst } from './support.ts';

// Buckets are KST calendar days (midnight = 15:00 UTC), ISO weeks from Monday and months: a booking and an
// account made a minute before KST midnight and one made a minute after fall in different days, although
// both are on the same UTC day.

interface Bucket {
  start: string;
  reservations: { created: number };
  newUsers: number;
}

describe.each(databaseKinds())('GET /admin/stats buckets on %s', (kind) => {
  const midnight = bucketStart(new Date(), 'day'); // the last KST midnight
  const clock = fixedClock(new Date(midnight.getTime() - 60_000));
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ kind, clock });
    // 23:59 KST: a guardian and a caregiver sign up, one booking.
    const caregiver = await approvedCaregiver(t);
    await acceptedBooking(t, { caregiver, startsIn: 10 * DAY, accept: false });
    // 00:01 KST the next day: another guardian, another booking, and the admin.
    clock.set(new Date(midnight.getTime() + 60_000));
    await acceptedBooking(t, { caregiver, startsIn: 12 * DAY, accept: false });
    admin = await t.signup('ADMIN');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('cuts days at KST midnight', async () => {
    const from = new Date(midnight.getTime() - DAY);
    const response = await getAs(t, admin, '/admin/stats', { from: kst(from), to: kst(new Date(midnight.getTime() + DAY)) });
    expect(response.statusCode).toBe(200);
    const { series } = response.json() as { series: Bucket[] };
    expect(series.map((b) => [b.start, b.reservations.created, b.newUsers])).toEqual([
      [from.toISOString(), 1, 2],
      [midnight.toISOString(), 1, 2],
    ]);
    expect(midnight.getUTCHours()).toBe(15);
  });

  it('reads date-only bounds as KST dates and moves from back to its bucket start', async () => {
    const today = kst(midnight).slice(0, 10);
    const response = await getAs(t, admin, '/admin/stats', { from: `${today}`, to: kst(new Date(midnight.getTime() + 2 * DAY)).slice(0, 10) });
    const body = response.json() as { period: { from: string; to: string }; series: Bucket[] };
    expect(body.period).toEqual({ from: midnight.toISOString(), to: new Date(midnight.getTime() + 2 * DAY).toISOString(), granularity: 'day' });
    expect(body.series.map((b) => b.reservations.created)).toEqual([1, 0]);
    const halfDay = await getAs(t, admin, '/admin/stats', { from: kst(new Date(midnight.getTime() + 12 * 3_600_000)), to: kst(new Date(midnight.getTime() + DAY)) });
    expect((halfDay.json() as { period: { from: string } }).period.from).toBe(midnight.toISOString());
  });

  it('groups weeks from Monday and months from the 1st (KST)', async () => {
    const range = { from: kst(new Date(midnight.getTime() - DAY)), to: kst(new Date(midnight.getTime() + DAY)) };
    for (const granularity of ['week', 'month'] as const) {
      const { series } = (await getAs(t, admin, '/admin/stats', { ...range, granularity })).json() as { series: Bucket[] };
      const starts = [...new Set([bucketStart(new Date(midnight.getTime() - 60_000), granularity), bucketStart(midnight, granularity)].map((d) => d.toISOString()))];
      expect(series.map((b) => b.start)).toEqual(starts);
      expect(series.reduce((n, b) => n + b.reservations.created, 0)).toBe(2);
      expect(series.reduce((n, b) => n + b.newUsers, 0)).toBe(4);
    }
  });
});
