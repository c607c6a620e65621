import { describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { call } from '../payments/support.ts';
import { getAs, useAdminWorld, type AdminWorld } from './support.ts';

// Every admin action leaves an audit row (in the transaction of the change), and GET /admin/audit-log
// finds them by actor, action (exact or prefix), resource and period, newest first, page by page.

interface Entry {
  id: string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  details: Record<string, unknown>;
  requestId: string | null;
}

describe.each(databaseKinds())('admin audit on %s', (kind) => {
  let t: TestApp;
  let w: AdminWorld;
  useAdminWorld(kind, (app, world) => ([t, w] = [app, world]));

  const log = async (query: Record<string, string> = {}) => {
    const response = await getAs(t, w.admin, '/admin/audit-log', query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Entry[]; nextCursor: string | null };
  };

  it('records every admin action and read, with the request id', async () => {
    // Approve the pending caregiver (from the review queue).
    const queue = (await getAs(t, w.admin, '/admin/caregivers', { status: 'PENDING' })).json() as { items: { id: string }[] };
    const pendingId = queue.items[0]?.id ?? '';
    expect((await call(t, { method: 'POST', url: `/api/v1/admin/caregivers/${pendingId}/approve`, headers: w.admin.auth, payload: {} })).statusCode).toBe(200);
    // Read a patient's details, someone's payment, a user's detail.
    expect((await getAs(t, w.admin, `/reservations/${w.withHealthDetails.id}`)).statusCode).toBe(200);
    expect((await getAs(t, w.admin, `/payments/${w.fullRefund.paymentId}`)).statusCode).toBe(200);
    expect((await getAs(t, w.admin, `/admin/users/${w.guardians[1].userId}`)).statusCode).toBe(200);
    // Cancel a reservation as admin.
    const cancelled = await call(t, {
      method: 'POST',
      url: `/api/v1/reservations/${w.awaitingPayment.reservationId}/cancel`,
      headers: w.admin.auth,
      payload: { reason: '운영자 취소: 중복 예약' },
    });
    expect(cancelled.statusCode).toBe(200);
    // The participants' own reads and cancellations are not admin actions: no rows.
    expect((await getAs(t, w.guardians[1], `/payments/${w.halfRefund.paymentId}`)).statusCode).toBe(200);

    const { items } = await log({ actorId: w.admin.userId });
    expect(items.map((e) => e.action)).toEqual([
      'reservation.cancel',
      'user.detail.read',
      'payment.read',
      'reservation.patient.read',
      'caregiver.profile.approve',
    ]);
    for (const entry of items) {
      expect(entry).toMatchObject({ actorId: w.admin.userId, actorRole: 'ADMIN', requestId: expect.any(String) });
      expect(entry.at).toMatch(/Z$/);
    }
    expect(items[0]).toMatchObject({
      resourceType: 'reservation',
      resourceId: w.awaitingPayment.reservationId,
      details: { from: 'ACCEPTED', to: 'CANCELLED', reason: '운영자 취소: 중복 예약', guardianId: w.awaitingPayment.guardian.userId, refundAmount: 0 },
    });
    expect(items[1]).toMatchObject({ resourceType: 'user', resourceId: w.guardians[1].userId });
    expect(items[2]).toMatchObject({ resourceType: 'payment', resourceId: w.fullRefund.paymentId });
    expect(items[4]).toMatchObject({ resourceType: 'caregiver_profile', resourceId: pendingId });
    // Times newest first, never increasing.
    const times = items.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by action (exact or prefix), resource and period', async () => {
    expect((await log({ action: 'reservation.' })).items.map((e) => e.action)).toEqual(['reservation.cancel', 'reservation.patient.read']);
    expect((await log({ action: 'reservation.cancel' })).items).toHaveLength(1);
    expect((await log({ action: 'reservation' })).items).toHaveLength(0);
    expect((await log({ action: 'reservation%' })).items).toHaveLength(0);
    expect((await log({ resourceType: 'payment', resourceId: w.fullRefund.paymentId })).items.map((e) => e.action)).toEqual(['payment.read']);
    expect((await log({ actorId: w.guardians[0].userId })).items).toEqual([]);
    const all = (await log()).items;
    const oldest = all.at(-1) as Entry;
    const newest = all[0] as Entry;
    expect((await log({ from: newest.at })).items.map((e) => e.id)).toEqual(all.filter((e) => e.at >= newest.at).map((e) => e.id));
    expect((await log({ to: oldest.at })).items.every((e) => e.at < oldest.at)).toBe(true);
    expect((await getAs(t, w.admin, '/admin/audit-log', { from: newest.at, to: oldest.at })).statusCode).toBe(400);
  });

  it('pages newest first and is not itself audited', async () => {
    const all = (await log()).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await log({ limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all.map((e) => e.id));
    expect((await log()).items).toHaveLength(all.length);
    const bad = await getAs(t, w.admin, '/admin/audit-log', { cursor: 'not-a-cursor' });
    expect(bad.statusCode).toBe(400);
    expect((await getAs(t, w.admin, '/admin/audit-log', { nope: '1' })).statusCode).toBe(400);
    expect((await getAs(t, w.guardians[0], '/admin/audit-log')).statusCode).toBe(403);
    expect((await getAs(t, undefined, '/admin/audit-log')).statusCode).toBe(401);
  });
});
