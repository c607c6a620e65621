import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { openPglite, type Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrator.ts';
import { MIGRATION_SOURCES } from '../../src/modules/migrations.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { serviceUrl } from '../support/services.ts';
import { openAuthenticated, wsUrl, type TestSocket } from '../realtime/client.ts';

// Issue 12, items 1-3: every revocation (logout, refresh-token reuse, withdrawal, suspension) holds across a
// restart of the embedded app on the same data directory and across replicas; reuse ends the whole session,
// its sockets included.

const redisUrl = serviceUrl('REDIS_URL');
const databaseUrl = serviceUrl('DATABASE_URL');

const me = (t: TestApp, token: string) => t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: { authorization: `Bearer ${token}` } });
const status = async (t: TestApp, token: string) => {
  const res = await me(t, token);
  return res.statusCode === 200 ? 200 : `${res.statusCode} ${res.json().code}`;
};
const refresh = (t: TestApp, refreshToken: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });
const login = async (t: TestApp, user: TestUser) =>
  (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } })).json() as {
    accessToken: string;
    refreshToken: string;
  };

describe('revocations after a restart on the same data directory (embedded PGlite)', () => {
  let dataDir: string;
  let database: Database | undefined;
  let app: TestApp | undefined;
  let first = true;
  const start = async () => {
    // The first start copies the migrated template into the data directory (as a first run would migrate it).
    const template = first ? new Blob([await readFile(process.env.CARENEST_TEST_PGLITE_DUMP!)]) : undefined;
    first = false;
    database = await openPglite(join(dataDir, 'pglite'), template);
    await migrate(database, MIGRATION_SOURCES);
    app = await startTestApp({ database, env: { DATA_DIR: dataDir } });
    return app;
  };
  const stop = async () => {
    await app?.close();
    await database?.close();
    app = undefined;
    database = undefined;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'carenest-restart-'));
  });
  afterAll(async () => {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps logged-out, replayed, withdrawn and suspended tokens refused; others keep working', async () => {
    const a = await start();
    const admin = await a.signup('ADMIN');
    const [signedOut, replayed, withdrawn, suspended, bystander] = [
      await a.signup('GUARDIAN'),
      await a.signup('GUARDIAN'),
      await a.signup('GUARDIAN'),
      await a.signup('CAREGIVER'),
      await a.signup('GUARDIAN'),
    ];
    const otherDevice = await login(a, signedOut);
    expect((await a.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: signedOut.auth })).statusCode).toBe(204);
    const rotated = (await refresh(a, replayed.refreshToken)).json() as { accessToken: string };
    expect((await refresh(a, replayed.refreshToken)).json().code).toBe('REFRESH_TOKEN_REUSED');
    expect((await a.app.inject({ method: 'DELETE', url: '/api/v1/users/me', headers: withdrawn.auth })).statusCode).toBe(204);
    const suspend = await a.app.inject({ method: 'POST', url: `/api/v1/admin/users/${suspended.userId}/suspend`, headers: admin.auth, payload: { reason: '테스트' } });
    expect(suspend.statusCode).toBe(200);
    const refusedBefore = {
      signedOut: await status(a, signedOut.accessToken),
      replayed: await status(a, replayed.accessToken),
      rotated: await status(a, rotated.accessToken),
      withdrawn: await status(a, withdrawn.accessToken),
      suspended: await status(a, suspended.accessToken),
    };
    await stop();

    const b = await start();
    const after = {
      signedOut: await status(b, signedOut.accessToken),
      replayed: await status(b, replayed.accessToken),
      rotated: await status(b, rotated.accessToken),
      withdrawn: await status(b, withdrawn.accessToken),
      suspended: await status(b, suspended.accessToken),
    };
    const revoked = '401 TOKEN_REVOKED';
    const expected = { signedOut: revoked, replayed: revoked, rotated: revoked, withdrawn: revoked, suspended: revoked };
    expect(refusedBefore).toEqual(expected);
    expect(after).toEqual(expected);
    // What was not revoked still works after the restart: the other session of the signed-out user, a bystander.
    expect(await status(b, otherDevice.accessToken)).toBe(200);
    expect(await status(b, bystander.accessToken)).toBe(200);
    // A booking attempt by the withdrawn user (the 201) is refused before any module sees it.
    const booking = await b.app.inject({ method: 'POST', url: '/api/v1/reservations', headers: withdrawn.auth, payload: {} });
    expect(booking.statusCode).toBe(401);
  }, 60_000);
});

