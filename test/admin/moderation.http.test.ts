import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { TestApp, TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { approvedCaregiver, startBookingApp, type BookingCaregiver } from '../reservations/http-support.ts';
import { reservationUpTo, type Clock } from '../reviews/support.ts';

// Reviews and settlements in the back office: an admin's edit and deletion of someone's review are audited;
// the user detail lists reviews written by and about the user and the caregiver's settlements; the stats'
// commission comes from settlement lines of reservations finished in each bucket.

const CONTENT = '시간 약속을 잘 지키시고 정말 친절하셨어요.';

describe.each(databaseKinds())('admin moderation and settlements on %s', (kind) => {
  let t: TestApp;
  let clock: Clock;
  let admin: TestUser;
  let guardian: TestUser;
  let caregiver: BookingCaregiver;
  let reviewId: string;

  const call = (method: InjectOptions['method'], url: string, user: TestUser, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user.auth, ...(payload !== undefined ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    ({ t, clock } = await startBookingApp(kind));
    await t.modules.reservations.timers.stop();
    admin = await t.signup('ADMIN');
    guardian = await t.signup('GUARDIAN');
    caregiver = await approvedCaregiver(t);
    const reservation = await reservationUpTo(t, clock, guardian, caregiver);
    const created = await call('POST', '/reviews', guardian, { reservationId: reservation, rating: 4, content: CONTENT });
    expect(created.statusCode, created.body).toBe(201);
    reviewId = (created.json() as { id: string }).id;
    await t.settle();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("audits an admin's edit and deletion of someone's review, not the author's own", async () => {
    expect((await call('PATCH', `/reviews/${reviewId}`, guardian, { rating: 5 })).statusCode).toBe(200);
    expect((await call('PATCH', `/reviews/${reviewId}`, admin, { content: '관리자가 수정한 후기 내용입니다.' })).statusCode).toBe(200);
    expect((await call('DELETE', `/reviews/${reviewId}`, admin)).statusCode).toBe(204);
    const log = (await call('GET', '/admin/audit-log?action=review.', admin)).json() as { items: { action: string; resourceId: string; actorId: string; details: unknown }[] };
    expect(log.items.map((e) => [e.action, e.resourceId, e.actorId])).toEqual([
      ['review.delete', reviewId, admin.userId],
      ['review.update', reviewId, admin.userId],
    ]);
    expect(log.items[0]?.details).toMatchObject({ guardianId: guardian.userId, caregiverUserId: caregiver.userId, rating: 5 });
  });

  it('lists the review on both users, written by one and about the other, deleted ones included', async () => {
    const ofGuardian = (await call('GET', `/admin/users/${guardian.userId}`, admin)).json();
    expect(ofGuardian.reviews).toEqual([{ id: reviewId, reservationId: expect.any(String), rating: 5, written: true, createdAt: expect.any(String), deletedAt: expect.any(String) }]);
    expect(ofGuardian.auditTrail.map((e: { action: string }) => e.action)).toEqual(['review.delete', 'review.update']);
    const ofCaregiver = (await call('GET', `/admin/users/${caregiver.userId}`, admin)).json();
    expect(ofCaregiver.reviews).toMatchObject([{ id: reviewId, written: false }]);
    expect(ofCaregiver.payments).toEqual([]);
  });

  it("shows the caregiver's settlements and the commission in the stats after a run", async () => {
    clock.set('2026-12-20T00:00:00Z');
    const run = await call('POST', '/admin/settlements/runs', admin, { periodStart: '2026-12-01T00:00:00+09:00', periodEnd: '2026-12-20T00:00:00+09:00' });
    expect(run.statusCode, run.body).toBeLessThan(300);
    const detail = (await call('GET', `/admin/users/${caregiver.userId}`, admin)).json();
    expect(detail.settlements).toHaveLength(1);
    const commission = detail.settlements[0].commissionAmount as number;
    expect(commission).toBeGreaterThan(0);
    const stats = (await call('GET', '/admin/stats?from=2026-12-01&to=2026-12-20&granularity=week', admin)).json();
    expect(stats.periodTotals.commissionAmount).toBe(commission);
    expect(stats.series.filter((b: { commissionAmount: number }) => b.commissionAmount > 0)).toHaveLength(1);
    const guardianDetail = (await call('GET', `/admin/users/${guardian.userId}`, admin)).json();
    expect(guardianDetail.settlements).toEqual([]);
  });
});
