import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { databaseKinds } from '../support/database.ts';
import { actor, at, bookingInput, D, failure, H, openReservationsModule, type Harness } from './support.ts';

describe.each(databaseKinds())('booking on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await openReservationsModule(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('creates a REQUESTED reservation priced now, with the caregiver\'s display data and the requested event', async () => {
    const caregiver = h.caregiver();
    const guardian = actor('GUARDIAN');
    const r = await h.useCases.createReservation(guardian.userId, bookingInput(caregiver.id));
    expect(r).toMatchObject({
      guardianId: guardian.userId,
      caregiverId: caregiver.id,
      caregiverName: '김영희',
      status: 'REQUESTED',
      startAt: at(2 * D),
      endAt: at(2 * D + 8 * H),
      location: { sido: '서울특별시', sigungu: '강남구', address: '테헤란로 1, 서울병원 701호' },
      patient: { name: '박순자', birthYear: 1940, gender: 'FEMALE', conditions: ['치매 초기', '당뇨'], notes: '오후에 인슐린 투여' },
      requestMessage: '잘 부탁드립니다',
      totalAmount: 120_000,
      quote: { caregiverId: caregiver.id, rateType: 'HOURLY', totalAmount: 120_000, lines: [{ kind: 'BASE', units: 8, unitPrice: 15_000, amount: 120_000 }] },
      expiresAt: at(D),
      createdAt: at(0),
    });
    expect(await h.outbox()).toEqual([
      {
        type: 'reservation.requested.v1',
        aggregate_id: r.id,
        payload: {
          reservationId: r.id,
          status: 'REQUESTED',
          guardianId: guardian.userId,
          caregiverId: caregiver.id,
          caregiverUserId: caregiver.userId,
          caregiverName: '김영희',
          startAt: at(2 * D),
          endAt: at(2 * D + 8 * H),
          totalAmount: 120_000,
        },
      },
    ]);
    expect(h.relayWakes()).toBe(1);
  });

  it('encrypts the patient\'s conditions and notes at rest, bound to the reservation', async () => {
    const caregiver = h.caregiver();
    const r = await h.useCases.createReservation(newId(), bookingInput(caregiver.id));
    const raw = await h.rawRow(r.id);
    const stored = String(raw.patient_health_encrypted);
    expect(stored).toMatch(/^v1\./);
    expect(JSON.stringify(raw)).not.toContain('치매');
    expect(JSON.stringify(raw)).not.toContain('인슐린');
    expect(JSON.parse(h.platform.cipher.decrypt(stored, r.id))).toEqual({ conditions: ['치매 초기', '당뇨'], notes: '오후에 인슐린 투여' });
    expect(() => h.platform.cipher.decrypt(stored, newId())).toThrow();
    expect(JSON.stringify(await h.outbox())).not.toContain('치매');
  });

  it('keeps the quote it was made with when the caregiver\'s rates change', async () => {
    const caregiver = h.caregiver();
    const r = await h.useCases.createReservation(newId(), bookingInput(caregiver.id));
    h.caregiver({ ...caregiver, hourlyRate: 30_000 });
    const again = await h.useCases.getReservation(actor('ADMIN'), r.id);
    expect(again.totalAmount).toBe(120_000);
    const quote = await h.useCases.getQuote({ caregiverId: caregiver.id, rateType: 'HOURLY', startAt: at(3 * D), endAt: at(3 * D + H) });
    expect(quote.totalAmount).toBe(30_000);
  });

  it.each([
    ['a duration that is not whole hours', { endAt: at(2 * D + 90 * 60_000) }, 'endAt'],
    ['a daily booking that is not whole days', { rateType: 'DAILY' as const, endAt: at(2 * D + 30 * H) }, 'endAt'],
    ['an end before the start', { endAt: at(D) }, 'endAt'],
    ['a start in the past', { startAt: at(-H), endAt: at(H) }, 'startAt'],
    ['a start under an hour away', { startAt: at(30 * 60_000), endAt: at(90 * 60_000) }, 'startAt'],
    ['a start more than 90 days ahead', { startAt: at(91 * D), endAt: at(91 * D + H) }, 'startAt'],
    ['a stay longer than 31 days', { rateType: 'DAILY' as const, endAt: at(2 * D + 32 * D) }, 'endAt'],
    ['an unknown sido', { location: { sido: '평양', address: 'x' } }, 'location.sido'],
    ['a sigungu of another sido', { location: { sido: '서울', sigungu: '해운대', address: 'x' } }, 'location.sigungu'],
    ['a blank address', { location: { sido: '서울', address: '   ' } }, 'location.address'],
    ['a patient born in the future', { patient: { name: '박순자', birthYear: 2030, conditions: [] } }, 'patient.birthYear'],
  ])('refuses %s with 400 and writes nothing', async (_name, overrides, field) => {
    const caregiver = h.caregiver();
    const error = await failure(h.useCases.createReservation(newId(), bookingInput(caregiver.id, overrides)));
    expect([error.kind, error.code]).toEqual(['invalid', 'VALIDATION_FAILED']);
    expect((error.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    expect(await h.count()).toBe(0);
    expect(await h.outbox()).toEqual([]);
  });

  it('refuses unknown and unapproved caregivers (404) and service types they do not offer (400)', async () => {
    const unknown = await failure(h.useCases.createReservation(newId(), bookingInput(newId())));
    expect([unknown.kind, unknown.code]).toEqual(['not_found', 'CAREGIVER_NOT_FOUND']);
    const pending = h.caregiver({ status: 'PENDING' });
    expect((await failure(h.useCases.createReservation(newId(), bookingInput(pending.id)))).code).toBe('CAREGIVER_NOT_FOUND');
    const caregiver = h.caregiver({ serviceTypes: ['HOME'] });
    const offered = await failure(h.useCases.createReservation(newId(), bookingInput(caregiver.id)));
    expect([offered.kind, offered.code]).toEqual(['invalid', 'SERVICE_TYPE_NOT_OFFERED']);
    expect(await h.count()).toBe(0);
  });

  it('lets the database refuse overlapping bookings of one caregiver, and allows back-to-back ones', async () => {
    const caregiver = h.caregiver();
    const other = h.caregiver();
    await h.useCases.createReservation(newId(), bookingInput(caregiver.id));
    const overlap = await failure(
      h.useCases.createReservation(newId(), bookingInput(caregiver.id, { startAt: at(2 * D + 7 * H), endAt: at(2 * D + 9 * H) })),
    );
    expect([overlap.kind, overlap.code]).toEqual(['conflict', 'RESERVATION_OVERLAP']);
    await h.useCases.createReservation(newId(), bookingInput(caregiver.id, { startAt: at(2 * D + 8 * H), endAt: at(2 * D + 10 * H) }));
    await h.useCases.createReservation(newId(), bookingInput(caregiver.id, { startAt: at(2 * D - 2 * H), endAt: at(2 * D) }));
    await h.useCases.createReservation(newId(), bookingInput(other.id));
    expect(await h.count()).toBe(4);
    expect(await h.outboxTypes()).toEqual(Array(4).fill('reservation.requested.v1'));
  });

  it('frees the caregiver\'s time once a reservation ends without care', async () => {
    const caregiver = h.caregiver();
    const first = await h.useCases.createReservation(newId(), bookingInput(caregiver.id));
    await h.useCases.rejectReservation(caregiver.actor, first.id, { reason: '일정이 있습니다' });
    const second = await h.useCases.createReservation(newId(), bookingInput(caregiver.id));
    await h.useCases.cancelReservation(actor('ADMIN'), second.id, { reason: '중복' });
    await h.useCases.createReservation(newId(), bookingInput(caregiver.id));
  });

  it('lists a participant\'s reservations newest first, by status, a page at a time', async () => {
    const caregiver = h.caregiver();
    const guardian = actor('GUARDIAN');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      h.clock.advance(60_000);
      const start = 2 * D + i * 10 * H;
      ids.push((await h.useCases.createReservation(guardian.userId, bookingInput(caregiver.id, { startAt: at(start), endAt: at(start + H) }))).id);
    }
    await h.useCases.acceptReservation(caregiver.actor, ids[1]!);
    const first = await h.useCases.listReservations(guardian, { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual([ids[4], ids[3]]);
    const second = await h.useCases.listReservations(guardian, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const third = await h.useCases.listReservations(guardian, { limit: 2, cursor: second.nextCursor! });
    expect([third.items.map((r) => r.id), third.nextCursor]).toEqual([[ids[0]], null]);
    expect((await h.useCases.listReservations(caregiver.actor, { status: ['ACCEPTED'] })).items.map((r) => r.id)).toEqual([ids[1]]);
    expect((await h.useCases.listReservations(actor('GUARDIAN'))).items).toEqual([]);
    expect((await failure(h.useCases.listReservations(guardian, { cursor: 'bm9wZQ' }))).code).toBe('VALIDATION_FAILED');
  });

  it('answers the contract: payable reservations, participants, unfinished reservations', async () => {
    const caregiver = h.caregiver();
    const guardian = actor('GUARDIAN');
    const r = await h.useCases.createReservation(guardian.userId, bookingInput(caregiver.id));
    await h.useCases.acceptReservation(caregiver.actor, r.id);
    expect(await h.api.findPayable(r.id, guardian.userId)).toEqual({
      id: r.id,
      status: 'ACCEPTED',
      guardianId: guardian.userId,
      caregiverId: caregiver.id,
      caregiverUserId: caregiver.userId,
      totalAmount: 120_000,
      orderName: '간병 예약 12/03 09:00 (김영희)',
      startAt: at(2 * D),
      expiresAt: at(D),
    });
    expect(await h.api.findPayable(r.id, caregiver.userId)).toBeUndefined();
    expect(await h.api.findPayable('not-an-id', guardian.userId)).toBeUndefined();
    expect(await h.api.participants(r.id)).toEqual({ guardianId: guardian.userId, caregiverUserId: caregiver.userId });
    expect(await h.api.hasUnfinishedReservations(guardian.userId)).toBe(true);
    expect(await h.api.hasUnfinishedReservations(caregiver.userId)).toBe(true);
    await h.useCases.cancelReservation(guardian, r.id, { reason: '취소' });
    expect(await h.api.hasUnfinishedReservations(guardian.userId)).toBe(false);
    expect(await h.api.hasUnfinishedReservations(caregiver.userId)).toBe(false);
  });
});