describe('refresh-token reuse ends the whole session', () => {
  let t: TestApp;
  let url: string;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    url = wsUrl(await t.app.listen({ port: 0, host: '127.0.0.1' }));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.ws.terminate();
    await t?.close();
  });

  it('refuses every access token of the session and closes its sockets, not the other sessions\'', async () => {
    const user = await t.signup('GUARDIAN');
    const other = await login(t, user);
    const rotated = (await refresh(t, user.refreshToken)).json() as { accessToken: string; refreshToken: string };
    const [first, second, elsewhere] = [
      await openAuthenticated(url, user.accessToken),
      await openAuthenticated(url, rotated.accessToken),
      await openAuthenticated(url, other.accessToken),
    ];
    sockets.push(first, second, elsewhere);
    const replay = await refresh(t, user.refreshToken);
    expect([replay.statusCode, replay.json().code]).toEqual([401, 'REFRESH_TOKEN_REUSED']);
    expect(await first.closed).toEqual({ code: 4401, reason: 'session revoked' });
    expect(await second.closed).toEqual({ code: 4401, reason: 'session revoked' });
    expect(await status(t, user.accessToken)).toBe('401 TOKEN_REVOKED');
    expect(await status(t, rotated.accessToken)).toBe('401 TOKEN_REVOKED');
    expect((await refresh(t, rotated.refreshToken)).statusCode).toBe(401);
    expect(await status(t, other.accessToken)).toBe(200);
    const stillOpen = await Promise.race([elsewhere.closed.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 300))]);
    expect(stillOpen).toBe(true);
  });

  it('logout refuses the other access tokens of the same session too', async () => {
    const user = await t.signup('CAREGIVER');
    const rotated = (await refresh(t, user.refreshToken)).json() as { accessToken: string };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${rotated.accessToken}` } })).statusCode).toBe(204);
    expect(await status(t, user.accessToken)).toBe('401 TOKEN_REVOKED');
    expect(await status(t, rotated.accessToken)).toBe('401 TOKEN_REVOKED');
  });

  it('keeps the session denied in the database until its last access token could expire', async () => {
    const user = await t.signup('GUARDIAN');
    const before = Date.now();
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: user.auth });
    const { rows } = await sql<{ kind: string; expires_at: Date }>`
      SELECT kind, expires_at FROM identity.revocations
      WHERE id = (SELECT family_id::text FROM identity.refresh_tokens WHERE user_id = ${user.userId} LIMIT 1)`.execute(t.platform.database.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('session');
    const lifetime = new Date(rows[0]!.expires_at).getTime() - before;
    expect(lifetime).toBeGreaterThanOrEqual(15 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(17 * 60_000);
  });
});

describe.skipIf(!databaseUrl)('two app instances on one PostgreSQL database', () => {
  for (const withRedis of [false, true]) {
    describe.skipIf(withRedis && !redisUrl)(withRedis ? 'with Redis: at once' : 'without Redis: within the cache bounds', () => {
      let database: Database;
      let a: TestApp;
      let b: TestApp;
      const clock = fixedClock(new Date());
      beforeAll(async () => {
        database = await openTestDatabase('postgres');
        const env = { DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), ...(withRedis ? { REDIS_URL: redisUrl! } : {}) };
        a = await startTestApp({ database, env, clock });
        b = await startTestApp({ database, env, clock });
      }, 60_000);
      afterAll(async () => {
        await a?.close();
        await b?.close();
        await database?.close();
      });

      it('a logout, a withdrawal and a suspension on A are refused by B', async () => {
        const admin = await a.signup('ADMIN');
        const [signedOut, withdrawn, suspended] = [await a.signup('GUARDIAN'), await a.signup('GUARDIAN'), await a.signup('CAREGIVER')];
        // B has seen (and cached) every token as valid.
        for (const user of [signedOut, withdrawn, suspended]) expect(await status(b, user.accessToken)).toBe(200);
        clock.advance(1_000);
        await a.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: signedOut.auth });
        await a.app.inject({ method: 'DELETE', url: '/api/v1/users/me', headers: withdrawn.auth });
        await a.app.inject({ method: 'POST', url: `/api/v1/admin/users/${suspended.userId}/suspend`, headers: admin.auth, payload: { reason: '테스트' } });
        const revoked = '401 TOKEN_REVOKED';
        for (const user of [signedOut, withdrawn, suspended]) expect(await status(a, user.accessToken)).toBe(revoked);
        if (!withRedis) {
          // Each replica's own cache: the "not revoked" answers B holds run out (30 s for sessions, 60 s for users).
          clock.advance(61_000);
        }
        for (const user of [signedOut, withdrawn, suspended]) expect(await status(b, user.accessToken)).toBe(revoked);
      });

      // Sockets held by another replica close only through Redis pub/sub: this case exists with Redis alone.
      if (withRedis) it('a logout or a refresh-token replay on A closes that session\'s socket held by B', async () => {
        const urlB = wsUrl(await b.app.listen({ port: 0, host: '127.0.0.1' }));
        const [signedOut, replayed] = [await a.signup('GUARDIAN'), await a.signup('CAREGIVER')];
        const [s1, s2] = [await openAuthenticated(urlB, signedOut.accessToken), await openAuthenticated(urlB, replayed.accessToken)];
        try {
          await a.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: signedOut.auth });
          expect(await s1.closed).toEqual({ code: 4401, reason: 'signed out' });
          expect((await refresh(a, replayed.refreshToken)).statusCode).toBe(200);
          expect((await refresh(a, replayed.refreshToken)).json().code).toBe('REFRESH_TOKEN_REUSED');
          expect(await s2.closed).toEqual({ code: 4401, reason: 'session revoked' });
          expect(await status(b, replayed.accessToken)).toBe('401 TOKEN_REVOKED');
        } finally {
          s1.ws.terminate();
          s2.ws.terminate();
        }
      });
    });
  }
});
