import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3' } });
});
afterAll(async () => {
  await t?.close();
});

const signupBody = (over: Record<string, unknown> = {}) => ({
  email: `u${Math.random().toString(36).slice(2)}@example.com`,
  password: 'correct horse battery staple',
  name: '김민지',
  role: 'GUARDIAN',
  ...over,
});

describe('POST /auth/signup', () => {
  it('creates a guardian and never returns the password', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ preferredLanguage: 'vi' }) });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: '김민지', role: 'GUARDIAN', preferredLanguage: 'vi' });
    expect(Object.keys(body).sort()).toEqual(['email', 'id', 'name', 'preferredLanguage', 'role']);
  });

  it('defaults the language to Korean', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ role: 'CAREGIVER' }) });
    expect(res.json()).toMatchObject({ role: 'CAREGIVER', preferredLanguage: 'ko' });
  });

  it('refuses a duplicate email whatever its case', async () => {
    const email = `Dup${Date.now()}@Example.com`;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ email }) })).statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ email: email.toLowerCase() }) });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ code: 'EMAIL_TAKEN', status: 409 });
  });

  it('needs the admin secret for ADMIN', async () => {
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ role: 'ADMIN' }) });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('ADMIN_SECRET_INVALID');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ role: 'ADMIN', adminSecret: 'nope' }) });
    expect(wrong.json().code).toBe('ADMIN_SECRET_INVALID');
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ role: 'ADMIN', adminSecret: TEST_ADMIN_SECRET }) });
    expect(right.statusCode).toBe(201);
  });

  it.each([
    ['an unknown role', { role: 'SUPERUSER' }, 'role'],
    ['a short password', { password: 'short' }, 'password'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['an unknown field', { isAdmin: true }, 'isAdmin'],
    ['a wrong type', { name: 42 }, 'name'],
    ['a bad language', { preferredLanguage: 'korean' }, 'preferredLanguage'],
  ])('refuses %s with VALIDATION_FAILED naming the field', async (_what, over, field) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody(over) });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a missing field', async () => {
    const { name: _name, ...rest } = signupBody();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: rest });
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'name', message: 'is required' }));
  });

  it('answers malformed JSON and oversize bodies with stable codes', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('MALFORMED_JSON');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: signupBody({ name: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('login, refresh and logout', () => {
  it('logs in, reads /users/me, and refuses the same token after logout', async () => {
    const user = await t.signup('GUARDIAN');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: user.auth });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.userId, email: user.email, role: 'GUARDIAN', phone: null, slackUserId: null });
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: user.auth });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: user.auth });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('TOKEN_REVOKED');
    const refresh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: user.refreshToken } });
    expect(refresh.statusCode).toBe(401);
  });

  it('gives the same answer for a wrong email and a wrong password', async () => {
    const user = await t.signup('CAREGIVER');
    const wrongPassword = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'wrong password 123' } });
    const wrongEmail = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `x${user.email}`, password: user.password } });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongEmail.statusCode).toBe(401);
    expect(wrongPassword.json().code).toBe('INVALID_CREDENTIALS');
    expect(wrongEmail.json().detail).toBe(wrongPassword.json().detail);
  });

  it('slows down an email from one address after repeated failures, even for the right password', async () => {
    const user = await t.signup('GUARDIAN');
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: `wrong password ${i}` } });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits failures per address across emails (20 in the window)', async () => {
    const ip = '203.0.113.9';
    let last = 0;
    for (let i = 0; i < 21; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        payload: { email: `nobody${i}@example.com`, password: 'whatever password' },
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
  });

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const user = await t.signup('GUARDIAN');
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: user.refreshToken } });
    expect(first.statusCode).toBe(200);
    const pair = first.json();
    expect(pair.refreshToken).not.toBe(user.refreshToken);
    expect(pair.tokenType).toBe('Bearer');
    const replay = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: user.refreshToken } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('REFRESH_TOKEN_REUSED');
    // The thief's replay also kills the legitimate newest token.
    const newest = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(newest.statusCode).toBe(401);
  });

  it('refuses forged, malformed and missing tokens', async () => {
    const user = await t.signup('GUARDIAN');
    const [h, p] = user.accessToken.split('.');
    const forged = `${h}.${p}.${'A'.repeat(43)}`;
    for (const authorization of [`Bearer ${forged}`, 'Bearer not.a.jwt', 'Basic abc']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/users/me' });
    expect(none.json().code).toBe('AUTHENTICATION_REQUIRED');
  });
});

describe('/users/me', () => {
  it('updates name, phone, language and Slack id, and refuses unknown fields', async () => {
    const user = await t.signup('GUARDIAN');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/me',
      headers: user.auth,
      payload: { name: '이서준', phone: '010-1234-5678', preferredLanguage: 'en', slackUserId: 'U0123ABCD' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '이서준', phone: '010-1234-5678', preferredLanguage: 'en', slackUserId: 'U0123ABCD' });
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/users/me', headers: user.auth, payload: { role: 'ADMIN' } });
    expect(bad.statusCode).toBe(400);
    const still = await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: user.auth });
    expect(still.json().role).toBe('GUARDIAN');
  });

  it('withdraws: tokens stop working, login fails, data is anonymised, the email is free again', async () => {
    const user = await t.signup('GUARDIAN');
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/users/me', headers: user.auth });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: user.auth })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
    expect(login.statusCode).toBe(401);
    const refresh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: user.refreshToken } });
    expect(refresh.statusCode).toBe(401);
    const [row] = await t.modules.identity.api.findUsers([user.userId]);
    expect(row).toMatchObject({ status: 'WITHDRAWN', name: '탈퇴한 사용자' });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody({ email: user.email }) });
    expect(again.statusCode).toBe(201);
  });
});

describe('signupMany (accounts the platform makes together, as the demo does)', () => {
  const login = async (email: string, password: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })).statusCode;

  it('makes every account, each with its own password working and no other', async () => {
    const shared = 'shared horse battery staple';
    const own = 'another horse battery staple';
    const bodies = [signupBody({ password: shared }), signupBody({ password: shared, role: 'CAREGIVER' }), signupBody({ password: own })];
    const users = await t.modules.identity.useCases.signupMany(bodies.map((body) => body as Parameters<typeof t.modules.identity.useCases.signup>[0]));
    expect(users.map((user) => [user.email, user.role])).toEqual(bodies.map((body) => [body.email, body.role]));
    expect(await login(bodies[0]!.email as string, shared)).toBe(200);
    expect(await login(bodies[1]!.email as string, shared)).toBe(200);
    expect(await login(bodies[2]!.email as string, own)).toBe(200);
    expect(await login(bodies[2]!.email as string, shared)).toBe(401);
  });

  it('checks every account first: one weak password makes none', async () => {
    const bodies = [signupBody(), signupBody({ password: 'short' })];
    await expect(t.modules.identity.useCases.signupMany(bodies.map((body) => body as Parameters<typeof t.modules.identity.useCases.signup>[0]))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await t.modules.identity.api.emailRegistered(bodies[0]!.email as string)).toBe(false);
  });
});
