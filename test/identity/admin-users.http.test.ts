import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';

// GET /admin/users, POST /admin/users/:id/suspend|unsuspend over HTTP: search, filters and paging; the
// suspension's codes; and what it does at once: tokens refused, login 403, refresh refused, audit row.

describe.each(databaseKinds())('admin users on %s', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  const made: { id: string; name: string; email: string; phone: string | null; role: string }[] = [];

  const signupWith = async (role: 'GUARDIAN' | 'CAREGIVER', name: string, email: string, phone?: string) => {
    const payload = { email, name, role, password: 'correct horse battery staple', ...(phone ? { phone } : {}) };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload });
    if (res.statusCode !== 201) throw new Error(res.body);
    made.push({ id: res.json().id, name, email, phone: phone ?? null, role });
  };
  const get = (url: string, user: TestUser | 'anonymous' = admin) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, ...(user === 'anonymous' ? {} : { headers: user.auth }) });
  const post = (url: string, payload?: unknown, user: TestUser = admin) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: user.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const names = (res: { json(): unknown }) => (res.json() as { items: { name: string }[] }).items.map((i) => i.name);

  beforeAll(async () => {
    t = await startTestApp({ kind });
    admin = await t.signup('ADMIN', { name: '관리자' });
    await signupWith('GUARDIAN', '김민지', 'minji.kim@example.com', '010-1234-5678');
    await signupWith('GUARDIAN', 'Park Jisoo', 'JISOO@Example.com', '01098765432');
    await signupWith('CAREGIVER', '이순자', 'soonja@example.com', '+82 10 5555 0000');
    await signupWith('CAREGIVER', '100%_rate', 'pct@example.com');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  describe('GET /admin/users', () => {
    it('answers 401 to anonymous callers and 403 to non-admins', async () => {
      expect((await get('/admin/users', 'anonymous')).statusCode).toBe(401);
      const guardian = await t.signup('GUARDIAN');
      const res = await get('/admin/users', guardian);
      expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
    });

    it('lists every account newest first, in the documented shape', async () => {
      const res = await get('/admin/users?role=CAREGIVER');
      expect(res.statusCode).toBe(200);
      expect(names(res)).toEqual(['100%_rate', '이순자']);
      const item = res.json().items[1];
      expect(item).toEqual({
        id: made[2]!.id,
        email: 'soonja@example.com',
        name: '이순자',
        phone: '+82 10 5555 0000',
        role: 'CAREGIVER',
        status: 'ACTIVE',
        preferredLanguage: 'ko',
        createdAt: expect.stringMatching(/Z$/),
        suspendedAt: null,
        suspensionReason: null,
      });
    });

    it('searches name and email case-insensitively, and phones ignoring dashes and spaces', async () => {
      expect(names(await get(`/admin/users?q=${encodeURIComponent('민지')}`))).toEqual(['김민지']);
      expect(names(await get('/admin/users?q=jisoo@EXAMPLE'))).toEqual(['Park Jisoo']);
      expect(names(await get('/admin/users?q=park'))).toEqual(['Park Jisoo']);
      expect(names(await get('/admin/users?q=01012345678'))).toEqual(['김민지']);
      expect(names(await get(`/admin/users?q=${encodeURIComponent('010-9876-5432')}`))).toEqual(['Park Jisoo']);
      expect(names(await get(`/admin/users?q=${encodeURIComponent('5555 0000')}`))).toEqual(['이순자']);
    });

    it('matches LIKE wildcards literally', async () => {
      expect(names(await get(`/admin/users?q=${encodeURIComponent('%_')}`))).toEqual(['100%_rate']);
      expect(names(await get(`/admin/users?q=${encodeURIComponent('_')}`))).toEqual(['100%_rate']);
    });

    it('pages with a cursor', async () => {
      const first = await get('/admin/users?role=GUARDIAN&limit=1');
      const all: string[] = [...names(first)];
      let cursor = first.json().nextCursor as string | null;
      while (cursor) {
        const page = await get(`/admin/users?role=GUARDIAN&limit=1&cursor=${cursor}`);
        all.push(...names(page));
        cursor = page.json().nextCursor;
      }
      const everyGuardian = names(await get('/admin/users?role=GUARDIAN&limit=100'));
      expect(all).toEqual(everyGuardian);
      expect(all).toContain('김민지');
      expect(all.indexOf('Park Jisoo')).toBeLessThan(all.indexOf('김민지'));
    });

    it.each([['q='], ['q=' + 'x'.repeat(101)], ['status=GONE'], ['role=ROOT'], ['cursor=nope'], ['limit=0']])('answers 400 to %s', async (query) => {
      expect((await get(`/admin/users?${query}`)).statusCode).toBe(400);
    });
  });

  describe('suspension', () => {
    it('suspends: tokens refused at once, login 403, refresh refused, audited; unsuspend restores sign-in', async () => {
      const user = await t.signup('GUARDIAN', { name: '정지대상' });
      expect((await get('/users/me', user)).statusCode).toBe(200);

      const res = await post(`/admin/users/${user.userId}/suspend`, { reason: '  부적절한 메시지  ' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: user.userId, status: 'SUSPENDED', suspensionReason: '부적절한 메시지', suspendedAt: expect.stringMatching(/Z$/) });

      const me = await get('/users/me', user);
      expect([me.statusCode, me.json().code]).toEqual([401, 'TOKEN_REVOKED']);
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
      expect([login.statusCode, login.json().code]).toEqual([403, 'ACCOUNT_SUSPENDED']);
      const wrongPassword = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'wrong password!!' } });
      expect(wrongPassword.statusCode).toBe(401);
      const refresh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: user.refreshToken } });
      expect([refresh.statusCode, refresh.json().code]).toEqual([401, 'INVALID_REFRESH_TOKEN']);

      const listed = await get('/admin/users?status=SUSPENDED');
      expect(names(listed)).toContain('정지대상');

      const audit = await sql<{ action: string; actor_id: string; details: unknown }>`
        SELECT action, actor_id, details FROM platform.audit_log WHERE resource_type = 'user' AND resource_id = ${user.userId} ORDER BY at`.execute(t.platform.database.db);
      expect(audit.rows.map((r) => [r.action, r.actor_id])).toEqual([['user.suspend', admin.userId]]);
      const details = typeof audit.rows[0]!.details === 'string' ? JSON.parse(audit.rows[0]!.details) : audit.rows[0]!.details;
      expect(details).toEqual({ reason: '부적절한 메시지' });

      const again = await post(`/admin/users/${user.userId}/suspend`, { reason: 'again' });
      expect([again.statusCode, again.json().code]).toEqual([409, 'USER_ALREADY_SUSPENDED']);

      const lifted = await post(`/admin/users/${user.userId}/unsuspend`, { reason: '소명 확인' });
      expect(lifted.statusCode).toBe(200);
      expect(lifted.json()).toMatchObject({ status: 'ACTIVE', suspendedAt: null, suspensionReason: null });
      expect((await get('/users/me', user)).statusCode).toBe(401);
      const relogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
      expect(relogin.statusCode).toBe(200);
      const fresh = { authorization: `Bearer ${relogin.json().accessToken}` };
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: fresh })).statusCode).toBe(200);

      const notSuspended = await post(`/admin/users/${user.userId}/unsuspend`);
      expect([notSuspended.statusCode, notSuspended.json().code]).toEqual([409, 'USER_NOT_SUSPENDED']);
      const actions = await sql<{ action: string }>`
        SELECT action FROM platform.audit_log WHERE resource_type = 'user' AND resource_id = ${user.userId} ORDER BY at`.execute(t.platform.database.db);
      expect(actions.rows.map((r) => r.action)).toEqual(['user.suspend', 'user.unsuspend']);
    });

    it('refuses self-suspension, unknown and withdrawn users, and bad reasons', async () => {
      const self = await post(`/admin/users/${admin.userId}/suspend`, { reason: 'me' });
      expect([self.statusCode, self.json().code]).toEqual([409, 'CANNOT_SUSPEND_SELF']);
      const unknown = await post('/admin/users/00000000-0000-4000-8000-000000000000/suspend', { reason: 'x' });
      expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'USER_NOT_FOUND']);
      const garbage = await post('/admin/users/not-a-uuid/suspend', { reason: 'x' });
      expect([garbage.statusCode, garbage.json().code]).toEqual([404, 'USER_NOT_FOUND']);
      const gone = await t.signup('GUARDIAN');
      expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/users/me', headers: gone.auth })).statusCode).toBe(204);
      const withdrawn = await post(`/admin/users/${gone.userId}/suspend`, { reason: 'x' });
      expect([withdrawn.statusCode, withdrawn.json().code]).toEqual([404, 'USER_NOT_FOUND']);
      const target = await t.signup('GUARDIAN');
      for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(501) }, { reason: '   ' }]) {
        expect((await post(`/admin/users/${target.userId}/suspend`, body)).statusCode).toBe(400);
      }
      const guardian = await t.signup('GUARDIAN');
      expect((await post(`/admin/users/${target.userId}/suspend`, { reason: 'x' }, guardian)).statusCode).toBe(403);
    });

    it('lets one of two racing suspensions win and answers the other 409', async () => {
      const user = await t.signup('GUARDIAN');
      const answers = await Promise.all([1, 2, 3].map(() => post(`/admin/users/${user.userId}/suspend`, { reason: '동시 요청' })));
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      const audit = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'user.suspend' AND resource_id = ${user.userId}`.execute(t.platform.database.db);
      expect(audit.rows[0]!.n).toBe(1);
    });

    it('emits user.suspended.v1 and user.unsuspended.v1 and exposes the user to other modules', async () => {
      const user = await t.signup('CAREGIVER');
      await post(`/admin/users/${user.userId}/suspend`, { reason: '신고 접수' });
      await post(`/admin/users/${user.userId}/unsuspend`);
      const events = await sql<{ type: string; payload: unknown }>`
        SELECT type, payload FROM platform.outbox WHERE aggregate_id = ${user.userId} ORDER BY seq`.execute(t.platform.database.db);
      const types = events.rows.map((r) => r.type);
      expect(types).toEqual(['user.registered.v1', 'user.suspended.v1', 'user.unsuspended.v1']);
      const view = await t.modules.identity.api.findUserForAdmin(user.userId);
      expect(view).toMatchObject({ id: user.userId, status: 'ACTIVE', role: 'CAREGIVER' });
      expect(await t.modules.identity.api.findUserForAdmin('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('counts new accounts per Seoul day', async () => {
      const now = new Date();
      const series = await t.modules.identity.api.newUserSeries({ from: new Date(now.getTime() - 86_400_000), to: new Date(now.getTime() + 60_000), granularity: 'day' });
      const total = series.reduce((sum, b) => sum + b.count, 0);
      const all = await sql<{ n: number }>`SELECT count(*)::int AS n FROM identity.users`.execute(t.platform.database.db);
      expect(total).toBe(all.rows[0]!.n);
      for (const bucket of series) expect(bucket.start).toMatch(/T15:00:00\.000Z$/);
    });
  });
});
