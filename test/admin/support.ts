import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import type { TestDatabaseKind } from '../support/database.ts';
import { kstIso } from '../../src/platform/kst.ts';
import { profileInput } from '../caregivers/support.ts';
import {
  acceptedBooking,
  approvedCaregiver,
  call,
  confirm,
  DAY,
  HOUR,
  openPayment,
  paymentReaches,
  reservationOf,
  sandboxPay,
  startIn,
  type Booking,
} from '../payments/support.ts';

// The admin tests' world, made through the real modules over HTTP: two guardians, two approved caregivers
// and one still PENDING, and reservations in several states, two of them paid and then cancelled (one full
// refund, one half), one with an open (READY) payment, and one carrying the patient's health details.

export const SECRET_CONDITION = '치매 초기 (비공개 확인용)';
export const SECRET_NOTES = '오후 3시 인슐린 투여 (비공개 확인용)';
export const SECRET_MESSAGE = '보호자 요청 메시지 (비공개 확인용)';

export const kst = kstIso;

/** Builds the admin world on a fresh app before a describe block's tests (handing both over) and closes it after. */
export function useAdminWorld(kind: TestDatabaseKind, ready: (t: TestApp, w: AdminWorld) => void): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp({ kind });
    ready(app, await makeAdminWorld(app));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });
}

export interface AdminWorld {
  readonly admin: TestUser;
  readonly guardians: readonly [TestUser, TestUser];
  readonly caregivers: readonly [{ caregiver: TestUser; caregiverId: string }, { caregiver: TestUser; caregiverId: string }];
  /** Paid, then cancelled by the guardian >= 72 h before: refunded in full (payment CANCELED). */
  readonly fullRefund: Booking & { paymentId: string };
  /** Paid, then cancelled by the guardian 48 h before: half refunded (payment PARTIAL_CANCELED). */
  readonly halfRefund: Booking & { paymentId: string; refundAmount: number };
  /** ACCEPTED with a READY payment. */
  readonly awaitingPayment: Booking & { paymentId: string };
  /** REQUESTED, no details. */
  readonly requested: Booking;
  /** REQUESTED, with the patient's conditions and notes and a request message. */
  readonly withHealthDetails: { id: string; guardian: TestUser; caregiverId: string };
  /** When the world was made (every reservation was created after it). */
  readonly madeAt: Date;
}

function ok(response: LightMyRequestResponse, status: number, what: string): Record<string, unknown> {
  if (response.statusCode !== status) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return response.json() as Record<string, unknown>;
}

async function paidAndCancelled(t: TestApp, booking: Booking, expected: string): Promise<{ paymentId: string; refundAmount: number }> {
  const order = await openPayment(t, booking);
  const confirmed = await confirm(t, booking.guardian, await sandboxPay(t, booking.guardian, order.orderId));
  expect(confirmed.statusCode).toBe(200);
  await t.settle();
  expect((await reservationOf(t, booking.guardian, booking.reservationId)).status).toBe('CONFIRMED');
  const cancelled = ok(
    await call(t, { method: 'POST', url: `/api/v1/reservations/${booking.reservationId}/cancel`, headers: booking.guardian.auth, payload: { reason: '일정 변경' } }),
    200,
    'cancel',
  );
  await paymentReaches(t, booking.guardian, order.id, expected);
  return { paymentId: order.id, refundAmount: cancelled.refundAmount as number };
}

export async function makeAdminWorld(t: TestApp): Promise<AdminWorld> {
  const madeAt = new Date();
  const admin = await t.signup('ADMIN');
  const guardians = [await t.signup('GUARDIAN'), await t.signup('GUARDIAN')] as const;
  const caregivers = [await approvedCaregiver(t), await approvedCaregiver(t)] as const;
  // A third caregiver whose profile waits for review.
  const pending = await t.signup('CAREGIVER');
  ok(await call(t, { method: 'POST', url: '/api/v1/caregivers', headers: pending.auth, payload: profileInput() }), 201, 'pending profile');

  const first = await acceptedBooking(t, { guardian: guardians[0], caregiver: caregivers[0], startsIn: 10 * DAY });
  const fullRefund = { ...first, ...(await paidAndCancelled(t, first, 'CANCELED')) };
  const second = await acceptedBooking(t, { guardian: guardians[1], caregiver: caregivers[1], startsIn: 48 * HOUR });
  const halfRefund = { ...second, ...(await paidAndCancelled(t, second, 'PARTIAL_CANCELED')) };
  const third = await acceptedBooking(t, { guardian: guardians[0], caregiver: caregivers[1], startsIn: 20 * DAY });
  const awaitingPayment = { ...third, paymentId: (await openPayment(t, third)).id };
  const requested = await acceptedBooking(t, { guardian: guardians[1], caregiver: caregivers[0], startsIn: 30 * DAY, accept: false });

  const start = startIn(40 * DAY);
  const created = ok(
    await call(t, {
      method: 'POST',
      url: '/api/v1/reservations',
      headers: guardians[0].auth,
      payload: {
        caregiverId: caregivers[0].caregiverId,
        serviceType: 'HOSPITAL',
        rateType: 'DAILY',
        startAt: kst(start),
        endAt: kst(new Date(start.getTime() + DAY)),
        location: { sido: '서울', sigungu: '강남', address: '테헤란로 1' },
        patient: { name: '박순자', birthYear: 1940, gender: 'FEMALE', conditions: [SECRET_CONDITION], notes: SECRET_NOTES },
        requestMessage: SECRET_MESSAGE,
      },
    }),
    201,
    'reservation with health details',
  );
  await t.settle();
  return {
    admin,
    guardians,
    caregivers,
    fullRefund,
    halfRefund,
    awaitingPayment,
    requested,
    withHealthDetails: { id: created.id as string, guardian: guardians[0], caregiverId: caregivers[0].caregiverId },
    madeAt,
  };
}

/** GET as `user` with the query encoded (offsets such as +09:00 keep their plus sign). */
export function getAs(t: TestApp, user: TestUser | undefined, path: string, query: Record<string, string | string[]> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) params.append(key, v);
  const qs = params.toString();
  return t.app.inject({ method: 'GET', url: `/api/v1${path}${qs ? `?${qs}` : ''}`, headers: user ? user.auth : {} });
}

/** Every page of a list, following nextCursor. */
export async function allPages(t: TestApp, user: TestUser, path: string, query: Record<string, string | string[]>, limit: number) {
  const pages: { id: string; createdAt: string }[][] = [];
  let cursor: string | null = null;
  do {
    const response = await getAs(t, user, path, { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const body = ok(response, 200, `page ${pages.length + 1}`) as { items: { id: string; createdAt: string }[]; nextCursor: string | null };
    pages.push(body.items);
    cursor = body.nextCursor;
  } while (cursor !== null && pages.length < 50);
  return pages;
}
