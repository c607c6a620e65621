import { describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { DAY } from '../payments/support.ts';
import { allPages, getAs, kst, useAdminWorld, SECRET_CONDITION, SECRET_MESSAGE, SECRET_NOTES, type AdminWorld } from './support.ts';

// GET /admin/reservations and GET /admin/payments over HTTP with the real modules: access, filters,
// keyset pagination, what an item shows (and what it must not), and 400s for bad query parameters.

describe.each(databaseKinds())('admin lists on %s', (kind) => {
  let t: TestApp;
  let w: AdminWorld;
  useAdminWorld(kind, (app, world) => ([t, w] = [app, world]));

  const ids = (response: { json(): unknown }) => (response.json() as { items: { id: string }[] }).items.map((item) => item.id);
  const allReservations = () => [w.withHealthDetails.id, w.requested.reservationId, w.awaitingPayment.reservationId, w.halfRefund.reservationId, w.fullRefund.reservationId];
  const allPayments = () => [w.awaitingPayment.paymentId, w.halfRefund.paymentId, w.fullRefund.paymentId];

  describe.each(['/admin/reservations', '/admin/payments', '/admin/stats'])('%s access', (path) => {
    it('answers 401 problem+json to anonymous callers', async () => {
      const response = await getAs(t, undefined, path);
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toBe('AUTHENTICATION_REQUIRED');
    });

    it('answers 403 to guardians and caregivers', async () => {
      for (const user of [w.guardians[0], w.caregivers[0].caregiver]) {
        const response = await getAs(t, user, path);
        expect([response.statusCode, response.json().code]).toEqual([403, 'FORBIDDEN']);
      }
    });
  });

  describe('GET /admin/reservations', () => {
    it('lists every reservation, newest booking first', async () => {
      const response = await getAs(t, w.admin, '/admin/reservations');
      expect(response.statusCode).toBe(200);
      expect(ids(response)).toEqual(allReservations());
      expect(response.json().nextCursor).toBeNull();
    });

    it('pages with the cursor without losing or repeating an item', async () => {
      const pages = await allPages(t, w.admin, '/admin/reservations', {}, 2);
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(pages.flat().map((item) => item.id)).toEqual(allReservations());
      const filtered = await allPages(t, w.admin, '/admin/reservations', { status: 'CANCELLED' }, 1);
      expect(filtered.flat().map((item) => item.id)).toEqual([w.halfRefund.reservationId, w.fullRefund.reservationId]);
    });

    it('filters by status (repeatable), caregiver, guardian and start time, combined with AND', async () => {
      const get = (query: Record<string, string | string[]>) => getAs(t, w.admin, '/admin/reservations', query);
      expect(ids(await get({ status: 'REQUESTED' }))).toEqual([w.withHealthDetails.id, w.requested.reservationId]);
      expect(ids(await get({ status: ['ACCEPTED', 'CANCELLED'] }))).toEqual([w.awaitingPayment.reservationId, w.halfRefund.reservationId, w.fullRefund.reservationId]);
      expect(ids(await get({ caregiverId: w.caregivers[1].caregiverId }))).toEqual([w.awaitingPayment.reservationId, w.halfRefund.reservationId]);
      expect(ids(await get({ guardianId: w.guardians[0].userId }))).toEqual([w.withHealthDetails.id, w.awaitingPayment.reservationId, w.fullRefund.reservationId]);
      expect(ids(await get({ guardianId: w.guardians[0].userId, status: 'CANCELLED' }))).toEqual([w.fullRefund.reservationId]);
      // startAt in [from, to): the 48-hour booking alone starts within the next 5 days.
      const in5Days = kst(new Date(Date.now() + 5 * DAY));
      expect(ids(await get({ to: in5Days }))).toEqual([w.halfRefund.reservationId]);
      expect(ids(await get({ from: in5Days }))).toEqual(allReservations().filter((id) => id !== w.halfRefund.reservationId));
      // Half-open: from = a startAt includes it, to = that startAt excludes it.
      const start = (await getAs(t, w.admin, `/reservations/${w.requested.reservationId}`)).json().startAt as string;
      expect(ids(await get({ from: start, to: kst(new Date(new Date(start).getTime() + DAY)) }))).toEqual([w.requested.reservationId]);
      expect(ids(await get({ from: kst(new Date(new Date(start).getTime() - DAY)), to: start }))).toEqual([]);
      // Ids that match nothing (or are not ids at all) give an empty page, not an error.
      expect(ids(await get({ caregiverId: 'not-a-caregiver' }))).toEqual([]);
      expect(ids(await get({ guardianId: w.caregivers[0].caregiver.userId }))).toEqual([]);
    });

    it("leaves the patient's health details and the request message out of the items", async () => {
      const response = await getAs(t, w.admin, '/admin/reservations', { guardianId: w.guardians[0].userId });
      const item = (response.json() as { items: Record<string, unknown>[] }).items.find((i) => i.id === w.withHealthDetails.id)!;
      expect(item.patient).toEqual({ name: '박순자', birthYear: 1940, gender: 'FEMALE' });
      expect(item).not.toHaveProperty('requestMessage');
      expect(item).toMatchObject({ status: 'REQUESTED', guardianId: w.guardians[0].userId, caregiverId: w.caregivers[0].caregiverId });
      for (const secret of [SECRET_CONDITION, SECRET_NOTES, SECRET_MESSAGE]) expect(response.body).not.toContain(secret);
      // The audited single read still shows them to an admin.
      const one = (await getAs(t, w.admin, `/reservations/${w.withHealthDetails.id}`)).json();
      expect(one.patient).toMatchObject({ conditions: [SECRET_CONDITION], notes: SECRET_NOTES });
    });
  });

  describe('GET /admin/payments', () => {
    it('lists every payment newest first, with who paid whom', async () => {
      const response = await getAs(t, w.admin, '/admin/payments');
      expect(response.statusCode).toBe(200);
      expect(ids(response)).toEqual(allPayments());
      const half = (response.json() as { items: Record<string, unknown>[] }).items.find((i) => i.id === w.halfRefund.paymentId)!;
      expect(half).toEqual({
        id: w.halfRefund.paymentId,
        reservationId: w.halfRefund.reservationId,
        orderId: expect.any(String),
        orderName: expect.any(String),
        amount: w.halfRefund.totalAmount,
        balanceAmount: w.halfRefund.totalAmount - w.halfRefund.refundAmount,
        status: 'PARTIAL_CANCELED',
        method: expect.any(String),
        provider: 'sandbox',
        guardianId: w.guardians[1].userId,
        guardianName: expect.any(String),
        caregiverId: w.caregivers[1].caregiverId,
        caregiverName: expect.any(String),
        approvedAt: expect.stringMatching(/Z$/),
        createdAt: expect.stringMatching(/Z$/),
      });
    });

    it('filters by status, caregiver, guardian and creation time, and pages with the cursor', async () => {
      const get = (query: Record<string, string | string[]>) => getAs(t, w.admin, '/admin/payments', query);
      expect(ids(await get({ status: 'READY' }))).toEqual([w.awaitingPayment.paymentId]);
      expect(ids(await get({ status: ['CANCELED', 'PARTIAL_CANCELED'] }))).toEqual([w.halfRefund.paymentId, w.fullRefund.paymentId]);
      expect(ids(await get({ caregiverId: w.caregivers[0].caregiverId }))).toEqual([w.fullRefund.paymentId]);
      expect(ids(await get({ guardianId: w.guardians[0].userId }))).toEqual([w.awaitingPayment.paymentId, w.fullRefund.paymentId]);
      expect(ids(await get({ guardianId: w.guardians[0].userId, caregiverId: w.caregivers[1].caregiverId }))).toEqual([w.awaitingPayment.paymentId]);
      expect(ids(await get({ from: kst(w.madeAt), to: kst(new Date(Date.now() + DAY)) }))).toEqual(allPayments());
      expect(ids(await get({ to: kst(w.madeAt) }))).toEqual([]);
      const pages = await allPages(t, w.admin, '/admin/payments', {}, 2);
      expect(pages.map((page) => page.length)).toEqual([2, 1]);
      expect(pages.flat().map((item) => item.id)).toEqual(allPayments());
    });
  });

  describe.each(['/admin/reservations', '/admin/payments'])('%s bad query parameters', (path) => {
    const cases: [string, Record<string, string>][] = [
      ['an unknown status', { status: 'PAID_MAYBE' }],
      ['a date without an offset', { from: '2026-12-01T09:00:00' }],
      ['a date that is not one', { to: 'tomorrow' }],
      ['to before from', { from: '2026-12-02T00:00:00+09:00', to: '2026-12-01T00:00:00+09:00' }],
      ['to equal to from', { from: '2026-12-01T00:00:00+09:00', to: '2026-12-01T00:00:00+09:00' }],
      ['limit 0', { limit: '0' }],
      ['limit 101', { limit: '101' }],
      ['a limit that is not a number', { limit: 'many' }],
      ['a cursor not from the list', { cursor: 'bm90LWEtY3Vyc29y' }],
      ['an unknown parameter', { statuss: 'REQUESTED' }],
    ];
    it.each(cases)('answers 400 problem+json for %s', async (_, query) => {
      const response = await getAs(t, w.admin, path, query);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', type: expect.any(String), title: expect.any(String) });
    });
  });
});
