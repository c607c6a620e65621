import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { acceptedBooking, approvedCaregiver, call, DAY, eventually, paymentReaches, reservationOf, type Booking } from './support.ts';
import type { SandboxProvider } from '../../src/modules/payments/providers/sandbox.ts';

// The payments use cases with the sandbox provider on a real database (PGlite, and PostgreSQL when
// DATABASE_URL is set), next to the real reservations module.

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(databaseKinds())('payments use cases on %s', (kind) => {
  let t: TestApp;
  let caregiver: Awaited<ReturnType<typeof approvedCaregiver>>;
  let day = 3;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    caregiver = await approvedCaregiver(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const useCases = () => t.modules.payments.useCases;
  const sandbox = () => t.modules.payments.provider as SandboxProvider;
  const book = () => acceptedBooking(t, { caregiver, startsIn: (day += 2) * DAY });

  async function events(aggregateId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
    const rows = await sql<{ type: string; payload: Record<string, unknown> }>`
      SELECT type, payload FROM platform.outbox WHERE aggregate_id = ${aggregateId} ORDER BY seq`.execute(t.platform.database.db);
    return rows.rows;
  }

  async function authorised(booking: Booking) {
    const { view } = await useCases().createPayment(booking.guardian.userId, booking.reservationId);
    const redirect = await sandbox().checkout({ orderId: view.orderId, amount: view.amount, outcome: 'success' });
    if (!('paymentKey' in redirect)) throw new Error('checkout failed');
    return { view, redirect };
  }

  it('opens one order however many requests race for it', async () => {
    const booking = await book();
    const results = await Promise.all(Array.from({ length: 8 }, () => useCases().createPayment(booking.guardian.userId, booking.reservationId)));
    expect(new Set(results.map((r) => r.view.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await events(results[0]!.view.id)).toEqual([{ type: 'payment.updated.v1', payload: expect.objectContaining({ status: 'READY' }) }]);
  });

  it('charges once when confirms of one order race, and tells the reservation once', async () => {
    const booking = await book();
    const { view, redirect } = await authorised(booking);
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => useCases().confirmPayment(booking.guardian.userId, redirect)));
    const done = outcomes.filter((o) => o.status === 'fulfilled');
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const o of outcomes) {
      if (o.status === 'fulfilled') expect(o.value.status).toBe('DONE');
      else expect((o.reason as AppError).code).toBe('PAYMENT_CONFIRM_IN_PROGRESS');
    }
    const types = (await events(view.id)).map((e) => e.type);
    expect(types).toEqual(['payment.updated.v1', 'payment.updated.v1', 'payment.confirmed.v1', 'payment.updated.v1']);
    expect((await events(view.id))[2]?.payload).toEqual({
      paymentId: view.id,
      reservationId: booking.reservationId,
      guardianId: booking.guardian.userId,
      amount: booking.totalAmount,
      approvedAt: expect.stringMatching(/Z$/),
    });
    await t.settle();
    expect((await reservationOf(t, booking.guardian, booking.reservationId)).status).toBe('CONFIRMED');
  });

  it('refuses to charge for a reservation that is no longer ACCEPTED', async () => {
    const booking = await book();
    const { view, redirect } = await authorised(booking);
    await call(t, { method: 'POST', url: `/api/v1/reservations/${booking.reservationId}/reject`, headers: booking.caregiver.auth, payload: { reason: 'x' } });
    await call(t, { method: 'POST', url: `/api/v1/reservations/${booking.reservationId}/cancel`, headers: booking.guardian.auth, payload: { reason: 'x' } });
    const refused = await failure(useCases().confirmPayment(booking.guardian.userId, redirect));
    expect([refused.kind, refused.code]).toEqual(['conflict', 'RESERVATION_NOT_PAYABLE']);
    expect((await sandbox().getPaymentByOrderId(view.orderId))?.status).toBe('IN_PROGRESS');
  });

  it('reopens an order after a forged paymentKey, under a new provider key', async () => {
    const booking = await book();
    const { view, redirect } = await authorised(booking);
    const forged = await failure(useCases().confirmPayment(booking.guardian.userId, { ...redirect, paymentKey: 'sandbox_forged' }));
    expect([forged.kind, forged.code]).toEqual(['not_found', 'PAYMENT_NOT_FOUND']);
    const stored = await sql<{ status: string; payment_key: string | null; confirm_key_generation: number }>`
      SELECT status, payment_key, confirm_key_generation FROM payments.payments WHERE id = ${view.id}`.execute(t.platform.database.db);
    expect(stored.rows[0]).toEqual({ status: 'READY', payment_key: null, confirm_key_generation: 1 });
    // The sandbox replays the refusal under the first key; the real payment goes through under the next.
    expect(await useCases().confirmPayment(booking.guardian.userId, redirect)).toMatchObject({ status: 'DONE' });
  });

  it('reconciles a confirmation that never got an answer, and expires one Toss never approved', async () => {
    const { db } = t.platform.database;
    const paid = await book();
    const lost = await authorised(paid);
    // A confirm reached the provider, then our process died before storing the answer.
    await sql`UPDATE payments.payments SET status = 'IN_PROGRESS', payment_key = ${lost.redirect.paymentKey}, confirm_attempts = 1,
      last_confirm_at = now() - interval '3 minutes' WHERE id = ${lost.view.id}`.execute(db);
    await sandbox().confirm({ ...lost.redirect, idempotencyKey: `confirm-${lost.view.orderId}` });

    const abandoned = await book();
    const never = await authorised(abandoned);
    await sql`UPDATE payments.payments SET status = 'IN_PROGRESS', payment_key = ${never.redirect.paymentKey}, confirm_attempts = 1,
      last_confirm_at = now() - interval '31 minutes' WHERE id = ${never.view.id}`.execute(db);

    expect(await useCases().reconcileConfirmations()).toBe(2);
    await paymentReaches(t, paid.guardian, lost.view.id, 'DONE');
    expect((await reservationOf(t, paid.guardian, paid.reservationId)).status).toBe('CONFIRMED');
    await paymentReaches(t, abandoned.guardian, never.view.id, 'EXPIRED');
    // The reservation may be paid with a new order now.
    expect((await useCases().createPayment(abandoned.guardian.userId, abandoned.reservationId)).created).toBe(true);
  });

  it('refunds what is left when more was refunded elsewhere, after the provider refused twice', async () => {
    const booking = await book();
    const { view, redirect } = await authorised(booking);
    await useCases().confirmPayment(booking.guardian.userId, redirect);
    await t.settle();
    // Refunded in part at the provider only (no webhook): we still believe the whole amount is held.
    await sandbox().cancel({ paymentKey: redirect.paymentKey, cancelReason: '부분 환불', cancelAmount: 20_000, idempotencyKey: 'elsewhere' });
    const cancelled = await call(t, { method: 'POST', url: `/api/v1/reservations/${booking.reservationId}/cancel`, headers: booking.caregiver.auth, payload: { reason: '사정' } });
    expect(cancelled.json().refundAmount).toBe(booking.totalAmount);
    // First FORBIDDEN_CONSECUTIVE_REQUEST (within a second of the other cancel), then NOT_CANCELABLE_AMOUNT.
    // The saga worker retries on its own schedule (2 s, then at once with what is left).
    await eventually(async () => {
      await t.settle();
      const payment = await useCases().getPayment({ userId: booking.guardian.userId, role: 'GUARDIAN' }, view.id);
      expect(payment).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
      expect(payment.cancels.map((c) => c.amount)).toEqual([20_000, booking.totalAmount - 20_000]);
    }, 15_000);
    expect(await t.modules.payments.api.settledAmounts(booking.reservationId)).toEqual({ paid: booking.totalAmount, refunded: booking.totalAmount });
    const refundRows = await sql<{ status: string; amount: number; key_generation: number }>`
      SELECT status, amount, key_generation FROM payments.refunds WHERE payment_id = ${view.id}`.execute(t.platform.database.db);
    expect(refundRows.rows).toEqual([{ status: 'DONE', amount: booking.totalAmount - 20_000, key_generation: 2 }]);
    expect((await events(view.id)).filter((e) => e.type === 'payment.refunded.v1').map((e) => e.payload.amount)).toEqual([booking.totalAmount - 20_000]);
  }, 30_000);

  it('knows nothing settled for a reservation never paid', async () => {
    expect(await t.modules.payments.api.settledAmounts('00000000-0000-7000-8000-000000000000')).toBeUndefined();
  });
});
