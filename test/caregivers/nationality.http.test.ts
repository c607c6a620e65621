import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { profileInput } from './support.ts';

// The optional nationality of a caregiver profile (issue 13): written with the profile, changed with PATCH,
// shown to the public once approved; absent when not given.

describe.each(databaseKinds())('caregiver nationality over HTTP on %s', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    admin = await t.signup('ADMIN');
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps, changes and shows it', async () => {
    const caregiver = await t.signup('CAREGIVER');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/caregivers', headers: caregiver.auth, payload: { ...profileInput(), nationality: 'VN' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().nationality).toBe('VN');
    const changed = await t.app.inject({ method: 'PATCH', url: '/api/v1/caregivers/me', headers: caregiver.auth, payload: { nationality: 'CN' } });
    expect(changed.json().nationality).toBe('CN');
    const { id } = created.json();
    const approve = await t.app.inject({ method: 'POST', url: `/api/v1/admin/caregivers/${id}/approve`, headers: admin.auth });
    expect(approve.statusCode).toBeLessThan(300);
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/caregivers/${id}` });
    expect(shown.json()).toMatchObject({ nationality: 'CN', birthYear: expect.any(Number) });
  });

  it('is optional and checked', async () => {
    const caregiver = await t.signup('CAREGIVER');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/caregivers', headers: caregiver.auth, payload: profileInput() });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('nationality');
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/caregivers/me', headers: caregiver.auth, payload: { nationality: 'vietnam' } });
    expect([bad.statusCode, bad.json().errors?.[0]?.field]).toEqual([400, 'nationality']);
  });
});
