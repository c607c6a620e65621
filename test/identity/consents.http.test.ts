import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';

// Sign-up consents (issue 13): optional for API clients (recorded as null), required values checked when sent.


const signupBody = (over: Record<string, unknown> = {}) => ({
  email: `c${Math.random().toString(36).slice(2)}@example.com`,
  password: 'correct horse battery staple',
  name: '박서연',
  role: 'GUARDIAN',
  ...over,
});


describe.each(databaseKinds())('POST /auth/signup consents on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ kind });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function consentsOf(userId: string) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM identity.consents WHERE user_id = ${userId}`.execute(t.platform.database.db);
    return rows[0];
  }

  it('records the versions agreed to, the marketing choice and the time', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ consents: { terms: true, privacy: true, marketing: true } }) });
    expect(res.statusCode).toBe(201);
    const row = await consentsOf(res.json().id);
    expect(row).toMatchObject({ terms_version: '2026-12-01', privacy_version: '2026-12-01', sensitive_version: null, marketing: true });
    expect(row?.recorded_at).toBeInstanceOf(Date);
  });

  it('keeps API clients without consents working and records null', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody() });
    expect(res.statusCode).toBe(201);
    expect(await consentsOf(res.json().id)).toMatchObject({ terms_version: null, privacy_version: null, marketing: null });
  });

  it('refuses missing required consents with 400 CONSENT_REQUIRED per field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ consents: { terms: true, privacy: false } }) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CONSENT_REQUIRED', errors: [{ field: 'consents.privacy' }] });
  });

  it('asks caregivers for the sensitive-data consent too', async () => {
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ role: 'CAREGIVER', consents: { terms: true, privacy: true } }) });
    expect(without.statusCode).toBe(400);
    expect(without.json().errors).toEqual([expect.objectContaining({ field: 'consents.sensitive' })]);
    const withIt = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ role: 'CAREGIVER', consents: { terms: true, privacy: true, sensitive: true } }) });
    expect(withIt.statusCode).toBe(201);
    expect(await consentsOf(withIt.json().id)).toMatchObject({ sensitive_version: '2026-12-01', marketing: false });
  });
});
