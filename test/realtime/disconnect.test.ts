import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { createLocalRealtime } from '../../src/platform/realtime/local-realtime.ts';
import { createRedisRealtime, type RedisRealtime } from '../../src/platform/realtime/redis-realtime.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { serviceUrl } from '../support/services.ts';
import { openAuthenticated, openSocket, wsUrl, type TestSocket } from './client.ts';

// disconnectUsers: suspension and withdrawal close every socket of the user, logout only that session's,
// with 4401; in one process (local hub) and across replicas (Redis pub/sub).

const redisUrl = serviceUrl('REDIS_URL');
const databaseUrl = serviceUrl('DATABASE_URL');

const stillOpen = async (socket: TestSocket, ms = 300) =>
  Promise.race([socket.closed.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), ms))]);

describe('disconnecting users through the local hub', () => {
  let t: TestApp;
  let url: string;
  let admin: TestUser;
  const sockets: TestSocket[] = [];
  const connect = async (token: string) => {
    const socket = await openAuthenticated(url, token);
    sockets.push(socket);
    return socket;
  };
  const login = async (user: TestUser) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
    return res.json().accessToken as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    url = wsUrl(await t.app.listen({ port: 0, host: '127.0.0.1' }));
    admin = await t.signup('ADMIN');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.ws.terminate();
    await t?.close();
  });

  it('closes every socket of a suspended user with 4401 and no one else\'s; they cannot reconnect', async () => {
    const [user, bystander] = [await t.signup('GUARDIAN'), await t.signup('GUARDIAN')];
    const [first, second, other] = [await connect(user.accessToken), await connect(await login(user)), await connect(bystander.accessToken)];
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/admin/users/${user.userId}/suspend`, headers: admin.auth, payload: { reason: '욕설' } });
    expect(res.statusCode).toBe(200);
    expect(await first.closed).toEqual({ code: 4401, reason: 'account suspended' });
    expect((await second.closed).code).toBe(4401);
    expect(await stillOpen(other)).toBe(true);
    const again = await openSocket(url);
    sockets.push(again);
    again.send({ type: 'auth', token: user.accessToken });
    expect((await again.closed).code).toBe(4401);
  });

  it('closes only the signed-out session\'s sockets on logout', async () => {
    const user = await t.signup('CAREGIVER');
    const otherSessionToken = await login(user);
    const [mine, otherDevice] = [await connect(user.accessToken), await connect(otherSessionToken)];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: user.auth });
    expect(res.statusCode).toBe(204);
    expect(await mine.closed).toEqual({ code: 4401, reason: 'signed out' });
    expect(await stillOpen(otherDevice)).toBe(true);
  });

  it('closes the sockets of a withdrawn user', async () => {
    const user = await t.signup('GUARDIAN');
    const socket = await connect(user.accessToken);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/users/me', headers: user.auth })).statusCode).toBe(204);
    expect(await socket.closed).toEqual({ code: 4401, reason: 'account withdrawn' });
  });
});

describe.skipIf(!redisUrl)('disconnecting users across two hubs over Redis', () => {
  const channel = `carenest:test:disconnect:${randomUUID()}`;
  const localA = createLocalRealtime();
  const localB = createLocalRealtime();
  let a: RedisRealtime;
  let b: RedisRealtime;

  beforeAll(async () => {
    a = createRedisRealtime(redisUrl!, localA, { channel });
    b = createRedisRealtime(redisUrl!, localB, { channel });
    await Promise.all([a.ready, b.ready]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const connection = (hub: ReturnType<typeof createLocalRealtime>, userId: string, sessionId: string) => {
    const closed: string[] = [];
    hub.subscribe(userId, false, () => {}, { sessionId, disconnect: (reason) => closed.push(reason) });
    return closed;
  };
  const eventually = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return check();
  };

  it('closes the user\'s connections on both replicas, only theirs', async () => {
    const [user, other] = [randomUUID(), randomUUID()];
    const onA = connection(localA, user, 's1');
    const onB = connection(localB, user, 's2');
    const otherOnB = connection(localB, other, 's3');
    await a.disconnectUsers([user], 'account suspended');
    expect(await eventually(() => onB.length === 1)).toBe(true);
    expect(onA).toEqual(['account suspended']);
    expect(onB).toEqual(['account suspended']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(otherOnB).toEqual([]);
  });

  it('closes only one session when asked, wherever it is', async () => {
    const user = randomUUID();
    const s1 = connection(localB, user, 's1');
    const s2 = connection(localB, user, 's2');
    await a.disconnectUsers([user], 'signed out', { sessionId: 's1' });
    expect(await eventually(() => s1.length === 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(s2).toEqual([]);
  });
});

describe.skipIf(!redisUrl || !databaseUrl)('suspension on one replica, socket and token on another', () => {
  let database: Database;
  let a: TestApp;
  let b: TestApp;
  let urlB: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    const env = { REDIS_URL: redisUrl!, DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') };
    a = await startTestApp({ database, env });
    b = await startTestApp({ database, env });
    urlB = wsUrl(await b.app.listen({ port: 0, host: '127.0.0.1' }));
  }, 60_000);
  afterAll(async () => {
    for (const socket of sockets) socket.ws.terminate();
    await a?.close();
    await b?.close();
    await database?.close();
  });

  it('closes the socket held by B and B refuses the token at once', async () => {
    const admin = await a.signup('ADMIN');
    const user = await b.signup('GUARDIAN');
    const socket = await openAuthenticated(urlB, user.accessToken);
    sockets.push(socket);
    expect((await b.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: user.auth })).statusCode).toBe(200);
    const res = await a.app.inject({ method: 'POST', url: `/api/v1/admin/users/${user.userId}/suspend`, headers: admin.auth, payload: { reason: '사기 의심' } });
    expect(res.statusCode).toBe(200);
    const me = await b.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: user.auth });
    expect([me.statusCode, me.json().code]).toEqual([401, 'TOKEN_REVOKED']);
    expect(await socket.closed).toEqual({ code: 4401, reason: 'account suspended' });
    const login = await b.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
    expect([login.statusCode, login.json().code]).toEqual([403, 'ACCOUNT_SUSPENDED']);
  });
});
