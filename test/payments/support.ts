import { setTimeout as sleep } from 'node:timers/promises';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp, TestUser } from '../support/app.ts';
import { profileInput } from '../caregivers/support.ts';

// Shared by the payments tests: a booking made through the real modules (caregiver profile approved,
// reservation requested and accepted over HTTP), and the payer's steps.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Booking {
  readonly guardian: TestUser;
  readonly caregiver: TestUser;
  readonly caregiverId: string;
  readonly reservationId: string;
  readonly totalAmount: number;
}

/** A whole hour `ms` from now, in KST, as the API takes it. */
export function startIn(ms: number): Date {
  const at = new Date(Date.now() + ms);
  at.setUTCMinutes(0, 0, 0);
  return new Date(at.getTime() + HOUR);
}

const kst = (at: Date) => `${new Date(at.getTime() + 9 * HOUR).toISOString().slice(0, 19)}+09:00`;

export async function call(t: TestApp, options: InjectOptions): Promise<LightMyRequestResponse> {
  return t.app.inject(options);
}

function ok(response: LightMyRequestResponse, status: number, what: string): Record<string, unknown> {
  if (response.statusCode !== status) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return response.json() as Record<string, unknown>;
}

/** An approved caregiver with a profile; reused across bookings of one test file to keep them fast. */
export async function approvedCaregiver(t: TestApp): Promise<{ caregiver: TestUser; caregiverId: string }> {
  const caregiver = await t.signup('CAREGIVER');
  const profile = ok(
    await call(t, { method: 'POST', url: '/api/v1/caregivers', headers: caregiver.auth, payload: profileInput({ dailyRate: 150_000 }) }),
    201,
    'create profile',
  );
  await t.modules.caregivers.useCases.approveProfile(profile.id as string);
  return { caregiver, caregiverId: profile.id as string };
}

/** A reservation ACCEPTED by the caregiver, one day long, starting `startsIn` from now (default 10 days). */
export async function acceptedBooking(
  t: TestApp,
  options: { guardian?: TestUser; caregiver?: { caregiver: TestUser; caregiverId: string }; startsIn?: number; accept?: boolean } = {},
): Promise<Booking> {
  const guardian = options.guardian ?? (await t.signup('GUARDIAN'));
  const { caregiver, caregiverId } = options.caregiver ?? (await approvedCaregiver(t));
  const start = startIn(options.startsIn ?? 10 * DAY);
  const created = ok(
    await call(t, {
      method: 'POST',
      url: '/api/v1/reservations',
      headers: guardian.auth,
      payload: {
        caregiverId,
        serviceType: 'HOSPITAL',
        rateType: 'DAILY',
        startAt: kst(start),
        endAt: kst(new Date(start.getTime() + DAY)),
        location: { sido: '서울', sigungu: '강남', address: '테헤란로 1' },
        patient: { name: '김환자', conditions: [] },
      },
    }),
    201,
    'create reservation',
  );
  const reservationId = created.id as string;
  if (options.accept !== false) {
    ok(await call(t, { method: 'POST', url: `/api/v1/reservations/${reservationId}/accept`, headers: caregiver.auth, payload: {} }), 200, 'accept');
  }
  return { guardian, caregiver, caregiverId, reservationId, totalAmount: created.totalAmount as number };
}

export interface OpenedPayment {
  readonly id: string;
  readonly orderId: string;
  readonly amount: number;
}

export async function openPayment(t: TestApp, booking: Booking): Promise<OpenedPayment> {
  const body = ok(
    await call(t, { method: 'POST', url: '/api/v1/payments', headers: booking.guardian.auth, payload: { reservationId: booking.reservationId } }),
    201,
    'open payment',
  );
  return { id: body.id as string, orderId: body.orderId as string, amount: body.amount as number };
}

/** Plays the payer in the sandbox widget; answers the success redirect's fields. */
export async function sandboxPay(t: TestApp, guardian: TestUser, orderId: string, card: 'ok' | 'declined' = 'ok') {
  const body = ok(
    await call(t, { method: 'POST', url: '/api/v1/payments/sandbox/checkout', headers: guardian.auth, payload: { orderId, outcome: 'success', card } }),
    200,
    'sandbox checkout',
  );
  return { paymentKey: body.paymentKey as string, orderId: body.orderId as string, amount: body.amount as number };
}

export function confirm(t: TestApp, guardian: TestUser, payload: { paymentKey: string; orderId: string; amount: number }, key?: string) {
  return call(t, {
    method: 'POST',
    url: '/api/v1/payments/confirm',
    headers: { ...guardian.auth, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });
}

export async function reservationOf(t: TestApp, user: TestUser, reservationId: string): Promise<Record<string, unknown>> {
  return ok(await call(t, { method: 'GET', url: `/api/v1/reservations/${reservationId}`, headers: user.auth }), 200, 'get reservation');
}

export async function paymentOf(t: TestApp, user: TestUser, paymentId: string): Promise<Record<string, unknown>> {
  return ok(await call(t, { method: 'GET', url: `/api/v1/payments/${paymentId}`, headers: user.auth }), 200, 'get payment');
}

/** Polls `check` until it stops throwing (the saga worker runs after the events settle). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

/** The payment reached `status` (after the events and the refund worker ran). */
export async function paymentReaches(t: TestApp, user: TestUser, paymentId: string, status: string): Promise<Record<string, unknown>> {
  return eventually(async () => {
    await t.settle();
    const payment = await paymentOf(t, user, paymentId);
    expect(payment.status).toBe(status);
    return payment;
  });
}

export function problemOf(response: LightMyRequestResponse): { status: number; code: string; providerCode?: string } {
  const body = response.json() as { code: string; providerCode?: string };
  return { status: response.statusCode, code: body.code, ...(body.providerCode ? { providerCode: body.providerCode } : {}) };
}
