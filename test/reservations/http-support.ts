import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import { PAYMENT_EVENTS } from '../../src/modules/payments/contract.ts';
import { newId } from '../../src/platform/ids.ts';
import type { ProfileInput } from '../../src/modules/caregivers/app/schemas.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import type { TestDatabaseKind } from '../support/database.ts';
import { profileInput } from '../caregivers/support.ts';
import { actor, NOW } from './support.ts';

// The reservations HTTP tests: the whole app on a fixed clock, caregivers made and approved through the
// caregivers use cases, payments played by writing payment.confirmed.v1 to the outbox.

export async function startBookingApp(kind: TestDatabaseKind) {
  const clock = fixedClock(NOW);
  const redisUrl = process.env.REDIS_URL?.trim();
  // Access tokens outlive the clock jumps of the timer tests.
  const t = await startTestApp({ kind, clock, env: { ACCESS_TOKEN_TTL: '400d', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) } });
  return { t, clock };
}

export type BookingCaregiver = TestUser & { caregiverId: string };

export async function approvedCaregiver(t: TestApp, overrides: Partial<ProfileInput> = {}): Promise<BookingCaregiver> {
  const user = await t.signup('CAREGIVER');
  const profile = await t.modules.caregivers.useCases.createProfile(user.userId, profileInput({ serviceTypes: ['HOSPITAL', 'HOME'], ...overrides }));
  await t.modules.caregivers.useCases.approveProfile(profile.id, { actor: actor('ADMIN') });
  return { ...user, caregiverId: profile.id };
}

export function requests(t: TestApp) {
  const call = (method: InjectOptions['method'], url: string, user?: TestUser, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(user ? user.auth : {}), ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  return {
    get: (url: string, user?: TestUser) => call('GET', url, user),
    post: (url: string, user: TestUser | undefined, payload?: unknown, headers?: Record<string, string>) => call('POST', url, user, payload, headers),
    del: (url: string, user: TestUser) => call('DELETE', url, user),
  };
}

/** The payments module's part of the saga: payment.confirmed.v1 for the reservation, then everything settles. */
export async function confirmPayment(t: TestApp, reservation: { id: string; guardianId: string; totalAmount: number }): Promise<string> {
  const paymentId = newId();
  await t.platform.transact(async (_tx, emit) =>
    emit(
      PAYMENT_EVENTS.confirmed.of(reservation.id, {
        paymentId,
        reservationId: reservation.id,
        guardianId: reservation.guardianId,
        amount: reservation.totalAmount,
        approvedAt: t.platform.clock.now().toISOString(),
      }),
    ),
  );
  await t.settle();
  await t.settle();
  return paymentId;
}

export async function rowCount(t: TestApp): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM reservations.reservations`.execute(t.platform.database.db);
  return result.rows[0]!.n;
}

export function problemOf(response: LightMyRequestResponse): { status: number; code: string; fields: string[] } {
  const body = response.json() as { code: string; errors?: { field: string }[] };
  return { status: response.statusCode, code: body.code, fields: (body.errors ?? []).map((e) => e.field) };
}
