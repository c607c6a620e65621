import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESERVATION_EVENTS } from '../../src/modules/reservations/contract.ts';
import { handleOnce } from '../../src/platform/events/inbox.ts';
import { newId } from '../../src/platform/ids.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { acceptedBooking, approvedCaregiver, call, confirm, DAY, HOUR, openPayment, paymentOf, paymentReaches, reservationOf, sandboxPay, type Booking } from './support.ts';

// The whole loop over HTTP with the real modules: book, accept, pay in the sandbox widget, confirm,
// the reservation CONFIRMED by the saga, cancel, the refund by the policy carried out by the provider.

describe.each(databaseKinds())('book, pay, confirm, cancel, refund on %s', (kind) => {
  let t: TestApp;
  let caregiver: Awaited<ReturnType<typeof approvedCaregiver>>;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    caregiver = await approvedCaregiver(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function paidBooking(startsIn: number): Promise<Booking & { paymentId: string }> {
    const booking = await acceptedBooking(t, { caregiver, startsIn });
    const order = await openPayment(t, booking);
    const confirmed = await confirm(t, booking.guardian, await sandboxPay(t, booking.guardian, order.orderId));
    expect(confirmed.statusCode).toBe(200);
    await t.settle();
    expect((await reservationOf(t, booking.guardian, booking.reservationId)).status).toBe('CONFIRMED');
    return { ...booking, paymentId: order.id };
  }

  const cancel = (booking: Booking, by: 'guardian' | 'caregiver') =>
    call(t, { method: 'POST', url: `/api/v1/reservations/${booking.reservationId}/cancel`, headers: booking[by].auth, payload: { reason: '일정이 바뀌었습니다' } });

  it('refunds half when the guardian cancels between 72 h and 24 h before the start', async () => {
    const booking = await paidBooking(48 * HOUR);
    const cancelled = await cancel(booking, 'guardian');
    expect(cancelled.statusCode).toBe(200);
    const refund = cancelled.json().refundAmount as number;
    expect(refund).toBe(Math.floor(booking.totalAmount / 2));

    const payment = await paymentReaches(t, booking.guardian, booking.paymentId, 'PARTIAL_CANCELED');
    expect(payment).toMatchObject({
      amount: booking.totalAmount,
      balanceAmount: booking.totalAmount - refund,
      cancels: [{ amount: refund, reason: expect.stringContaining('예약 취소 환불'), at: expect.stringMatching(/Z$/) }],
    });
    // The payee sees the same.
    expect((await paymentOf(t, booking.caregiver, booking.paymentId)).balanceAmount).toBe(booking.totalAmount - refund);
    expect(await t.modules.payments.api.settledAmounts(booking.reservationId)).toEqual({ paid: booking.totalAmount, refunded: refund });
    const atProvider = await t.modules.payments.provider.getPaymentByOrderId(payment.orderId as string);
    expect(atProvider?.cancels).toHaveLength(1);
  });

  it('refunds everything when the caregiver cancels a paid reservation', async () => {
    const booking = await paidBooking(30 * DAY);
    const cancelled = await cancel(booking, 'caregiver');
    expect([cancelled.statusCode, cancelled.json().refundAmount]).toEqual([200, booking.totalAmount]);
    const payment = await paymentReaches(t, booking.guardian, booking.paymentId, 'CANCELED');
    expect(payment).toMatchObject({ balanceAmount: 0, cancels: [{ amount: booking.totalAmount }] });
  });

  it('refunds once, however often the cancellation is delivered', async () => {
    const booking = await paidBooking(40 * DAY);
    const cancelled = await cancel(booking, 'guardian');
    expect(cancelled.json().refundAmount).toBe(booking.totalAmount); // >= 72 h before: everything
    await paymentReaches(t, booking.guardian, booking.paymentId, 'CANCELED');

    // The same fact again under a new event id (a republished outbox row after a crash, say).
    const consumer = t.modules.payments.consumers?.find((c) => c.types.includes(RESERVATION_EVENTS.cancelled.type));
    const again = RESERVATION_EVENTS.cancelled.of(booking.reservationId, {
      reservationId: booking.reservationId,
      status: 'CANCELLED',
      guardianId: booking.guardian.userId,
      caregiverId: booking.caregiverId,
      caregiverUserId: booking.caregiver.userId,
      caregiverName: '김간병',
      startAt: new Date().toISOString(),
      endAt: new Date().toISOString(),
      totalAmount: booking.totalAmount,
      cancelledBy: 'GUARDIAN',
      refundAmount: booking.totalAmount,
      reason: 'again',
      paid: true,
    });
    const event = { ...again, id: newId(), occurredAt: new Date().toISOString() };
    expect(await handleOnce(t.platform, consumer!, event)).toBe('handled');
    await t.modules.payments.useCases.processDueRefunds({ ignoreLease: true });
    const payment = await paymentOf(t, booking.guardian, booking.paymentId);
    expect(payment.cancels).toHaveLength(1);
    expect((await t.modules.payments.provider.getPaymentByOrderId(payment.orderId as string))?.cancels).toHaveLength(1);
  });

  it('charges nothing for a reservation cancelled before its payment was confirmed', async () => {
    const booking = await acceptedBooking(t, { caregiver, startsIn: 50 * DAY });
    const order = await openPayment(t, booking);
    const redirect = await sandboxPay(t, booking.guardian, order.orderId);
    expect((await cancel(booking, 'guardian')).json()).toMatchObject({ status: 'CANCELLED', refundAmount: 0 });
    const late = await confirm(t, booking.guardian, redirect);
    expect([late.statusCode, late.json().code]).toEqual([409, 'RESERVATION_NOT_PAYABLE']);
    expect((await t.modules.payments.provider.getPaymentByOrderId(order.orderId))?.status).toBe('IN_PROGRESS');
  });
});
