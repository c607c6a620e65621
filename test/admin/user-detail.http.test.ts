import { describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { getAs, SECRET_CONDITION, useAdminWorld, type AdminWorld } from './support.ts';

// GET /admin/users/:id: the account with its latest reservations, payments, reviews, settlements and
// audit trail, each read from the module that owns it; the read itself is audited.

describe.each(databaseKinds())('GET /admin/users/:id on %s', (kind) => {
  let t: TestApp;
  let w: AdminWorld;
  useAdminWorld(kind, (app, world) => ([t, w] = [app, world]));

  it("shows a guardian's reservations and payments, newest first, without health details", async () => {
    const guardian = w.guardians[0];
    // An admin read of the patient's details: it shows in the guardian's trail.
    expect((await getAs(t, w.admin, `/reservations/${w.withHealthDetails.id}`)).statusCode).toBe(200);
    const response = await getAs(t, w.admin, `/admin/users/${guardian.userId}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ id: guardian.userId, email: guardian.email, role: 'GUARDIAN', status: 'ACTIVE' });
    expect(body.reservations.map((r: { id: string }) => r.id)).toEqual([w.withHealthDetails.id, w.awaitingPayment.reservationId, w.fullRefund.reservationId]);
    expect(body.reservations[2]).toEqual({
      id: w.fullRefund.reservationId,
      status: 'CANCELLED',
      startAt: expect.stringMatching(/Z$/),
      endAt: expect.stringMatching(/Z$/),
      totalAmount: w.fullRefund.totalAmount,
      guardianId: guardian.userId,
      caregiverId: w.caregivers[0].caregiverId,
      caregiverName: expect.any(String),
      createdAt: expect.stringMatching(/Z$/),
    });
    expect(body.payments).toEqual([
      { id: w.awaitingPayment.paymentId, reservationId: w.awaitingPayment.reservationId, status: 'READY', amount: w.awaitingPayment.totalAmount, balanceAmount: w.awaitingPayment.totalAmount, approvedAt: null },
      { id: w.fullRefund.paymentId, reservationId: w.fullRefund.reservationId, status: 'CANCELED', amount: w.fullRefund.totalAmount, balanceAmount: 0, approvedAt: expect.stringMatching(/Z$/) },
    ]);
    expect(body.reviews).toEqual([]);
    expect(body.settlements).toEqual([]);
    expect(body.auditTrail.map((e: { action: string }) => e.action)).toEqual(['reservation.patient.read']);
    expect(response.body).not.toContain(SECRET_CONDITION);
  });

  it("shows a caregiver's bookings and audits each read, which then shows in the trail", async () => {
    const { caregiver } = w.caregivers[0];
    const first = (await getAs(t, w.admin, `/admin/users/${caregiver.userId}`)).json();
    expect(first.user).toMatchObject({ id: caregiver.userId, role: 'CAREGIVER' });
    expect(first.reservations.map((r: { id: string }) => r.id).sort()).toEqual(
      [w.withHealthDetails.id, w.requested.reservationId, w.fullRefund.reservationId].sort(),
    );
    expect(first.payments).toEqual([]);
    expect(first.settlements).toEqual([]);
    const second = (await getAs(t, w.admin, `/admin/users/${caregiver.userId}`)).json();
    expect(second.auditTrail[0]).toMatchObject({
      action: 'user.detail.read',
      actorId: w.admin.userId,
      resourceType: 'user',
      resourceId: caregiver.userId,
      requestId: expect.any(String),
    });
  });

  it('answers 404 USER_NOT_FOUND for an unknown or malformed id, 403 to others', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nobody']) {
      const response = await getAs(t, w.admin, `/admin/users/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('USER_NOT_FOUND');
    }
    expect((await getAs(t, w.guardians[0], `/admin/users/${w.guardians[1].userId}`)).statusCode).toBe(403);
    const trail = (await getAs(t, w.admin, '/admin/audit-log', { action: 'user.detail.read' })).json();
    expect(trail.items.every((e: { resourceId: string }) => e.resourceId !== 'nobody')).toBe(true);
  });
});
