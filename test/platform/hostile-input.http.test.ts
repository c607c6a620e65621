import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { approvedCaregiver, startIn, DAY, HOUR } from '../payments/support.ts';
import { FILES } from '../caregivers/support.ts';

// Issue 12 item 6: hostile input is a 400 problem+json naming the field, and changes nothing. The causes are
// refused at validation (platform/http/input-rules.ts); none of these may reach the database.

function refused(res: LightMyRequestResponse, code: string, field?: string): void {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as { code: string; errors?: { field: string }[] };
  expect(body.code).toBe(code);
  if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
}

const kst = (at: Date) => `${new Date(at.getTime() + 9 * HOUR).toISOString().slice(0, 19)}+09:00`;

describe.each(databaseKinds())('hostile input on %s', (kind) => {
  let t: TestApp;
  let guardian: TestUser;
  let admin: TestUser;
  let caregiver: { caregiver: TestUser; caregiverId: string };

  beforeAll(async () => {
    t = await startTestApp({ kind });
    guardian = await t.signup('GUARDIAN');
    admin = await t.signup('ADMIN');
    caregiver = await approvedCaregiver(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses U+0000 in the search text, a login email and a signup name', async () => {
    refused(await t.app.inject({ method: 'GET', url: '/api/v1/caregivers?q=a%00b' }), 'VALIDATION_FAILED', 'q');
    refused(await t.app.inject({ method: 'GET', url: '/api/v1/admin/users?q=%00', headers: admin.auth }), 'VALIDATION_FAILED', 'q');
    refused(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a\u0000@example.com', password: 'x' } }), 'VALIDATION_FAILED', 'email');
    const email = `nul-${Date.now()}@example.com`;
    const signup = { email, password: 'correct horse battery staple', name: 'Kim\u0000', role: 'GUARDIAN' };
    refused(await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signup }), 'VALIDATION_FAILED', 'name');
    refused(await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { ...signup, name: 'Kim\nLee' } }), 'VALIDATION_FAILED', 'name');
    // Nothing was created.
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: signup.password } });
    expect(login.statusCode).toBe(401);
  });

  it('refuses U+0000 in the Toss webhook and in a reservation\'s patient, and books nothing', async () => {
    const webhook = { eventType: 'PAYMENT_STATUS_CHANGED', data: { paymentKey: 'pk\u0000' } };
    refused(await t.app.inject({ method: 'POST', url: '/api/v1/payments/webhooks/toss', payload: webhook }), 'VALIDATION_FAILED', 'data.paymentKey');
    const start = startIn(10 * DAY);
    const booking = {
      caregiverId: caregiver.caregiverId,
      serviceType: 'HOSPITAL',
      rateType: 'DAILY',
      startAt: kst(start),
      endAt: kst(new Date(start.getTime() + DAY)),
      location: { sido: '서울', sigungu: '강남', address: '테헤란로 1' },
      patient: { name: '김\u0000환자', conditions: [] },
    };
    refused(await t.app.inject({ method: 'POST', url: '/api/v1/reservations', headers: guardian.auth, payload: booking }), 'VALIDATION_FAILED', 'patient.name');
    const withBell = { ...booking, patient: { name: '김환자', conditions: ['\u0007'] } };
    refused(await t.app.inject({ method: 'POST', url: '/api/v1/reservations', headers: guardian.auth, payload: withBell }), 'VALIDATION_FAILED', 'patient.conditions.0');
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/reservations', headers: guardian.auth });
    expect(mine.json().items).toEqual([]);
    // Long texts keep their line breaks.
    const notes = { ...booking, patient: { name: '김환자', conditions: [], notes: '식사 후 약\n밤에는 물 조금' } };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reservations', headers: guardian.auth, payload: notes })).statusCode).toBe(201);
  });

  it('refuses years 0000 and 99999 in date-time filters and inputs', async () => {
    for (const url of [
      '/api/v1/admin/reservations?from=0000-01-01T00:00:00Z',
      '/api/v1/admin/payments?to=99999-01-01T00:00:00Z',
      '/api/v1/admin/settlements?from=0000-01-01T00:00:00Z',
      '/api/v1/admin/audit-log?to=%2B099999-01-01T00:00:00Z',
    ]) {
      const field = url.includes('from=') ? 'from' : 'to';
      refused(await t.app.inject({ method: 'GET', url, headers: admin.auth }), 'VALIDATION_FAILED', field);
    }
    refused(await t.app.inject({ method: 'GET', url: '/api/v1/admin/stats?to=0000-01-01T00:00:00Z', headers: admin.auth }), 'VALIDATION_FAILED', 'to');
    refused(await t.app.inject({ method: 'GET', url: '/api/v1/admin/stats?from=%2B099999-01-01T00:00:00Z', headers: admin.auth }), 'VALIDATION_FAILED', 'from');
    const quote = `/api/v1/quotes?caregiverId=${caregiver.caregiverId}&rateType=DAILY&startAt=0000-01-01T00:00:00Z&endAt=0000-01-02T00:00:00Z`;
    refused(await t.app.inject({ method: 'GET', url: quote, headers: guardian.auth }), 'VALIDATION_FAILED', 'startAt');
  });

  it('answers malformed multipart with 400 MALFORMED_MULTIPART', async () => {
    const boundary = 'fuzzboundary';
    const form = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nPHOTO\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      FILES.png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = (type: string, payload: Buffer) =>
      t.app.inject({ method: 'POST', url: '/api/v1/caregivers/me/documents', headers: { ...caregiver.caregiver.auth, 'content-type': type }, payload });
    refused(await upload('multipart/form-data', form), 'MALFORMED_MULTIPART');
    refused(await upload(`multipart/form-data; boundary=${boundary}`, form.subarray(0, form.length - 40)), 'MALFORMED_MULTIPART');
    expect((await upload(`multipart/form-data; boundary=${boundary}`, form)).statusCode).toBe(201);
  });

  it('applies the rule to parts a route gives no schema for', async () => {
    refused(await t.app.inject({ method: 'GET', url: '/api/v1/users/me?unknown=a%00b', headers: guardian.auth }), 'VALIDATION_FAILED', 'unknown');
    refused(await t.app.inject({ method: 'GET', url: '/health/live?x=%01' }), 'VALIDATION_FAILED', 'x');
  });

  it('answers ids over 100 characters with a 400 problem that does not echo the URL', async () => {
    const id = 'x'.repeat(150);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/reservations/${id}`, headers: guardian.auth });
    refused(res, 'VALIDATION_FAILED', 'params');
    expect(res.body).not.toContain(id);
    expect(res.headers['x-request-id']).toBe(res.json().requestId);
    const unknown = await t.app.inject({ method: 'GET', url: `/api/v1/${'y'.repeat(500)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('ROUTE_NOT_FOUND');
    expect(unknown.body).not.toContain('y'.repeat(101));
  });
});
