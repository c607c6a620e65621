import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.ts';
import { inTransaction } from '../../src/platform/db/database.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';

// Logs without personal data (issue 12, item 7): every line the HTTP app writes while requests fail on the
// database with bound parameters, while people sign up and log in, and while code logs objects carelessly.

const PATIENT = '김환자 Minji';
const ADDRESS = '서울 강남구 테헤란로 1';
const PASSWORD = 'correct horse battery staple';

describe.each(databaseKinds())('log lines on %s', (kind) => {
  let t: TestApp;
  let app: FastifyInstance;
  const lines: string[] = [];

  const probe = {
    name: 'probe',
    routes: (api: FastifyInstance) => {
      // An INSERT into a table that is not there: the driver's error carries the statement and its params.
      api.post('/probe/insert', { config: { access: 'public' } }, async () => {
        await sql`insert into nowhere.patients (name, address) values (${PATIENT}, ${ADDRESS})`.execute(t.platform.database.db);
        return {};
      });
      // A unique violation: its `detail` and message quote the duplicated value.
      api.post('/probe/duplicate', { config: { access: 'public' } }, async () => {
        await inTransaction(t.platform.database.db, async (tx) => {
          await sql`create temp table probe_unique (v text primary key) on commit drop`.execute(tx);
          await sql`insert into probe_unique (v) values (${PATIENT}), (${PATIENT})`.execute(tx);
        });
        return {};
      });
      api.post('/probe/careless', { config: { access: 'public' } }, async (request) => {
        request.log.warn({ body: request.body, user: { email: 'kim@example.com', phone: '010-1234-5678' } }, 'careless');
        return {};
      });
    },
  };

  beforeAll(async () => {
    t = await startTestApp({ kind });
    const platform = { ...t.platform, config: { ...t.platform.config, logLevel: 'info' as const } };
    app = await buildApp({
      platform,
      modules: [...t.modules.modules, probe],
      verifyAccessToken: t.modules.verifyAccessToken,
      logStream: { write: (line: string) => void lines.push(line) },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  function logged(): string {
    return lines.join('');
  }

  it('logs a failed query with its code and stack, but not its statement, params or detail', async () => {
    lines.length = 0;
    const insert = await app.inject({ method: 'POST', url: '/api/v1/probe/insert' });
    const duplicate = await app.inject({ method: 'POST', url: '/api/v1/probe/duplicate' });
    expect([insert.statusCode, duplicate.statusCode]).toEqual([500, 500]);
    const errors = lines.map((line) => JSON.parse(line) as { msg: string; err?: Record<string, unknown> }).filter((l) => l.err);
    expect(errors.map((e) => e.err?.code)).toEqual(['42P01', '23505']);
    for (const { err } of errors) {
      expect(err).toHaveProperty('stack');
      for (const field of ['query', 'params', 'parameters', 'detail', 'where', 'internalQuery']) expect(err).not.toHaveProperty(field);
    }
    const text = logged();
    for (const leak of ['김환자', 'Minji', '강남구', 'insert into']) expect(text).not.toContain(leak);
  });

  interface AccessLine { msg: string; level: number; reqId?: unknown; responseTime?: unknown; req?: { method?: string; url?: string }; res?: { statusCode?: number } }

  it('logs sign-up and login without passwords, names or e-mail addresses in any line', async () => {
    lines.length = 0;
    const email = `logs-${kind}-${Date.now()}@example.com`;
    const signup = await app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email, password: PASSWORD, name: PATIENT, role: 'GUARDIAN' } });
    expect(signup.statusCode).toBe(201);
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'not the password 1' } });
    expect(wrong.statusCode).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    const { accessToken } = login.json() as { accessToken: string };
    await app.inject({ url: `/api/v1/caregivers?q=${encodeURIComponent(PATIENT)}`, headers: { authorization: `Bearer ${accessToken}` } });
    const text = logged();
    expect(text).toContain('/api/v1/auth/login');
    for (const leak of [PASSWORD, 'not the password', email, '김환자', 'Minji', accessToken, 'q=']) expect(text).not.toContain(leak);
    // One access line per request, with its id, path (no query), status and time.
    const access = lines.map((l) => JSON.parse(l) as AccessLine).filter((l) => l.msg === 'request completed');
    expect(access.map((l) => [l.req?.method, l.req?.url, l.res?.statusCode])).toEqual([
      ['POST', '/api/v1/auth/signup', 201], ['POST', '/api/v1/auth/login', 401], ['POST', '/api/v1/auth/login', 200], ['GET', '/api/v1/caregivers', 200],
    ]);
    expect(access.every((l) => typeof l.reqId === 'string' && typeof l.responseTime === 'number' && l.level === 30)).toBe(true);
    expect(lines.some((l) => l.includes('incoming request'))).toBe(false);
  });

  it('censors sensitive fields that code logs by mistake', async () => {
    lines.length = 0;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/careless',
      payload: { password: PASSWORD, refreshToken: 'rt-secret', patient: { name: PATIENT, address: ADDRESS }, reservationId: 'r-1' },
    });
    expect(res.statusCode).toBe(200);
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'careless');
    expect(line).toMatchObject({
      body: { password: '[redacted]', refreshToken: '[redacted]', patient: '[redacted]', reservationId: 'r-1' },
      user: { email: '[redacted]', phone: '[redacted]' },
    });
    for (const leak of [PASSWORD, 'rt-secret', '김환자', '강남구', 'kim@example.com', '010-1234']) expect(logged()).not.toContain(leak);
  });
});
