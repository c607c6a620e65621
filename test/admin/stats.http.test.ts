import { describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { acceptedBooking } from '../payments/support.ts';
import { getAs, useAdminWorld, type AdminWorld } from './support.ts';

// GET /admin/stats after the whole loop (book, accept, pay, confirm, cancel, refund) on a fresh database.

describe.each(databaseKinds())('GET /admin/stats on %s', (kind) => {
  let t: TestApp;
  let w: AdminWorld;
  useAdminWorld(kind, (app, world) => ([t, w] = [app, world]));

  it('counts reservations, money, users and caregivers, every status present', async () => {
    const response = await getAs(t, w.admin, '/admin/stats');
    expect(response.statusCode).toBe(200);
    const gross = w.fullRefund.totalAmount + w.halfRefund.totalAmount;
    const refunded = w.fullRefund.totalAmount + w.halfRefund.refundAmount;
    expect(w.halfRefund.refundAmount).toBe(Math.floor(w.halfRefund.totalAmount / 2));
    expect(response.json()).toEqual({
      reservations: {
        byStatus: { REQUESTED: 2, ACCEPTED: 1, CONFIRMED: 0, IN_PROGRESS: 0, COMPLETED: 0, REJECTED: 0, CANCELLED: 2, EXPIRED: 0 },
      },
      // The READY payment is not captured: it counts nowhere.
      payments: { grossAmount: gross, refundedAmount: refunded, netAmount: gross - refunded },
      users: { active: 6, byRole: { GUARDIAN: 2, CAREGIVER: 3, ADMIN: 1 } },
      caregivers: { byStatus: { PENDING: 1, APPROVED: 2, REJECTED: 0, SUSPENDED: 0 } },
      generatedAt: expect.stringMatching(/Z$/),
      // Over a period (default: the last 30 days by day): period-stats.http.test.ts.
      period: expect.objectContaining({ granularity: 'day' }),
      series: expect.any(Array),
      periodTotals: expect.any(Object),
    });
  });

  it('follows new bookings and withdrawn accounts', async () => {
    await acceptedBooking(t, { guardian: w.guardians[1], caregiver: w.caregivers[1], accept: false, startsIn: 60 * 24 * 3_600_000 });
    const spare = await t.signup('GUARDIAN');
    const withdrawn = await t.app.inject({ method: 'DELETE', url: '/api/v1/users/me', headers: spare.auth });
    expect(withdrawn.statusCode).toBeLessThan(300);
    const stats = (await getAs(t, w.admin, '/admin/stats')).json();
    expect(stats.reservations.byStatus.REQUESTED).toBe(3);
    expect(stats.users).toEqual({ active: 6, byRole: { GUARDIAN: 2, CAREGIVER: 3, ADMIN: 1 } });
  });
});
