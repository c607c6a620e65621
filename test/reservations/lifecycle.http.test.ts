import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { at, bookingInput, D, H, NOW } from './support.ts';
import { approvedCaregiver, confirmPayment, problemOf, requests, startBookingApp, type BookingCaregiver } from './http-support.ts';

describe.each(databaseKinds())('the reservation loop over HTTP on %s', (kind) => {
  let t: TestApp;
  let clock: Awaited<ReturnType<typeof startBookingApp>>['clock'];
  let http: ReturnType<typeof requests>;
  let admin: TestUser;
  beforeAll(async () => {
    ({ t, clock } = await startBookingApp(kind));
    // The tests drive the timers themselves (runOnce) at the instants they choose.
    await t.modules.reservations.timers.stop();
    http = requests(t);
    admin = await t.signup('ADMIN');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function book(guardian: TestUser, caregiver: BookingCaregiver, startAt = at(2 * D), hours = 8) {
    const response = await http.post('/reservations', guardian, bookingInput(caregiver.caregiverId, { startAt, endAt: new Date(new Date(startAt).getTime() + hours * H).toISOString() }));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; guardianId: string; totalAmount: number; startAt: string; endAt: string };
  }
  const status = async (id: string) => (await http.get(`/reservations/${id}`, admin)).json().status as string;

  it('books, accepts, pays, checks in and out, with the live state following', async () => {
    clock.set(NOW);
    const guardian = await t.signup('GUARDIAN');
    const caregiver = await approvedCaregiver(t);
    const r = await book(guardian, caregiver);
    await t.settle();
    expect((await http.get('/reservations/live', caregiver)).json()).toMatchObject({ count: 1, pendingRequests: [{ id: r.id, startAt: r.startAt }] });

    const accepted = await http.post(`/reservations/${r.id}/accept`, caregiver, { caregiverNote: '도착 10분 전 연락드립니다' });
    expect(accepted.json()).toMatchObject({ status: 'ACCEPTED', caregiverNote: '도착 10분 전 연락드립니다', expiresAt: at(D) });
    expect(problemOf(await http.post(`/reservations/${r.id}/accept`, caregiver))).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
    await t.settle();
    expect((await http.get('/reservations/live', caregiver)).json()).toEqual({ pendingRequests: [], count: 0 });

    const paymentId = await confirmPayment(t, r);
    expect((await http.get(`/reservations/${r.id}`, guardian)).json()).toMatchObject({ status: 'CONFIRMED', paymentId });
    // The screens are told when the caregiver's check-in (1 h before the start) and check-out (the start) open.
    expect((await http.get(`/reservations/${r.id}`, caregiver)).json()).toMatchObject({ checkInOpensAt: at(2 * D - H), checkOutOpensAt: at(2 * D) });
    expect((await http.get(`/reservations/${r.id}/cancellation-quote`, guardian)).json()).toEqual({
      refundAmount: 60_000,
      feeAmount: 60_000,
      tier: 'GUARDIAN_24H_OR_MORE',
    });
    expect((await http.get('/reservations/live', guardian)).json()).toEqual({
      reservations: [{ id: r.id, status: 'CONFIRMED', caregiverName: '김영희', startAt: r.startAt, endAt: r.endAt, checkedInAt: null }],
    });

    expect(problemOf(await http.post(`/reservations/${r.id}/check-in`, caregiver))).toMatchObject({ status: 409, code: 'CHECKIN_NOT_OPEN' });
    clock.set(at(2 * D - 10 * 60_000));
    const arrived = await http.post(`/reservations/${r.id}/check-in`, caregiver);
    expect(arrived.json()).toMatchObject({ status: 'IN_PROGRESS', checkedInAt: at(2 * D - 10 * 60_000) });
    expect(arrived.json()).toMatchObject({ checkOutOpensAt: at(2 * D) });
    expect(arrived.json()).not.toHaveProperty('checkInOpensAt');
    await t.settle();
    expect((await http.get('/reservations/live', guardian)).json()).toMatchObject({
      reservations: [{ id: r.id, status: 'IN_PROGRESS', checkedInAt: at(2 * D - 10 * 60_000) }],
    });
    expect(problemOf(await http.post(`/reservations/${r.id}/cancel`, guardian, { reason: '취소' }))).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
    expect(problemOf(await http.get(`/reservations/${r.id}/cancellation-quote`, guardian))).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });

    // An early check-in does not open check-out: before the start it is refused, saying when it opens.
    const early = await http.post(`/reservations/${r.id}/check-out`, caregiver);
    expect(problemOf(early)).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
    expect(early.json().detail).toContain(at(2 * D));
    clock.set(at(2 * D - 1));
    expect(problemOf(await http.post(`/reservations/${r.id}/check-out`, caregiver))).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
    expect(await status(r.id)).toBe('IN_PROGRESS');
    expect((await http.get(`/reservations/${r.id}`, guardian)).json()).not.toHaveProperty('checkedOutAt');

    clock.set(at(2 * D + 8 * H));
    expect((await http.post(`/reservations/${r.id}/check-out`, caregiver)).json()).toMatchObject({ status: 'COMPLETED', checkedOutAt: at(2 * D + 8 * H) });
    await t.settle();
    expect((await http.get('/reservations/live', guardian)).json()).toEqual({ reservations: [] });
  });

  it('rejects and cancels with reasons; strangers get 404 on every route', async () => {
    clock.set(NOW);
    const guardian = await t.signup('GUARDIAN');
    const caregiver = await approvedCaregiver(t);
    const a = await book(guardian, caregiver, at(2 * D));
    const b = await book(guardian, caregiver, at(3 * D));
    const stranger = await approvedCaregiver(t);
    const otherGuardian = await t.signup('GUARDIAN');
    for (const [method, path, user, body] of [
      ['post', 'accept', stranger, {}],
      ['post', 'reject', stranger, { reason: 'x' }],
      ['post', 'check-in', stranger, undefined],
      ['post', 'check-out', stranger, undefined],
      ['post', 'cancel', otherGuardian, { reason: 'x' }],
      ['get', 'cancellation-quote', otherGuardian, undefined],
    ] as const) {
      const response = method === 'get' ? await http.get(`/reservations/${a.id}/${path}`, user) : await http.post(`/reservations/${a.id}/${path}`, user, body);
      expect(problemOf(response), path).toMatchObject({ status: 404, code: 'RESERVATION_NOT_FOUND' });
    }
    expect(problemOf(await http.post(`/reservations/${a.id}/reject`, caregiver, {}))).toMatchObject({ status: 400, fields: ['reason'] });
    expect(problemOf(await http.post(`/reservations/${a.id}/reject`, caregiver, { reason: 'x', amount: 1 }))).toMatchObject({ status: 400, fields: ['amount'] });
    const rejected = await http.post(`/reservations/${a.id}/reject`, caregiver, { reason: '일정 불가', suggestedAlternative: '금요일 가능' });
    expect(rejected.json()).toMatchObject({ status: 'REJECTED', rejectionReason: '일정 불가', suggestedAlternative: '금요일 가능' });
    expect((await http.get(`/reservations/${b.id}/cancellation-quote`, guardian)).json()).toEqual({ refundAmount: 0, feeAmount: 0, tier: 'BEFORE_PAYMENT' });
    const cancelled = await http.post(`/reservations/${b.id}/cancel`, guardian, { reason: '계획 변경' });
    expect(cancelled.json()).toMatchObject({ status: 'CANCELLED', cancelledBy: 'GUARDIAN', cancelReason: '계획 변경', refundAmount: 0 });
    expect(problemOf(await http.post(`/reservations/${b.id}/cancel`, admin, { reason: 'again' }))).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
  });

  it('expires, completes and reminds on the timers, and refuses a late payment for a refund', async () => {
    clock.set(NOW);
    const guardian = await t.signup('GUARDIAN');
    const caregiver = await approvedCaregiver(t);
    const unanswered = await book(guardian, caregiver, at(2 * D));
    const paid = await book(guardian, caregiver, at(3 * D));
    await http.post(`/reservations/${paid.id}/accept`, caregiver);
    await confirmPayment(t, paid);
    clock.set(at(D));
    await t.modules.reservations.timers.runOnce();
    expect(await status(unanswered.id)).toBe('EXPIRED');
    await confirmPayment(t, unanswered);
    const refused = await t.platform.database.db
      .selectFrom('platform.outbox')
      .select(['type', 'payload'])
      .where('aggregate_id', '=', unanswered.id)
      .where('type', '=', 'reservation.payment_refused.v1')
      .execute();
    expect(refused).toHaveLength(1);
    clock.set(at(2 * D));
    await t.modules.reservations.timers.runOnce();
    clock.set(at(3 * D - H));
    await t.modules.reservations.timers.runOnce();
    await t.modules.reservations.timers.runOnce();
    const reminders = await t.platform.database.db
      .selectFrom('platform.outbox')
      .select('payload')
      .where('aggregate_id', '=', paid.id)
      .where('type', '=', 'reservation.reminder.v1')
      .orderBy('seq')
      .execute();
    expect(reminders.map((r) => (r.payload as { hoursBefore: number }).hoursBefore)).toEqual([24, 1]);
    clock.set(at(3 * D + 14 * H));
    await t.modules.reservations.timers.runOnce();
    expect(await status(paid.id)).toBe('COMPLETED');
  });

  it('blocks withdrawal while reservations are unfinished (409 ACTIVE_RESERVATIONS)', async () => {
    clock.set(NOW);
    const guardian = await t.signup('GUARDIAN');
    const caregiver = await approvedCaregiver(t);
    const r = await book(guardian, caregiver, at(2 * D));
    for (const user of [guardian, caregiver]) {
      expect(problemOf(await http.del('/users/me', user))).toMatchObject({ status: 409, code: 'ACTIVE_RESERVATIONS' });
    }
    await http.post(`/reservations/${r.id}/cancel`, guardian, { reason: '탈퇴 예정' });
    expect((await http.del('/users/me', guardian)).statusCode).toBe(204);
    await t.settle();
    const after = (await http.get(`/reservations/${r.id}`, admin)).json();
    expect(after.patient).toEqual({ name: '탈퇴한 회원', conditions: [] });
    expect(after).toMatchObject({ cancelledBy: 'GUARDIAN', cancelReason: '(탈퇴한 사용자가 작성한 내용 삭제됨 · Removed: written by a withdrawn user)' });
    expect((await http.get(`/reservations/${r.id}`, caregiver)).json().cancelReason).not.toContain('탈퇴 예정');
  });

  it('documents every reservation route, the live state included, in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    for (const path of ['/api/v1/quotes', '/api/v1/reservations', '/api/v1/reservations/live', '/api/v1/reservations/{id}', '/api/v1/reservations/{id}/accept',
      '/api/v1/reservations/{id}/reject', '/api/v1/reservations/{id}/cancellation-quote', '/api/v1/reservations/{id}/cancel',
      '/api/v1/reservations/{id}/check-in', '/api/v1/reservations/{id}/check-out']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const live = JSON.stringify(doc.paths['/api/v1/reservations/live']);
    expect(live).toContain('pendingRequests');
    expect(live).toContain('checkedInAt');
    expect(JSON.stringify(doc.paths['/api/v1/reservations'])).toContain('idempotency-key');
  });
});
