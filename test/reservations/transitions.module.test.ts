import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId } from '../../src/platform/ids.ts';
import { databaseKinds } from '../support/database.ts';
import { actor, at, bookingInput, D, failure, H, openReservationsModule, type Harness } from './support.ts';

describe.each(databaseKinds())('reservation transitions on %s', (kind) => {
  let h: Harness;
  let caregiver: ReturnType<Harness['caregiver']>;
  const guardian = actor('GUARDIAN');
  beforeEach(async () => {
    h = await openReservationsModule(kind);
    caregiver = h.caregiver();
  });
  afterEach(async () => {
    await h.close();
  });

  const book = (startInDays = 6) =>
    h.useCases.createReservation(guardian.userId, bookingInput(caregiver.id, { startAt: at(startInDays * D), endAt: at(startInDays * D + 8 * H) }));
  const pay = (r: { id: string; totalAmount: number }, amount: number = r.totalAmount, paymentId = newId()) =>
    h.deliver('reservations.payment-confirmed', 'payment.confirmed.v1', {
      paymentId,
      reservationId: r.id,
      guardianId: guardian.userId,
      amount,
      approvedAt: h.clock.now().toISOString(),
    }).then(() => paymentId);
  const lastEvent = async () => (await h.outbox()).at(-1)!;

  it('accepts with a note and a payment deadline, then confirms on payment', async () => {
    const r = await book(6);
    h.clock.advance(H);
    const accepted = await h.useCases.acceptReservation(caregiver.actor, r.id, { caregiverNote: ' 오전 8시 50분 도착 ' });
    expect(accepted).toMatchObject({ status: 'ACCEPTED', caregiverNote: '오전 8시 50분 도착', expiresAt: at(H + D), updatedAt: at(H) });
    expect(await lastEvent()).toMatchObject({ type: 'reservation.accepted.v1', payload: { reservationId: r.id, status: 'ACCEPTED' } });
    const paymentId = await pay(r);
    const confirmed = await h.useCases.getReservation(guardian, r.id);
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', paymentId });
    expect(confirmed.expiresAt).toBeUndefined();
    expect(await lastEvent()).toMatchObject({ type: 'reservation.confirmed.v1', payload: { reservationId: r.id, status: 'CONFIRMED', paymentId } });
  });

  it('handles a payment twice as once, and refuses payments the reservation cannot take', async () => {
    const r = await book();
    await h.useCases.acceptReservation(caregiver.actor, r.id);
    const paymentId = await pay(r);
    const events = (await h.outbox()).length;
    await pay(r, r.totalAmount, paymentId);
    expect((await h.outbox()).length).toBe(events);
    const second = await pay(r);
    expect(await lastEvent()).toEqual({
      type: 'reservation.payment_refused.v1',
      aggregate_id: r.id,
      payload: { reservationId: r.id, paymentId: second, status: 'CONFIRMED' },
    });
    const other = await book(10);
    await h.useCases.acceptReservation(caregiver.actor, other.id);
    const wrongAmount = await pay(other, 1_000);
    expect(await lastEvent()).toMatchObject({ type: 'reservation.payment_refused.v1', payload: { paymentId: wrongAmount, status: 'ACCEPTED' } });
    expect((await h.useCases.getReservation(guardian, other.id)).status).toBe('ACCEPTED');
  });

  it('refuses a payment for a reservation that ended meanwhile: the payments module refunds it (compensation)', async () => {
    const r = await book();
    await h.useCases.acceptReservation(caregiver.actor, r.id);
    await h.useCases.cancelReservation(guardian, r.id, { reason: '계획 변경' });
    const paymentId = await pay(r);
    expect(await lastEvent()).toEqual({
      type: 'reservation.payment_refused.v1',
      aggregate_id: r.id,
      payload: { reservationId: r.id, paymentId, status: 'CANCELLED' },
    });
    expect((await h.useCases.getReservation(guardian, r.id)).status).toBe('CANCELLED');
  });

  it('rejects with a reason and a suggestion', async () => {
    const r = await book();
    const rejected = await h.useCases.rejectReservation(caregiver.actor, r.id, { reason: '다른 일정', suggestedAlternative: '다음 주 월요일 가능' });
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: '다른 일정', suggestedAlternative: '다음 주 월요일 가능' });
    expect(rejected.expiresAt).toBeUndefined();
    expect(await lastEvent()).toMatchObject({ type: 'reservation.rejected.v1', payload: { status: 'REJECTED', reason: '다른 일정' } });
    expect((await failure(h.useCases.rejectReservation(caregiver.actor, (await book(9)).id, { reason: '  ' }))).code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['the guardian, 72 h or more before', 'GUARDIAN', 4 * D, { refundAmount: 120_000, feeAmount: 0, tier: 'GUARDIAN_72H_OR_MORE' }],
    ['the guardian, 24-72 h before', 'GUARDIAN', 2 * D, { refundAmount: 60_000, feeAmount: 60_000, tier: 'GUARDIAN_24H_OR_MORE' }],
    ['the guardian, under 24 h before', 'GUARDIAN', 20 * H, { refundAmount: 0, feeAmount: 120_000, tier: 'GUARDIAN_UNDER_24H' }],
    ['the caregiver, at any time', 'CAREGIVER', 2 * H, { refundAmount: 120_000, feeAmount: 0, tier: 'CAREGIVER_CANCELLED' }],
    ['an admin', 'ADMIN', 2 * H, { refundAmount: 120_000, feeAmount: 0, tier: 'ADMIN_CANCELLED' }],
  ] as const)('cancels a paid reservation by %s with the policy refund', async (_name, who, before, terms) => {
    const r = await book(6);
    await h.useCases.acceptReservation(caregiver.actor, r.id);
    await pay(r);
    h.clock.set(new Date(new Date(r.startAt).getTime() - before));
    const by = who === 'GUARDIAN' ? guardian : who === 'CAREGIVER' ? caregiver.actor : actor('ADMIN');
    expect(await h.useCases.cancellationQuote(by, r.id)).toEqual(terms);
    const cancelled = await h.useCases.cancelReservation(by, r.id, { reason: '사정이 생겼습니다' });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledBy: who, cancelReason: '사정이 생겼습니다', refundAmount: terms.refundAmount });
    expect(await lastEvent()).toMatchObject({
      type: 'reservation.cancelled.v1',
      payload: { status: 'CANCELLED', cancelledBy: who, reason: '사정이 생겼습니다', paid: true, refundAmount: terms.refundAmount },
    });
  });

  it('cancels before payment for free', async () => {
    const r = await book();
    expect(await h.useCases.cancellationQuote(caregiver.actor, r.id)).toEqual({ refundAmount: 0, feeAmount: 0, tier: 'BEFORE_PAYMENT' });
    await h.useCases.cancelReservation(caregiver.actor, r.id, { reason: '불가' });
    expect(await lastEvent()).toMatchObject({ type: 'reservation.cancelled.v1', payload: { cancelledBy: 'CAREGIVER', paid: false, refundAmount: 0 } });
  });

  it('checks in from an hour before the start, out from the start on; no cancellation after check-in', async () => {
    const r = await book(2);
    await h.useCases.acceptReservation(caregiver.actor, r.id);
    await pay(r);
    h.clock.set(new Date(new Date(r.startAt).getTime() - H - 1000));
    const early = await failure(h.useCases.checkIn(caregiver.actor, r.id));
    expect([early.kind, early.code]).toEqual(['conflict', 'CHECKIN_NOT_OPEN']);
    h.clock.advance(1000);
    const inProgress = await h.useCases.checkIn(caregiver.actor, r.id);
    expect(inProgress).toMatchObject({ status: 'IN_PROGRESS', checkedInAt: h.clock.now().toISOString() });
    expect(await lastEvent()).toMatchObject({ type: 'reservation.checked_in.v1', payload: { checkedInAt: h.clock.now().toISOString() } });
    for (const who of [guardian, caregiver.actor, actor('ADMIN')]) {
      expect((await failure(h.useCases.cancelReservation(who, r.id, { reason: 'x' }))).code).toBe('INVALID_TRANSITION');
      expect((await failure(h.useCases.cancellationQuote(who, r.id))).code).toBe('INVALID_TRANSITION');
    }
    const tooEarly = await failure(h.useCases.checkOut(caregiver.actor, r.id));
    expect([tooEarly.kind, tooEarly.code, tooEarly.message]).toEqual(['conflict', 'INVALID_TRANSITION', `Check-out opens at the start, ${r.startAt}`]);
    expect((await h.useCases.getReservation(guardian, r.id)).status).toBe('IN_PROGRESS');
    h.clock.advance(9 * H);
    const done = await h.useCases.checkOut(caregiver.actor, r.id);
    expect(done).toMatchObject({ status: 'COMPLETED', checkedOutAt: h.clock.now().toISOString() });
    expect(await lastEvent()).toMatchObject({ type: 'reservation.completed.v1', payload: { automatic: false, completedAt: h.clock.now().toISOString() } });
  });

  it('refuses check-in after the end', async () => {
    const r = await book(2);
    await h.useCases.acceptReservation(caregiver.actor, r.id);
    await pay(r);
    h.clock.set(r.endAt);
    expect((await failure(h.useCases.checkIn(caregiver.actor, r.id))).code).toBe('CHECKIN_NOT_OPEN');
  });

  it('answers 404 to anyone but the participants (and admins), before any state rule', async () => {
    const r = await book();
    const strangers = [actor('GUARDIAN'), actor('CAREGIVER')];
    for (const stranger of strangers) {
      expect((await failure(h.useCases.getReservation(stranger, r.id))).code).toBe('RESERVATION_NOT_FOUND');
      expect((await failure(h.useCases.acceptReservation(stranger, r.id))).code).toBe('RESERVATION_NOT_FOUND');
      expect((await failure(h.useCases.cancelReservation(stranger, r.id, { reason: 'x' }))).code).toBe('RESERVATION_NOT_FOUND');
      expect((await failure(h.useCases.cancellationQuote(stranger, r.id))).code).toBe('RESERVATION_NOT_FOUND');
    }
    expect((await failure(h.useCases.getReservation(guardian, newId()))).code).toBe('RESERVATION_NOT_FOUND');
    expect((await failure(h.useCases.getReservation(guardian, 'not-a-uuid'))).code).toBe('RESERVATION_NOT_FOUND');
    expect((await h.useCases.getReservation(caregiver.actor, r.id)).patient.conditions).toEqual(['치매 초기', '당뇨']);
  });

  it('refuses every move the state machine does not allow with 409 and changes nothing', async () => {
    const r = await book();
    const before = await h.outbox();
    expect((await failure(h.useCases.acceptReservation(guardian, r.id))).code).toBe('INVALID_TRANSITION');
    expect((await failure(h.useCases.checkIn(caregiver.actor, r.id))).code).toBe('INVALID_TRANSITION');
    expect((await failure(h.useCases.checkOut(caregiver.actor, r.id))).code).toBe('INVALID_TRANSITION');
    await h.useCases.acceptReservation(caregiver.actor, r.id);
    expect((await failure(h.useCases.acceptReservation(caregiver.actor, r.id))).code).toBe('INVALID_TRANSITION');
    expect((await failure(h.useCases.rejectReservation(caregiver.actor, r.id, { reason: 'x' }))).code).toBe('INVALID_TRANSITION');
    expect((await h.outbox()).length).toBe(before.length + 1);
  });

  it('writes an audit row when an admin reads a reservation, and none for participants', async () => {
    const r = await book();
    const admin = actor('ADMIN');
    await h.useCases.getReservation(guardian, r.id);
    await h.useCases.getReservation(admin, r.id, 'req-1');
    const audit = await sql<{ action: string; resource_id: string; actor_id: string; request_id: string }>`
      SELECT action, resource_id, actor_id, request_id FROM platform.audit_log`.execute(h.db);
    expect(audit.rows).toEqual([{ action: 'reservation.patient.read', resource_id: r.id, actor_id: admin.userId, request_id: 'req-1' }]);
  });

  it('erases a withdrawn guardian\'s patient details and a withdrawn caregiver\'s name', async () => {
    const r = await book();
    await h.useCases.cancelReservation(guardian, r.id, { reason: 'x' });
    await h.deliver('reservations.user-withdrawn', 'user.withdrawn.v1', { userId: guardian.userId, role: 'GUARDIAN' });
    await h.deliver('reservations.user-withdrawn', 'user.withdrawn.v1', { userId: caregiver.userId, role: 'CAREGIVER' });
    const view = await h.useCases.getReservation(actor('ADMIN'), r.id);
    expect(view.patient).toEqual({ name: '탈퇴한 회원', conditions: [] });
    expect(view.location.address).toBe('');
    expect(view.caregiverName).toBe('탈퇴한 간병인');
    expect(view.requestMessage).toBeUndefined();
    expect((await h.rawRow(r.id)).patient_health_encrypted).toBeNull();
  });

  it('replaces the reasons a withdrawn user wrote, and only those', async () => {
    const erased = '(탈퇴한 사용자가 작성한 내용 삭제됨 · Removed: written by a withdrawn user)';
    const byGuardian = await book(6);
    await h.useCases.cancelReservation(guardian, byGuardian.id, { reason: '어머니 김순자(010-1234-5678) 입원 취소' });
    const byCaregiver = await book(8);
    await h.useCases.acceptReservation(caregiver.actor, byCaregiver.id);
    await h.useCases.cancelReservation(caregiver.actor, byCaregiver.id, { reason: '제 건강 사정으로 취소합니다' });
    const rejected = await book(10);
    await h.useCases.rejectReservation(caregiver.actor, rejected.id, { reason: '그날은 가족 행사가 있어요', suggestedAlternative: '다음 주 화요일' });
    const byAdmin = await book(12);
    await h.useCases.cancelReservation(actor('ADMIN'), byAdmin.id, { reason: '운영 정책 위반' });
    const reasons = async () => {
      const views = await Promise.all([byGuardian, byCaregiver, rejected, byAdmin].map((r) => h.useCases.getReservation(actor('ADMIN'), r.id)));
      return views.map((v) => [v.cancelReason, v.rejectionReason, v.suggestedAlternative]);
    };

    for (let delivery = 0; delivery < 2; delivery += 1) {
      await h.deliver('reservations.user-withdrawn', 'user.withdrawn.v1', { userId: guardian.userId, role: 'GUARDIAN' });
    }
    expect(await reasons()).toEqual([
      [erased, undefined, undefined],
      ['제 건강 사정으로 취소합니다', undefined, undefined],
      [undefined, '그날은 가족 행사가 있어요', '다음 주 화요일'],
      ['운영 정책 위반', undefined, undefined],
    ]);

    for (let delivery = 0; delivery < 2; delivery += 1) {
      await h.deliver('reservations.user-withdrawn', 'user.withdrawn.v1', { userId: caregiver.userId, role: 'CAREGIVER' });
    }
    expect(await reasons()).toEqual([
      [erased, undefined, undefined],
      [erased, undefined, undefined],
      [undefined, erased, erased],
      ['운영 정책 위반', undefined, undefined],
    ]);
  });
});
