import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import {
  acceptedBooking,
  approvedCaregiver,
  call,
  confirm,
  openPayment,
  paymentOf,
  problemOf,
  sandboxPay,
} from './support.ts';

// Every payments route over HTTP with the sandbox provider (the embedded default).

describe.each(databaseKinds())('payments over HTTP (sandbox) on %s', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let stranger: TestUser;
  let caregiver: Awaited<ReturnType<typeof approvedCaregiver>>;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    admin = await t.signup('ADMIN');
    stranger = await t.signup('GUARDIAN');
    caregiver = await approvedCaregiver(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  // One caregiver for the whole file, so every booking gets its own day.
  let day = 5;
  const book = (guardian?: TestUser) => acceptedBooking(t, { caregiver, ...(guardian ? { guardian } : {}), startsIn: (day += 2) * 86_400_000 });

  it('opens one READY order per reservation, priced by the server, for its guardian only', async () => {
    const booking = await book();
    const first = await call(t, { method: 'POST', url: '/api/v1/payments', headers: booking.guardian.auth, payload: { reservationId: booking.reservationId } });
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({
      reservationId: booking.reservationId,
      orderId: expect.stringMatching(/^[A-Za-z0-9_-]{6,64}$/),
      orderName: expect.any(String),
      amount: booking.totalAmount,
      clientKey: expect.stringMatching(/^test_ck_sandbox/),
      provider: 'sandbox',
      status: 'READY',
    });
    expect(body.customerKey).not.toContain(booking.guardian.userId);

    const again = await call(t, { method: 'POST', url: '/api/v1/payments', headers: booking.guardian.auth, payload: { reservationId: booking.reservationId } });
    expect([again.statusCode, again.json().id, again.json().orderId]).toEqual([200, body.id, body.orderId]);

    // The guardian's customerKey is stable across orders.
    const second = await openPayment(t, await book(booking.guardian));
    const other = await call(t, { method: 'GET', url: `/api/v1/payments/${second.id}`, headers: booking.guardian.auth });
    expect(other.statusCode).toBe(200);
    const reopened = await call(t, { method: 'POST', url: '/api/v1/payments', headers: booking.guardian.auth, payload: { reservationId: booking.reservationId } });
    expect(reopened.json().customerKey).toBe(body.customerKey);
  });

  it('refuses foreign, unknown and unpayable reservations, and amounts sent by the client', async () => {
    const booking = await book();
    const open = (user: TestUser, payload: object) => call(t, { method: 'POST', url: '/api/v1/payments', headers: user.auth, payload });
    expect(problemOf(await open(stranger, { reservationId: booking.reservationId }))).toEqual({ status: 404, code: 'RESERVATION_NOT_FOUND' });
    expect(problemOf(await open(booking.guardian, { reservationId: '00000000-0000-7000-8000-000000000000' }))).toEqual({ status: 404, code: 'RESERVATION_NOT_FOUND' });
    expect(problemOf(await open(booking.guardian, { reservationId: 'not-an-id' }))).toEqual({ status: 404, code: 'RESERVATION_NOT_FOUND' });
    expect(problemOf(await open(caregiver.caregiver, { reservationId: booking.reservationId }))).toEqual({ status: 403, code: 'FORBIDDEN' });
    const withAmount = await open(booking.guardian, { reservationId: booking.reservationId, amount: 100 });
    expect(withAmount.statusCode).toBe(400);
    expect(withAmount.json().errors).toEqual([expect.objectContaining({ field: 'amount', message: 'is not an accepted field' })]);

    const requested = await acceptedBooking(t, { caregiver, accept: false, startsIn: (day += 2) * 86_400_000 });
    expect(problemOf(await open(requested.guardian, { reservationId: requested.reservationId }))).toEqual({ status: 409, code: 'RESERVATION_NOT_PAYABLE' });
  });

  it('confirms a paid order: DONE, the reservation CONFIRMED, readable by payer, payee and admins only', async () => {
    const booking = await book();
    const order = await openPayment(t, booking);
    const redirect = await sandboxPay(t, booking.guardian, order.orderId);
    expect(redirect).toEqual({ paymentKey: expect.stringMatching(/^sandbox_/), orderId: order.orderId, amount: booking.totalAmount });

    const confirmed = await confirm(t, booking.guardian, redirect);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ id: order.id, status: 'DONE', method: '카드', approvedAt: expect.stringMatching(/Z$/), receiptUrl: null });

    await t.settle();
    const reservation = await call(t, { method: 'GET', url: `/api/v1/reservations/${booking.reservationId}`, headers: booking.guardian.auth });
    expect(reservation.json().status).toBe('CONFIRMED');

    for (const user of [booking.guardian, booking.caregiver, admin]) {
      expect(await paymentOf(t, user, order.id)).toMatchObject({
        id: order.id,
        reservationId: booking.reservationId,
        orderId: order.orderId,
        amount: booking.totalAmount,
        status: 'DONE',
        balanceAmount: booking.totalAmount,
        cancels: [],
      });
    }
    const otherCaregiver = await t.signup('CAREGIVER');
    for (const [user, id] of [[stranger, order.id], [otherCaregiver, order.id], [booking.guardian, '00000000-0000-7000-8000-000000000000'], [booking.guardian, 'nope']] as const) {
      expect(problemOf(await call(t, { method: 'GET', url: `/api/v1/payments/${id}`, headers: user.auth }))).toEqual({ status: 404, code: 'PAYMENT_NOT_FOUND' });
    }

    // Confirming again with the same redirect answers the stored result, charging nothing more.
    const again = await confirm(t, booking.guardian, redirect);
    expect([again.statusCode, again.json().status]).toEqual([200, 'DONE']);
    // The paid order cannot be paid again in the widget, nor can the reservation get a new order.
    expect(problemOf(await call(t, { method: 'POST', url: '/api/v1/payments/sandbox/checkout', headers: booking.guardian.auth, payload: { orderId: order.orderId, outcome: 'success' } }))).toEqual({
      status: 409,
      code: 'PAYMENT_NOT_PAYABLE',
    });
    expect(problemOf(await call(t, { method: 'POST', url: '/api/v1/payments', headers: booking.guardian.auth, payload: { reservationId: booking.reservationId } }))).toEqual({
      status: 409,
      code: 'RESERVATION_ALREADY_PAID',
    });
  });

  it('refuses a confirm whose amount is not the order\'s, without calling the provider', async () => {
    const booking = await book();
    const order = await openPayment(t, booking);
    const redirect = await sandboxPay(t, booking.guardian, order.orderId);
    const mismatch = await confirm(t, booking.guardian, { ...redirect, amount: redirect.amount - 1_000 });
    expect(problemOf(mismatch)).toEqual({ status: 400, code: 'AMOUNT_MISMATCH' });
    expect(mismatch.headers['content-type']).toMatch(/^application\/problem\+json/);
    // The provider never saw a confirm: its payment still waits for one, and ours is still READY.
    expect((await t.modules.payments.provider.getPaymentByOrderId(order.orderId))?.status).toBe('IN_PROGRESS');
    expect((await paymentOf(t, booking.guardian, order.id)).status).toBe('READY');
    // Not a number, or no amount at all, is a validation failure.
    expect(problemOf(await confirm(t, booking.guardian, { ...redirect, amount: '1000' as unknown as number }))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('answers 404 for an order of another guardian, in confirm and in the sandbox checkout', async () => {
    const booking = await book();
    const order = await openPayment(t, booking);
    const redirect = await sandboxPay(t, booking.guardian, order.orderId);
    expect(problemOf(await confirm(t, stranger, redirect))).toEqual({ status: 404, code: 'PAYMENT_NOT_FOUND' });
    expect(problemOf(await confirm(t, booking.guardian, { ...redirect, orderId: 'cn-unknown-order' }))).toEqual({ status: 404, code: 'PAYMENT_NOT_FOUND' });
    const checkout = await call(t, { method: 'POST', url: '/api/v1/payments/sandbox/checkout', headers: stranger.auth, payload: { orderId: order.orderId, outcome: 'success' } });
    expect(problemOf(checkout)).toEqual({ status: 404, code: 'PAYMENT_NOT_FOUND' });
    expect((await paymentOf(t, booking.guardian, order.id)).status).toBe('READY');
  });

  it('answers a declined card with 402 PAYMENT_REJECTED and the provider code; a new order may be paid', async () => {
    const booking = await book();
    const order = await openPayment(t, booking);
    const redirect = await sandboxPay(t, booking.guardian, order.orderId, 'declined');
    const declined = await confirm(t, booking.guardian, redirect);
    expect(problemOf(declined)).toEqual({ status: 402, code: 'PAYMENT_REJECTED', providerCode: 'REJECT_CARD_PAYMENT' });
    expect((await paymentOf(t, booking.guardian, order.id)).status).toBe('ABORTED');
    // The same redirect again: the same refusal.
    expect(problemOf(await confirm(t, booking.guardian, redirect))).toEqual({ status: 402, code: 'PAYMENT_REJECTED', providerCode: 'REJECT_CARD_PAYMENT' });

    const retry = await openPayment(t, booking);
    expect(retry.orderId).not.toBe(order.orderId);
    const paid = await confirm(t, booking.guardian, await sandboxPay(t, booking.guardian, retry.orderId));
    expect([paid.statusCode, paid.json().status]).toEqual([200, 'DONE']);
  });

  it('answers the fail redirect of the widget, changing nothing', async () => {
    const booking = await book();
    const order = await openPayment(t, booking);
    const failed = await call(t, { method: 'POST', url: '/api/v1/payments/sandbox/checkout', headers: booking.guardian.auth, payload: { orderId: order.orderId, outcome: 'fail' } });
    expect([failed.statusCode, failed.json()]).toEqual([200, { code: 'REJECT_CARD_COMPANY', message: expect.any(String), orderId: order.orderId }]);
    expect((await paymentOf(t, booking.guardian, order.id)).status).toBe('READY');
  });

  it('replays a confirm with the same Idempotency-Key, and refuses the key with another body', async () => {
    const booking = await book();
    const order = await openPayment(t, booking);
    const redirect = await sandboxPay(t, booking.guardian, order.orderId);
    const key = `confirm-${order.orderId}`;
    const first = await confirm(t, booking.guardian, redirect, key);
    expect(first.statusCode).toBe(200);
    const replay = await confirm(t, booking.guardian, redirect, key);
    expect([replay.statusCode, replay.json(), replay.headers['idempotent-replayed']]).toEqual([200, first.json(), 'true']);
    const reused = await confirm(t, booking.guardian, { ...redirect, amount: redirect.amount + 1 }, key);
    expect(problemOf(reused)).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('trusts nothing in a webhook: forged and unknown payments are ignored with 200, replays change nothing', async () => {
    const hook = (payload: object) => call(t, { method: 'POST', url: '/api/v1/payments/webhooks/toss', payload });
    const forged = await hook({ eventType: 'PAYMENT_STATUS_CHANGED', createdAt: '2026-12-01T00:00:00.000', data: { paymentKey: 'forged', orderId: 'x', status: 'DONE', totalAmount: 1 } });
    expect([forged.statusCode, forged.json()]).toEqual([200, { outcome: 'ignored' }]);
    expect((await hook({ eventType: 'DEPOSIT_CALLBACK', data: {} })).json()).toEqual({ outcome: 'ignored' });
    expect(problemOf(await hook({ data: {} }))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });

    const booking = await book();
    const order = await openPayment(t, booking);
    const redirect = await sandboxPay(t, booking.guardian, order.orderId);
    // The body claims DONE; the provider says IN_PROGRESS (not confirmed yet): nothing changes.
    const early = await hook({ eventType: 'PAYMENT_STATUS_CHANGED', data: { paymentKey: redirect.paymentKey, orderId: order.orderId, status: 'DONE' } });
    expect(early.json()).toEqual({ outcome: 'unchanged' });
    expect((await paymentOf(t, booking.guardian, order.id)).status).toBe('READY');

    await confirm(t, booking.guardian, redirect);
    const replayed = await hook({ eventType: 'PAYMENT_STATUS_CHANGED', data: { paymentKey: redirect.paymentKey, status: 'CANCELED' } });
    expect(replayed.json()).toEqual({ outcome: 'unchanged' });
    expect((await paymentOf(t, booking.guardian, order.id)).status).toBe('DONE');
  });
});
