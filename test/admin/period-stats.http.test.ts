import { describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { bucketStart } from '../../src/platform/stats-range.ts';
import { acceptedBooking, confirm, DAY, openPayment, reservationOf, sandboxPay } from '../payments/support.ts';
import { getAs, kst, useAdminWorld, type AdminWorld } from './support.ts';

// GET /admin/stats over a period: every bucket present, sums that match the world, distinct active
// caregivers, and 400s on a bad period. The KST day boundary: stats-buckets.http.test.ts.

interface Bucket {
  start: string;
  end: string;
  reservations: { created: number; byStatus: Record<string, number> };
  grossAmount: number;
  refundedAmount: number;
  commissionAmount: number;
  newUsers: number;
  activeCaregivers: number;
}

describe.each(databaseKinds())('GET /admin/stats over a period on %s', (kind) => {
  let t: TestApp;
  let w: AdminWorld;
  useAdminWorld(kind, (app, world) => ([t, w] = [app, world]));

  it('answers every bucket and totals that match what happened', async () => {
    // One paid booking, so one caregiver is active (CONFIRMED) on the day its care starts.
    const booking = await acceptedBooking(t, { guardian: w.guardians[1], caregiver: w.caregivers[0], startsIn: 5 * DAY });
    const order = await openPayment(t, booking);
    expect((await confirm(t, booking.guardian, await sandboxPay(t, booking.guardian, order.orderId))).statusCode).toBe(200);
    await t.settle();
    const started = new Date((await reservationOf(t, booking.guardian, booking.reservationId)).startAt as string);

    const from = bucketStart(w.madeAt, 'day');
    const to = new Date(from.getTime() + 40 * DAY);
    const response = await getAs(t, w.admin, '/admin/stats', { from: kst(from), to: kst(to), granularity: 'day' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { period: unknown; series: Bucket[]; periodTotals: Omit<Bucket, 'start' | 'end'> };
    expect(body.period).toEqual({ from: from.toISOString(), to: to.toISOString(), granularity: 'day' });
    expect(body.series).toHaveLength(40);
    body.series.forEach((bucket, i) => {
      expect(bucket.start).toBe(new Date(from.getTime() + i * DAY).toISOString());
      expect(bucket.end).toBe(new Date(from.getTime() + (i + 1) * DAY).toISOString());
    });

    const gross = w.fullRefund.totalAmount + w.halfRefund.totalAmount + booking.totalAmount;
    const refunded = w.fullRefund.totalAmount + w.halfRefund.refundAmount;
    expect(body.periodTotals).toEqual({
      reservations: {
        created: 6,
        byStatus: { REQUESTED: 2, ACCEPTED: 1, CONFIRMED: 1, IN_PROGRESS: 0, COMPLETED: 0, REJECTED: 0, CANCELLED: 2, EXPIRED: 0 },
      },
      grossAmount: gross,
      refundedAmount: refunded,
      commissionAmount: 0,
      newUsers: 6,
      activeCaregivers: 1,
    });
    // The buckets add up to the totals; the active caregiver counts in the bucket where care starts.
    const sum = (pick: (b: Bucket) => number) => body.series.reduce((total, b) => total + pick(b), 0);
    expect(sum((b) => b.reservations.created)).toBe(6);
    expect(sum((b) => b.grossAmount)).toBe(gross);
    expect(sum((b) => b.refundedAmount)).toBe(refunded);
    expect(sum((b) => b.newUsers)).toBe(6);
    const active = body.series.filter((b) => b.activeCaregivers > 0);
    expect(active.map((b) => b.start)).toEqual([bucketStart(started, 'day').toISOString()]);
  });

  it('counts a caregiver active on several days once over the period', async () => {
    const from = bucketStart(w.madeAt, 'day');
    const to = new Date(from.getTime() + 40 * DAY);
    const booking = await acceptedBooking(t, { guardian: w.guardians[0], caregiver: w.caregivers[0], startsIn: 15 * DAY });
    const order = await openPayment(t, booking);
    expect((await confirm(t, booking.guardian, await sandboxPay(t, booking.guardian, order.orderId))).statusCode).toBe(200);
    await t.settle();
    const body = (await getAs(t, w.admin, '/admin/stats', { from: kst(from), to: kst(to) })).json() as { series: Bucket[]; periodTotals: Bucket };
    expect(body.series.reduce((total, b) => total + b.activeCaregivers, 0)).toBe(2);
    expect(body.periodTotals.activeCaregivers).toBe(1);
  });

  it('defaults to the last 30 days by day, 12 weeks by week, 12 months by month', async () => {
    const byDay = (await getAs(t, w.admin, '/admin/stats')).json() as { period: { from: string; to: string }; series: Bucket[] };
    expect(byDay.series).toHaveLength(31);
    expect(byDay.series.at(-1)?.end).toBe(byDay.period.to);
    const byWeek = (await getAs(t, w.admin, '/admin/stats', { granularity: 'week' })).json() as { series: Bucket[] };
    expect(byWeek.series).toHaveLength(13);
    const byMonth = (await getAs(t, w.admin, '/admin/stats', { granularity: 'month' })).json() as { series: Bucket[]; periodTotals: Bucket };
    expect(byMonth.series).toHaveLength(13);
    expect(byMonth.periodTotals.reservations.created).toBeGreaterThanOrEqual(5);
  });

  it('answers 400 on a bad period and 403 to others', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ granularity: 'year' }, 'granularity'],
      [{ from: 'yesterday' }, 'from'],
      [{ from: '2026-12-03', to: '2026-12-02' }, 'to'],
      [{ from: '2020-01-01', to: '2026-01-01' }, 'from'],
      [{ to: '2026-12-01T00:00:00' }, 'to'],
    ];
    for (const [query, field] of cases) {
      const response = await getAs(t, w.admin, '/admin/stats', query);
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(response.json())).toContain(field);
    }
    expect((await getAs(t, w.admin, '/admin/stats', { period: 'x' })).statusCode).toBe(400);
    expect((await getAs(t, w.guardians[0], '/admin/stats')).statusCode).toBe(403);
  });
});
