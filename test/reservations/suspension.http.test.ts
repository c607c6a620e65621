import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { acceptedBooking, approvedCaregiver, call, confirm, DAY, eventually, openPayment, reservationOf, sandboxPay, type Booking } from '../payments/support.ts';

// What a suspension does to open reservations (consumer reservations.account-suspended, decision 0017):
// a caregiver's REQUESTED are rejected, ACCEPTED (unpaid) cancelled; a guardian's REQUESTED and ACCEPTED
// cancelled; CONFIRMED ones are left for the admin. The normal events follow (notifications, busy slots).

describe.each(databaseKinds())('reservations of a suspended user on %s', (kind) => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ kind });
    admin = await t.signup('ADMIN');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const confirmed = async (booking: Booking) => {
    const order = await openPayment(t, booking);
    expect((await confirm(t, booking.guardian, await sandboxPay(t, booking.guardian, order.orderId))).statusCode).toBe(200);
    await t.settle();
    expect((await reservationOf(t, booking.guardian, booking.reservationId)).status).toBe('CONFIRMED');
  };
  const suspend = async (user: TestUser) => {
    const res = await call(t, { method: 'POST', url: `/api/v1/admin/users/${user.userId}/suspend`, headers: admin.auth, payload: { reason: '신고 누적' } });
    expect(res.statusCode).toBe(200);
    await t.settle();
  };
  const statusOf = async (booking: Booking) => reservationOf(t, admin, booking.reservationId);

  it("rejects a suspended caregiver's requests, cancels the accepted ones and leaves confirmed ones", async () => {
    const caregiver = await approvedCaregiver(t);
    const requested = await acceptedBooking(t, { caregiver, startsIn: 10 * DAY, accept: false });
    const accepted = await acceptedBooking(t, { caregiver, startsIn: 12 * DAY });
    const paid = await acceptedBooking(t, { caregiver, startsIn: 14 * DAY });
    await confirmed(paid);

    await suspend(caregiver.caregiver);

    // Events are handled after the answer; a consumer retried after a transient error lands a moment later.
    await eventually(async () => expect(await statusOf(requested)).toMatchObject({ status: 'REJECTED', rejectionReason: 'caregiver account suspended' }));
    expect(await statusOf(accepted)).toMatchObject({ status: 'CANCELLED', cancelReason: 'caregiver account suspended', cancelledBy: 'ADMIN' });
    expect((await statusOf(paid)).status).toBe('CONFIRMED');
    const listed = await call(t, { method: 'GET', url: `/api/v1/admin/reservations?caregiverId=${caregiver.caregiverId}&status=CONFIRMED`, headers: admin.auth });
    expect((listed.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([paid.reservationId]);

    // The normal reservation events were written (notifications and busy slots follow them).
    const events = await sql<{ type: string; aggregate_id: string }>`
      SELECT type, aggregate_id FROM platform.outbox WHERE type IN ('reservation.rejected.v1', 'reservation.cancelled.v1') ORDER BY seq`.execute(t.platform.database.db);
    expect(events.rows).toEqual(
      expect.arrayContaining([
        { type: 'reservation.rejected.v1', aggregate_id: requested.reservationId },
        { type: 'reservation.cancelled.v1', aggregate_id: accepted.reservationId },
      ]),
    );
  });

  it("cancels a suspended guardian's requested and accepted reservations and leaves confirmed ones", async () => {
    const guardian = await t.signup('GUARDIAN');
    const requested = await acceptedBooking(t, { guardian, startsIn: 10 * DAY, accept: false });
    const accepted = await acceptedBooking(t, { guardian, startsIn: 12 * DAY });
    const paid = await acceptedBooking(t, { guardian, startsIn: 14 * DAY });
    await confirmed(paid);

    await suspend(guardian);

    await eventually(async () => expect(await statusOf(requested)).toMatchObject({ status: 'CANCELLED', cancelReason: 'guardian account suspended', cancelledBy: 'ADMIN' }));
    expect(await statusOf(accepted)).toMatchObject({ status: 'CANCELLED', cancelReason: 'guardian account suspended' });
    expect((await statusOf(paid)).status).toBe('CONFIRMED');
    // The caregivers' time is free again for the cancelled ones (busy slots follow the events).
    const busyUrl = `/api/v1/caregivers/${accepted.caregiverId}/busy?from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 30 * DAY).toISOString())}`;
    await eventually(async () => expect((await call(t, { method: 'GET', url: busyUrl })).json()).toEqual([]));
  });
});
