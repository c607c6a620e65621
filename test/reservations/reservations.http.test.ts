import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestApp, TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { at, bookingInput, D, H } from './support.ts';
import { kstClock } from '../../src/platform/kst.ts';
import { isKoreanHoliday } from '../../src/modules/reservations/domain/holidays.ts';
import { approvedCaregiver, problemOf, requests, rowCount, startBookingApp, type BookingCaregiver } from './http-support.ts';

describe.each(databaseKinds())('reservations over HTTP on %s', (kind) => {
  let t: TestApp;
  let http: ReturnType<typeof requests>;
  let guardian: TestUser;
  let admin: TestUser;
  let caregiver: BookingCaregiver;
  beforeAll(async () => {
    ({ t } = await startBookingApp(kind));
    http = requests(t);
    guardian = await t.signup('GUARDIAN');
    admin = await t.signup('ADMIN');
    caregiver = await approvedCaregiver(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  let day = 1;
  /** The next free weekday that is no holiday, 09:00 KST for `hours` (keeps tests apart on the shared caregiver). */
  const nextSlot = (hours = 2) => {
    do day += 1;
    while (kstClock(new Date(at(day * D))).weekday === 0 || isKoreanHoliday(kstClock(new Date(at(day * D))).date));
    return { startAt: at(day * D), endAt: at(day * D + hours * H) };
  };
  const create = async (who: BookingCaregiver = caregiver, overrides: object = {}) => {
    const response = await http.post('/reservations', guardian, { ...bookingInput(who.caregiverId, nextSlot()), ...overrides });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; guardianId: string; totalAmount: number; startAt: string };
  };

  it('quotes for anyone, from the caregiver\'s current rates', async () => {
    const { startAt, endAt } = nextSlot(3);
    const response = await http.get(`/quotes?caregiverId=${caregiver.caregiverId}&rateType=HOURLY&startAt=${encodeURIComponent(startAt)}&endAt=${encodeURIComponent(endAt)}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      caregiverId: caregiver.caregiverId,
      rateType: 'HOURLY',
      startAt,
      endAt,
      lines: [{ kind: 'BASE', description: '기본 요금 (시간제)', units: 3, unitPrice: 15_000, amount: 45_000 }],
      totalAmount: 45_000,
    });
    const offset = await http.get(`/quotes?caregiverId=${caregiver.caregiverId}&rateType=DAILY&startAt=2026-12-07T09:00:00%2B09:00&endAt=2026-12-08T09:00:00%2B09:00`);
    expect(offset.json()).toMatchObject({ startAt: '2026-12-07T00:00:00.000Z', totalAmount: 150_000 });
  });

  it.each([
    ['a duration that is not whole hours', '&rateType=HOURLY&startAt=2026-12-07T09:00:00Z&endAt=2026-12-07T10:30:00Z', 400, 'VALIDATION_FAILED'],
    ['a start in the past', '&rateType=HOURLY&startAt=2026-11-30T09:00:00Z&endAt=2026-11-30T10:00:00Z', 400, 'VALIDATION_FAILED'],
    ['a time without an offset', '&rateType=HOURLY&startAt=2026-12-07T09:00:00&endAt=2026-12-07T10:00:00Z', 400, 'VALIDATION_FAILED'],
    ['a missing rate type', '&startAt=2026-12-07T09:00:00Z&endAt=2026-12-07T10:00:00Z', 400, 'VALIDATION_FAILED'],
  ])('refuses a quote with %s', async (_name, query, status, code) => {
    const response = await http.get(`/quotes?caregiverId=${caregiver.caregiverId}${query}`);
    expect([response.statusCode, response.json().code]).toEqual([status, code]);
  });

  it('answers 404 for a quote of an unknown or unapproved caregiver', async () => {
    const pending = await t.signup('CAREGIVER');
    const profile = await t.modules.caregivers.useCases.createProfile(pending.userId, (await import('../caregivers/support.ts')).profileInput());
    for (const id of ['00000000-0000-7000-8000-000000000000', 'nope', profile.id]) {
      const response = await http.get(`/quotes?caregiverId=${id}&rateType=HOURLY&startAt=2026-12-07T09:00:00Z&endAt=2026-12-07T10:00:00Z`);
      expect(problemOf(response)).toMatchObject({ status: 404, code: 'CAREGIVER_NOT_FOUND' });
    }
  });

  it('creates a reservation for a guardian, and only for a guardian', async () => {
    const body = bookingInput(caregiver.caregiverId, nextSlot(4));
    const response = await http.post('/reservations', guardian, body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      guardianId: guardian.userId,
      caregiverId: caregiver.caregiverId,
      caregiverName: '김영희',
      status: 'REQUESTED',
      totalAmount: 60_000,
      location: { sido: '서울특별시', sigungu: '강남구' },
      patient: { conditions: ['치매 초기', '당뇨'], notes: '오후에 인슐린 투여' },
    });
    expect(problemOf(await http.post('/reservations', caregiver, body)).status).toBe(403);
    expect(problemOf(await http.post('/reservations', admin, body)).status).toBe(403);
    expect(problemOf(await http.post('/reservations', undefined, body)).status).toBe(401);
  });

  const caregiverId = () => caregiver.caregiverId;
  it.each([
    ['a duration that is not whole hours', () => ({ ...bookingInput(caregiverId()), endAt: at(2 * D + 90 * 60_000) }), 400, 'VALIDATION_FAILED', 'endAt'],
    ['a daily booking of partial days', () => ({ ...bookingInput(caregiverId()), rateType: 'DAILY', endAt: at(3 * D + H) }), 400, 'VALIDATION_FAILED', 'endAt'],
    ['a start in the past', () => ({ ...bookingInput(caregiverId()), startAt: at(-2 * H), endAt: at(2 * H) }), 400, 'VALIDATION_FAILED', 'startAt'],
    ['a start too far ahead', () => ({ ...bookingInput(caregiverId()), startAt: at(95 * D), endAt: at(95 * D + H) }), 400, 'VALIDATION_FAILED', 'startAt'],
    ['a time without an offset', () => ({ ...bookingInput(caregiverId()), startAt: '2026-12-03T09:00:00' }), 400, 'VALIDATION_FAILED', 'startAt'],
    ['an unknown caregiver', () => bookingInput('00000000-0000-7000-8000-000000000000'), 404, 'CAREGIVER_NOT_FOUND', undefined],
    ['a service type the caregiver does not offer', () => ({ ...bookingInput(caregiverId()), serviceType: 'DEMENTIA' }), 400, 'SERVICE_TYPE_NOT_OFFERED', 'serviceType'],
    ['an unknown service type', () => ({ ...bookingInput(caregiverId()), serviceType: 'SPA' }), 400, 'VALIDATION_FAILED', 'serviceType'],
    ['a total amount', () => ({ ...bookingInput(caregiverId()), totalAmount: 1 }), 400, 'VALIDATION_FAILED', 'totalAmount'],
    ['a quote', () => ({ ...bookingInput(caregiverId()), quote: { totalAmount: 1 } }), 400, 'VALIDATION_FAILED', 'quote'],
    ['an amount inside the patient', () => ({ ...bookingInput(caregiverId()), patient: { name: 'x', conditions: [], amount: 1 } }), 400, 'VALIDATION_FAILED', 'patient.amount'],
    ['an unknown region', () => ({ ...bookingInput(caregiverId()), location: { sido: '서울', sigungu: '해운대', address: 'x' } }), 400, 'VALIDATION_FAILED', 'location.sigungu'],
    ['a missing patient', () => ({ ...bookingInput(caregiverId()), patient: undefined }), 400, 'VALIDATION_FAILED', 'patient'],
    ['too many conditions', () => ({ ...bookingInput(caregiverId()), patient: { name: 'x', conditions: Array(21).fill('c') } }), 400, 'VALIDATION_FAILED', 'patient.conditions'],
  ])('refuses %s with a problem and books nothing', async (_name, body, status, code, field) => {
    const before = await rowCount(t);
    const response = await http.post('/reservations', guardian, body());
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = problemOf(response);
    expect([problem.status, problem.code]).toEqual([status, code]);
    if (field) expect(problem.fields).toContain(field);
    expect(await rowCount(t)).toBe(before);
  });

  it('refuses an overlapping booking with 409 RESERVATION_OVERLAP, and takes a back-to-back one', async () => {
    const own = await approvedCaregiver(t);
    const first = bookingInput(own.caregiverId);
    expect((await http.post('/reservations', guardian, first)).statusCode).toBe(201);
    const overlap = await http.post('/reservations', await t.signup('GUARDIAN'), { ...first, startAt: at(2 * D + 7 * H), endAt: at(2 * D + 9 * H) });
    expect(problemOf(overlap)).toMatchObject({ status: 409, code: 'RESERVATION_OVERLAP' });
    expect((await http.post('/reservations', guardian, { ...first, startAt: first.endAt, endAt: at(2 * D + 10 * H) })).statusCode).toBe(201);
  });

  it('replays a create with the same Idempotency-Key and body, and refuses the key with another body', async () => {
    const body = bookingInput(caregiver.caregiverId, nextSlot());
    const key = { 'idempotency-key': `key-${Date.now()}` };
    const first = await http.post('/reservations', guardian, body, key);
    const again = await http.post('/reservations', guardian, body, key);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const reused = await http.post('/reservations', guardian, { ...body, requestMessage: '다른 요청' }, key);
    expect(problemOf(reused)).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    const bad = await http.post('/reservations', guardian, body, { 'idempotency-key': 'with space' });
    expect(problemOf(bad)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const stored = await sql<{ response: unknown }>`SELECT response FROM platform.idempotency_keys WHERE key = ${key['idempotency-key']}`.execute(t.platform.database.db);
    expect(stored.rows[0]!.response).toEqual({ id: first.json().id });
  });

  it('shows a reservation with the patient\'s details to its participants and admins only, and audits admins', async () => {
    const r = await create();
    for (const user of [guardian, caregiver, admin]) {
      const response = await http.get(`/reservations/${r.id}`, user);
      expect(response.statusCode).toBe(200);
      expect(response.json().patient).toEqual({ name: '박순자', birthYear: 1940, gender: 'FEMALE', conditions: ['치매 초기', '당뇨'], notes: '오후에 인슐린 투여' });
    }
    for (const user of [await t.signup('GUARDIAN'), await approvedCaregiver(t)]) {
      expect(problemOf(await http.get(`/reservations/${r.id}`, user))).toMatchObject({ status: 404, code: 'RESERVATION_NOT_FOUND' });
    }
    expect(problemOf(await http.get('/reservations/not-an-id', guardian)).status).toBe(404);
    const raw = await sql<{ patient_health_encrypted: string }>`SELECT patient_health_encrypted FROM reservations.reservations WHERE id = ${r.id}`.execute(t.platform.database.db);
    expect(raw.rows[0]!.patient_health_encrypted).toMatch(/^v1\./);
    expect(raw.rows[0]!.patient_health_encrypted).not.toContain('치매');
    const audit = await sql<{ actor_id: string; action: string }>`SELECT actor_id, action FROM platform.audit_log WHERE resource_id = ${r.id}`.execute(t.platform.database.db);
    expect(audit.rows).toEqual([{ actor_id: admin.userId, action: 'reservation.patient.read' }]);
  });

  it('lists each participant\'s own reservations, with ?status and pages', async () => {
    const own = await approvedCaregiver(t);
    const mine = await t.signup('GUARDIAN');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await http.post('/reservations', mine, bookingInput(own.caregiverId, { startAt: at(2 * D + i * 10 * H), endAt: at(2 * D + i * 10 * H + H) }));
      ids.push(response.json().id);
      t.platform.clock.now();
    }
    expect((await http.post(`/reservations/${ids[0]}/accept`, own)).statusCode).toBe(200);
    const page = await http.get('/reservations?limit=2', mine);
    expect(page.json().items).toHaveLength(2);
    const rest = await http.get(`/reservations?limit=2&cursor=${page.json().nextCursor}`, mine);
    expect([...page.json().items, ...rest.json().items].map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort());
    expect(rest.json().nextCursor).toBeNull();
    const accepted = await http.get('/reservations?status=ACCEPTED', own);
    expect(accepted.json().items.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    const two = await http.get('/reservations?status=ACCEPTED&status=REQUESTED', own);
    expect(two.json().items).toHaveLength(3);
    expect(problemOf(await http.get('/reservations?status=NOPE', own)).status).toBe(400);
    expect(problemOf(await http.get('/reservations', admin)).status).toBe(403);
  });
});
