import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentsModule } from '../../src/modules/payments/index.ts';
import { createTossProvider } from '../../src/modules/payments/providers/toss.ts';
import { startFakeToss, type FakeToss } from '../fakes/toss-server.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { acceptedBooking, approvedCaregiver, call, confirm, DAY, openPayment, paymentOf, paymentReaches, problemOf, reservationOf, type Booking } from './support.ts';

// The Toss provider wired end to end: the whole app with PAYMENT_PROVIDER=toss against the local Toss
// server (test/fakes/toss-server.ts), which counts every approval (`charges`) and every request.

const tossEnv = (fake: FakeToss) => ({ PAYMENT_PROVIDER: 'toss', TOSS_SECRET_KEY: fake.secretKey, TOSS_CLIENT_KEY: 'test_ck_fake_client', TOSS_API_URL: fake.url });

describe('payments with the Toss provider', () => {
  let fake: FakeToss;
  let t: TestApp;
  let caregiver: Awaited<ReturnType<typeof approvedCaregiver>>;
  let day = 5;
  beforeAll(async () => {
    fake = await startFakeToss();
    t = await startTestApp({ env: tossEnv(fake) });
    caregiver = await approvedCaregiver(t);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const book = () => acceptedBooking(t, { caregiver, startsIn: (day += 2) * DAY });
  /** Opens the order and plays the payer in Toss's widget. */
  async function authorised(booking: Booking, card: 'ok' | 'declined' = 'ok') {
    const order = await openPayment(t, booking);
    const paymentKey = fake.createPendingPayment({ orderId: order.orderId, amount: order.amount, card });
    return { order, redirect: { paymentKey, orderId: order.orderId, amount: order.amount } };
  }
  const chargesOf = (orderId: string) => fake.charges.filter((c) => c.orderId === orderId);
  const requestsTo = (path: string) => fake.requests.filter((r) => r.path === path);

  it('has no sandbox checkout, and hands out the Toss client key', async () => {
    const booking = await book();
    const opened = await call(t, { method: 'POST', url: '/api/v1/payments', headers: booking.guardian.auth, payload: { reservationId: booking.reservationId } });
    expect(opened.json()).toMatchObject({ provider: 'toss', clientKey: 'test_ck_fake_client', status: 'READY' });
    const sandbox = await call(t, { method: 'POST', url: '/api/v1/payments/sandbox/checkout', headers: booking.guardian.auth, payload: { orderId: opened.json().orderId, outcome: 'success' } });
    expect(problemOf(sandbox)).toEqual({ status: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('confirms with Toss under the order\'s Idempotency-Key; the reservation is CONFIRMED', async () => {
    const booking = await book();
    const { order, redirect } = await authorised(booking);
    const confirmed = await confirm(t, booking.guardian, redirect);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'DONE', method: '카드', receiptUrl: expect.stringMatching(/^https:\/\/dashboard\.tosspayments\.com\//) });
    const sent = requestsTo('/v1/payments/confirm').filter((r) => (r.body as { orderId: string }).orderId === order.orderId);
    expect(sent.map((r) => [r.headers['idempotency-key'], r.body])).toEqual([[`confirm-${order.orderId}`, redirect]]);
    expect(chargesOf(order.orderId)).toHaveLength(1);
    await t.settle();
    expect((await reservationOf(t, booking.guardian, booking.reservationId)).status).toBe('CONFIRMED');
  });

  it('answers a decline with 402 and Toss\'s code; an amount mismatch never reaches Toss', async () => {
    const booking = await book();
    const { order, redirect } = await authorised(booking, 'declined');
    const before = fake.requests.length;
    expect(problemOf(await confirm(t, booking.guardian, { ...redirect, amount: redirect.amount + 10 }))).toEqual({ status: 400, code: 'AMOUNT_MISMATCH' });
    expect(fake.requests.length).toBe(before);
    expect(problemOf(await confirm(t, booking.guardian, redirect))).toEqual({ status: 402, code: 'PAYMENT_REJECTED', providerCode: 'REJECT_CARD_PAYMENT' });
    expect(chargesOf(order.orderId)).toEqual([]);
  });

  it('after 5xx from Toss answers 503, and the retried confirm charges once', async () => {
    const booking = await book();
    const { order, redirect } = await authorised(booking);
    // Normal traffic around the outage, so three failures alone do not open the circuit (tested below).
    for (let i = 0; i < 6; i++) await t.modules.payments.provider.getPaymentByOrderId(order.orderId);
    fake.failNext(3, 500); // the first attempt and both retries; the reconciling read then finds no approval
    expect(problemOf(await confirm(t, booking.guardian, redirect))).toEqual({ status: 503, code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
    expect((await paymentOf(t, booking.guardian, order.id)).status).toBe('IN_PROGRESS');
    expect(requestsTo(`/v1/payments/orders/${order.orderId}`)).toHaveLength(6 + 1); // the padding, then the reconciling read

    const retried = await confirm(t, booking.guardian, redirect);
    expect([retried.statusCode, retried.json().status]).toEqual([200, 'DONE']);
    expect(chargesOf(order.orderId)).toHaveLength(1);
  });

  it('takes a slow answer within the timeout', async () => {
    const booking = await book();
    const { order, redirect } = await authorised(booking);
    fake.delayNext(1_500);
    const confirmed = await confirm(t, booking.guardian, redirect);
    expect([confirmed.statusCode, confirmed.json().status]).toEqual([200, 'DONE']);
    expect(chargesOf(order.orderId)).toHaveLength(1);
  });

  it('reconciles a confirm whose answer timed out by reading the order: DONE, charged once', async () => {
    // The same module on the same app, with a Toss client that gives up after 200 ms and never retries.
    const impatient = createTossProvider({ secretKey: fake.secretKey, apiUrl: fake.url, timeoutMs: 200, retries: 0 });
    const payments = createPaymentsModule(t.platform, { reservations: t.modules.reservations.api, provider: impatient });
    try {
      const booking = await book();
      const { order, redirect } = await authorised(booking);
      fake.delayNext(600); // Toss approves at once, but its answer comes after our timeout
      const view = await payments.useCases.confirmPayment(booking.guardian.userId, redirect);
      expect(view).toMatchObject({ id: order.id, status: 'DONE' });
      expect(requestsTo(`/v1/payments/orders/${order.orderId}`)).toHaveLength(1);
      expect(chargesOf(order.orderId)).toHaveLength(1);
      await t.settle();
      expect((await reservationOf(t, booking.guardian, booking.reservationId)).status).toBe('CONFIRMED');
    } finally {
      impatient.close();
    }
  });

  it('reconciles ALREADY_PROCESSED_PAYMENT by reading the order, never charging again', async () => {
    const booking = await book();
    const { order, redirect } = await authorised(booking);
    // An earlier confirm reached Toss under another key (its answer lost): Toss already approved it.
    await t.modules.payments.provider.confirm({ ...redirect, idempotencyKey: 'lost-answer' });
    const confirmed = await confirm(t, booking.guardian, redirect);
    expect([confirmed.statusCode, confirmed.json().status]).toEqual([200, 'DONE']);
    expect(chargesOf(order.orderId)).toHaveLength(1);
  });

  describe('webhooks', () => {
    let hookUrl: string;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      hookUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/payments/webhooks/toss`;
    });

    it('re-reads the payment from Toss and stores what Toss says, not what the body says', async () => {
      const booking = await book();
      const { order, redirect } = await authorised(booking);
      await confirm(t, booking.guardian, redirect);
      // Refunded in Toss's dashboard: only the webhook tells us.
      await t.modules.payments.provider.cancel({ paymentKey: redirect.paymentKey, cancelReason: '관리자 환불', cancelAmount: 10_000, idempotencyKey: 'dashboard-1' });
      expect(await fake.sendWebhook(hookUrl, redirect.paymentKey)).toBe(200);
      expect(await paymentOf(t, booking.guardian, order.id)).toMatchObject({
        status: 'PARTIAL_CANCELED',
        balanceAmount: order.amount - 10_000,
        cancels: [{ amount: 10_000, reason: '관리자 환불' }],
      });
      // Toss retries: the same state again changes nothing.
      expect(await fake.sendWebhook(hookUrl, redirect.paymentKey)).toBe(200);
      expect((await paymentOf(t, booking.guardian, order.id)).cancels).toHaveLength(1);

      // A forged body claiming a full cancel of the same payment: Toss says otherwise, nothing changes.
      const forged = { ...fake.payment(redirect.paymentKey)!, status: 'CANCELED', balanceAmount: 0 };
      expect(await fake.sendWebhook(hookUrl, forged)).toBe(200);
      expect((await paymentOf(t, booking.guardian, order.id)).status).toBe('PARTIAL_CANCELED');
    });

    it('answers 200 for a payment of an unknown order, and 503 while Toss cannot be read', async () => {
      const stray = fake.createPendingPayment({ orderId: 'order-not-ours-1', amount: 5_000 });
      expect(await fake.sendWebhook(hookUrl, stray)).toBe(200);
      fake.failNext(1, 400); // PROVIDER_ERROR: temporary, not retried at once
      expect(await fake.sendWebhook(hookUrl, stray)).toBe(503);
    });
  });

  it('refunds by the policy through Toss, under the refund\'s Idempotency-Key', async () => {
    const booking = await acceptedBooking(t, { caregiver, startsIn: (day += 2) * DAY });
    const { order, redirect } = await authorised(booking);
    await confirm(t, booking.guardian, redirect);
    await t.settle();
    const cancelled = await call(t, { method: 'POST', url: `/api/v1/reservations/${booking.reservationId}/cancel`, headers: booking.caregiver.auth, payload: { reason: '개인 사정' } });
    expect(cancelled.json().refundAmount).toBe(order.amount);
    await paymentReaches(t, booking.guardian, order.id, 'CANCELED');
    const refunds = requestsTo(`/v1/payments/${redirect.paymentKey}/cancel`);
    expect(refunds.map((r) => [r.headers['idempotency-key'], (r.body as { cancelAmount: number }).cancelAmount])).toEqual([[`refund-${booking.reservationId}`, order.amount]]);
  });

  it('refunds in full a payment that arrived after its reservation ended', async () => {
    const booking = await book();
    const { order, redirect } = await authorised(booking);
    fake.failNext(1, 400); // Toss: "temporary error", nothing approved
    expect(problemOf(await confirm(t, booking.guardian, redirect))).toEqual({ status: 503, code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
    // Meanwhile the guardian cancels the unpaid reservation...
    const cancelled = await call(t, { method: 'POST', url: `/api/v1/reservations/${booking.reservationId}/cancel`, headers: booking.guardian.auth, payload: { reason: '취소' } });
    expect(cancelled.json()).toMatchObject({ status: 'CANCELLED', refundAmount: 0 });
    // ...and then the payer's retry goes through: the money is taken, and the saga gives it all back.
    const late = await confirm(t, booking.guardian, redirect);
    expect([late.statusCode, late.json().status]).toEqual([200, 'DONE']);
    const payment = await paymentReaches(t, booking.guardian, order.id, 'CANCELED');
    expect(payment).toMatchObject({ balanceAmount: 0, cancels: [{ amount: order.amount }] });
    expect(requestsTo(`/v1/payments/${redirect.paymentKey}/cancel`).map((r) => r.headers['idempotency-key'])).toEqual([`refund-orphan-${order.id}`]);
    expect((await reservationOf(t, booking.guardian, booking.reservationId)).status).toBe('CANCELLED');
    expect(chargesOf(order.orderId)).toHaveLength(1);
  });
});

describe('payments while Toss is down', () => {
  it('opens the circuit and answers 503 at once, without calling Toss, charging nothing', async () => {
    const fake = await startFakeToss();
    const t = await startTestApp({ env: tossEnv(fake) });
    try {
      const booking = await acceptedBooking(t, { startsIn: 20 * DAY });
      const order = await openPayment(t, booking);
      const redirect = { paymentKey: fake.createPendingPayment({ orderId: order.orderId, amount: order.amount }), orderId: order.orderId, amount: order.amount };
      fake.failNext(100, 503);
      expect(problemOf(await confirm(t, booking.guardian, redirect))).toEqual({ status: 503, code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
      const seen = fake.requests.length;
      const started = Date.now();
      expect(problemOf(await confirm(t, booking.guardian, redirect))).toEqual({ status: 503, code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(fake.requests.length).toBe(seen);
      expect(fake.charges).toEqual([]);
    } finally {
      await t.close();
      await fake.close();
    }
  });
});
