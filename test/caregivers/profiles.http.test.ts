import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { profileInput } from './support.ts';

describe.each(databaseKinds())('caregiver profiles over HTTP on %s', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let guardian: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    admin = await t.signup('ADMIN');
    guardian = await t.signup('GUARDIAN');
  });
  afterAll(async () => {
    await t.close();
  });

  const inject = (options: InjectOptions) => t.app.inject(options);
  const create = (user: TestUser, payload: unknown) =>
    inject({ method: 'POST', url: '/api/v1/caregivers', headers: user.auth, payload: payload as object });

  it('creates a profile once, for caregivers only', async () => {
    const caregiver = await t.signup('CAREGIVER');
    const created = await create(caregiver, profileInput({ regions: [{ sido: '부산', sigungu: '해운대' }] }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      userId: caregiver.userId,
      status: 'PENDING',
      regions: [{ sido: '부산광역시', sigungu: '해운대구' }],
      documents: [],
    });
    const again = await create(caregiver, profileInput());
    expect([again.statusCode, again.json().code]).toEqual([409, 'PROFILE_EXISTS']);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    const byGuardian = await create(guardian, profileInput());
    expect([byGuardian.statusCode, byGuardian.json().code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await inject({ method: 'POST', url: '/api/v1/caregivers', payload: profileInput() });
    expect(anonymous.statusCode).toBe(401);
  });

  it.each([
    ['an unknown field', { ...profileInput(), hobby: 'fishing' }, [{ field: 'hobby', message: 'is not an accepted field' }]],
    ['a wrong type', { ...profileInput(), birthYear: '1970' }, [{ field: 'birthYear' }]],
    ['a bad enum', { ...profileInput(), gender: 'UNKNOWN' }, [{ field: 'gender' }]],
    ['a bad service type', { ...profileInput(), serviceTypes: ['SPA'] }, [{ field: 'serviceTypes.0' }]],
    ['a missing field', { ...profileInput(), displayName: undefined }, [{ field: 'displayName', message: 'is required' }]],
    ['an unknown sigungu', profileInput({ regions: [{ sido: '서울' }, { sido: '서울', sigungu: '해운대' }] }), [
      { field: 'regions[1].sigungu', message: '"해운대" is not a sigungu of 서울특별시' },
    ]],
    ['an unknown sido', profileInput({ regions: [{ sido: '평양' }] }), [{ field: 'regions[0].sido', message: 'unknown sido "평양"' }]],
    ['a too young caregiver', profileInput({ birthYear: 2010, careerYears: 0 }), [{ field: 'birthYear' }]],
    ['a rate out of range', profileInput({ dailyRate: 2_000_000 }), [{ field: 'dailyRate' }]],
    ['duplicate languages', profileInput({ languages: ['ko', 'ko'] }), [{ field: 'languages[1]', message: 'is listed twice' }]],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_name, payload, errors) => {
    const caregiver = await t.signup('CAREGIVER');
    const response = await create(caregiver, payload);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors).toEqual(expect.arrayContaining(errors.map((e) => expect.objectContaining(e))));
  });

  it('reads and edits my profile under the status rules', async () => {
    const caregiver = await t.signup('CAREGIVER');
    const none = await inject({ method: 'GET', url: '/api/v1/caregivers/me', headers: caregiver.auth });
    expect([none.statusCode, none.json().code]).toEqual([404, 'PROFILE_NOT_FOUND']);
    const { id } = (await create(caregiver, profileInput())).json();
    const me = await inject({ method: 'GET', url: '/api/v1/caregivers/me', headers: caregiver.auth });
    expect(me.json()).toMatchObject({ id, status: 'PENDING' });

    const patch = (payload: unknown) =>
      inject({ method: 'PATCH', url: '/api/v1/caregivers/me', headers: caregiver.auth, payload: payload as object });
    expect((await patch({ nickname: 'x' })).json().errors).toEqual([expect.objectContaining({ field: 'nickname', message: 'is not an accepted field' })]);
    expect((await patch({})).statusCode).toBe(400);
    expect((await patch({ hourlyRate: 'cheap' })).json().errors[0].field).toBe('hourlyRate');

    const approve = await inject({ method: 'POST', url: `/api/v1/admin/caregivers/${id}/approve`, headers: admin.auth });
    expect(approve.json()).toMatchObject({ status: 'APPROVED' });
    expect((await patch({ introduction: '주말 가능' })).json()).toMatchObject({ status: 'APPROVED', introduction: '주말 가능' });
    const recert = await patch({ certificates: [{ type: 'NURSE', number: 'RN-2020-77' }] });
    expect(recert.json()).toMatchObject({ status: 'PENDING', certificates: [{ type: 'NURSE', number: 'RN-2020-77' }] });

    const reject = await inject({ method: 'POST', url: `/api/v1/admin/caregivers/${id}/reject`, headers: admin.auth, payload: { reason: '면허 번호 확인 불가' } });
    expect(reject.json()).toMatchObject({ status: 'REJECTED', rejectionReason: '면허 번호 확인 불가' });
    expect((await inject({ method: 'GET', url: '/api/v1/caregivers/me', headers: caregiver.auth })).json().rejectionReason).toBe('면허 번호 확인 불가');
    const resubmitted = await patch({ certificates: [{ type: 'NURSE', number: 'RN-2020-78' }] });
    expect(resubmitted.json().status).toBe('PENDING');
    expect(resubmitted.json()).not.toHaveProperty('rejectionReason');
  });

  it('shows an unapproved profile to its owner and admins only (404 for everyone else)', async () => {
    const owner = await t.signup('CAREGIVER');
    const other = await t.signup('CAREGIVER');
    const { id } = (await create(owner, profileInput())).json();
    const get = (headers?: Record<string, string>) => inject({ method: 'GET', url: `/api/v1/caregivers/${id}`, ...(headers ? { headers } : {}) });
    for (const headers of [undefined, other.auth, guardian.auth, { authorization: 'Bearer not-a-token' }]) {
      const response = await get(headers);
      expect([response.statusCode, response.json().code]).toEqual([404, 'CAREGIVER_NOT_FOUND']);
    }
    expect((await get(owner.auth)).json()).toMatchObject({ id, status: 'PENDING', documents: [] });
    expect((await get(admin.auth)).json()).toMatchObject({ id, status: 'PENDING', certificates: [{ number: '2019-123456' }] });
    expect((await inject({ method: 'GET', url: '/api/v1/caregivers/no-such-id' })).statusCode).toBe(404);

    await inject({ method: 'POST', url: `/api/v1/admin/caregivers/${id}/approve`, headers: admin.auth });
    const seen = (await get()).json();
    expect(seen).toMatchObject({ id, status: 'APPROVED', certificates: [{ number: '****-**3456' }] });
    expect(seen).not.toHaveProperty('documents');
    expect(seen).not.toHaveProperty('rejectionReason');
  });

  it('lets admins list, approve and reject, with the transition rules', async () => {
    const caregiver = await t.signup('CAREGIVER');
    const { id } = (await create(caregiver, profileInput())).json();
    const list = await inject({ method: 'GET', url: '/api/v1/admin/caregivers?status=PENDING&limit=100', headers: admin.auth });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(id);
    expect(list.json().items.every((p: { status: string }) => p.status === 'PENDING')).toBe(true);
    expect((await inject({ method: 'GET', url: '/api/v1/admin/caregivers?status=WAITING', headers: admin.auth })).statusCode).toBe(400);
    expect((await inject({ method: 'GET', url: '/api/v1/admin/caregivers', headers: caregiver.auth })).statusCode).toBe(403);

    const rejectUrl = `/api/v1/admin/caregivers/${id}/reject`;
    const noReason = await inject({ method: 'POST', url: rejectUrl, headers: admin.auth, payload: {} });
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'reason', message: 'is required' })]);
    const extra = await inject({ method: 'POST', url: rejectUrl, headers: admin.auth, payload: { reason: 'x', notify: false } });
    expect(extra.json().errors).toEqual([expect.objectContaining({ field: 'notify', message: 'is not an accepted field' })]);
    expect((await inject({ method: 'POST', url: rejectUrl, headers: admin.auth, payload: { reason: '서류 미비' } })).statusCode).toBe(200);
    const approveRejected = await inject({ method: 'POST', url: `/api/v1/admin/caregivers/${id}/approve`, headers: admin.auth });
    expect([approveRejected.statusCode, approveRejected.json().code]).toEqual([409, 'INVALID_TRANSITION']);
    const missing = await inject({ method: 'POST', url: '/api/v1/admin/caregivers/0190f5a4-1b2c-7d3e-8f40-123456789abc/approve', headers: admin.auth });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'CAREGIVER_NOT_FOUND']);
  });

  it('anonymises the profile when the caregiver withdraws (user.withdrawn.v1)', async () => {
    const caregiver = await t.signup('CAREGIVER');
    const { id } = (await create(caregiver, profileInput({ displayName: '탈퇴예정' }))).json();
    await inject({ method: 'POST', url: `/api/v1/admin/caregivers/${id}/approve`, headers: admin.auth });
    expect((await inject({ method: 'DELETE', url: '/api/v1/users/me', headers: caregiver.auth })).statusCode).toBe(204);
    await t.settle();
    expect((await inject({ method: 'GET', url: `/api/v1/caregivers/${id}` })).statusCode).toBe(404);
    const seenByAdmin = (await inject({ method: 'GET', url: `/api/v1/caregivers/${id}`, headers: admin.auth })).json();
    expect(seenByAdmin).toMatchObject({ status: 'SUSPENDED', displayName: '탈퇴한 간병인', introduction: '', certificates: [] });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await inject({ method: 'GET', url: '/docs/json' })).json();
    for (const path of [
      '/api/v1/caregivers', '/api/v1/caregivers/me', '/api/v1/caregivers/me/documents', '/api/v1/caregivers/regions',
      '/api/v1/caregivers/{id}', '/api/v1/caregivers/{id}/photo', '/api/v1/admin/caregivers',
      '/api/v1/admin/caregivers/{id}/documents/{documentId}', '/api/v1/admin/caregivers/{id}/approve', '/api/v1/admin/caregivers/{id}/reject',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/v1/caregivers/me'].patch.description).toMatch(/Editing a REJECTED profile resubmits it/);
  });
});
