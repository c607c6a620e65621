import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceUrl } from '../support/services.ts';
import { ADMIN_SECRET, JWT_SECRET, call, freshDatabase, killAll, startProcess, tempDir, type CareNestProcess } from './processes.ts';

// The gateway (`node src/main.ts gateway`) in front of two split services (`serve --modules ...`), all real
// processes on PostgreSQL, Redis and Kafka. Ports 4230-4234 (4222 is NATS's usual port).

const databaseUrl = serviceUrl('DATABASE_URL');
const redisUrl = serviceUrl('REDIS_URL');
const kafkaBrokers = serviceUrl('KAFKA_BROKERS');
const ready = Boolean(databaseUrl && redisUrl && kafkaBrokers);

const A_MODULES = 'identity,notifications,admin,settlements,reservations,payments';
const B_MODULES = 'caregivers,reviews,ai,chat';
const PORTS = { gateway: 4230, a: 4231, b: 4232, limited: 4233, limited2: 4234 };
const A_URL = `http://127.0.0.1:${PORTS.a}`;
const B_URL = `http://127.0.0.1:${PORTS.b}`;
const ROUTES = [...A_MODULES.split(',').map((m) => `${m}=${A_URL}`), ...B_MODULES.split(',').map((m) => `${m}=${B_URL}`)].join(',');

describe.skipIf(!ready)('gateway in front of split services', () => {
  let drop: (() => Promise<void>) | undefined;
  const dirs: { remove(): Promise<void> }[] = [];
  let env: Record<string, string>;
  let b: CareNestProcess;
  let gateway: CareNestProcess;
  let g: string;

  async function startB(): Promise<CareNestProcess> {
    const dir = await tempDir();
    dirs.push(dir);
    return startProcess('b', ['serve', '--modules', B_MODULES], PORTS.b, { ...env, DATA_DIR: dir.path });
  }

  beforeAll(async () => {
    const database = await freshDatabase(databaseUrl!);
    drop = database.drop;
    env = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl!,
      KAFKA_BROKERS: kafkaBrokers!,
      KAFKA_TOPIC_PREFIX: `gw-${randomBytes(4).toString('hex')}.`,
      MODULE_URLS: ROUTES,
    };
    const dir = await tempDir();
    dirs.push(dir);
    // One after the other: both migrate the shared database at start.
    await startProcess('a', ['serve', '--modules', A_MODULES], PORTS.a, { ...env, DATA_DIR: dir.path });
    b = await startB();
    gateway = await startProcess('gateway', ['gateway', '--routes', ROUTES], PORTS.gateway, { REDIS_URL: redisUrl!, GATEWAY_RATE_LIMIT: '100000' });
    g = `${gateway.url}/api/v1`;
  }, 300_000);

  afterAll(async () => {
    killAll();
    await drop?.();
    for (const dir of dirs) await dir.remove();
  });

  async function guardian(): Promise<{ id: string; token: string }> {
    const email = `gw-${randomBytes(4).toString('hex')}@example.com`;
    const password = 'correct horse battery staple';
    const signup = await call(g, 'POST', '/auth/signup', { body: { email, password, name: '김보호', role: 'GUARDIAN' } });
    expect(signup.status, JSON.stringify(signup.body)).toBe(201);
    const login = await call(g, 'POST', '/auth/login', { body: { email, password } });
    expect(login.status).toBe(200);
    return { id: String(signup.body.id), token: String(login.body.accessToken) };
  }

  /** gateway_upstream_up per module, from the gateway's /metrics. */
  async function upstreamUp(): Promise<Record<string, number>> {
    const text = await (await fetch(`${gateway.url}/metrics`)).text();
    return Object.fromEntries([...text.matchAll(/^gateway_upstream_up\{module="(\w+)"\} (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
  }

  async function identityChecksOnB(): Promise<number> {
    const text = await (await fetch(`${B_URL}/metrics`)).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith('contract_calls_total{') && line.includes('method="verifyAccessToken"'))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
  }

  it('gives each request an id, forwards it and answers it', async () => {
    const answer = await call(g, 'POST', '/auth/signup', { body: {} });
    expect(answer.status).toBe(400);
    const id = answer.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // The service's problem quotes the id the gateway gave: it was forwarded.
    expect(answer.body.requestId).toBe(id);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('checks the token once at the gateway: the service trusts its assertion', async () => {
    const user = await guardian();
    const before = await identityChecksOnB();
    // chat runs on B, identity on A: through the gateway B does not ask identity.
    const rooms = await call(g, 'GET', '/chat/rooms', { token: user.token });
    expect(rooms.status, JSON.stringify(rooms.body)).toBe(200);
    expect(await identityChecksOnB()).toBe(before);
    // Reached directly with the user's own token, B asks identity (the counter above counts).
    const direct = await call(`${B_URL}/api/v1`, 'GET', '/chat/rooms', { token: user.token });
    expect(direct.status).toBe(200);
    expect(await identityChecksOnB()).toBeGreaterThan(before);
    const me = await call(g, 'GET', '/users/me', { token: user.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
  });

  it('answers a bad or expired token as one process would: anonymous on public routes, its 401 elsewhere', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ role: 'GUARDIAN', sid: 's1', iatms: (now - 7200) * 1000 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('00000000-0000-4000-8000-000000000001')
      .setJti('j1')
      .setIssuer('carenest')
      .setAudience('carenest-api')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(new TextEncoder().encode(JWT_SECRET));
    const publicRoute = await call(g, 'GET', '/caregivers?limit=1', { token: expired });
    expect(publicRoute.status).toBe(200);
    const refused = await call(g, 'GET', '/chat/rooms', { token: expired });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('TOKEN_EXPIRED');
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    const garbage = await call(g, 'GET', '/reservations', { token: 'not-a-token' });
    expect(garbage.status).toBe(401);
    expect(garbage.body.code).toBe('INVALID_TOKEN');
    const none = await call(g, 'GET', '/reservations');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('AUTHENTICATION_REQUIRED');
  });

  it('refuses an admin signup without the secret and takes it with it (bodies pass through unchanged)', async () => {
    const email = `gw-admin-${randomBytes(4).toString('hex')}@example.com`;
    const body = { email, password: 'correct horse battery staple', name: 'Admin', role: 'ADMIN', adminSecret: ADMIN_SECRET };
    const ok = await call(g, 'POST', '/auth/signup', { body });
    expect(ok.status).toBe(201);
  });

  it('streams a multipart upload to the owning service', async () => {
    const email = `gw-cg-${randomBytes(4).toString('hex')}@example.com`;
    const password = 'correct horse battery staple';
    expect((await call(g, 'POST', '/auth/signup', { body: { email, password, name: '이돌봄', role: 'CAREGIVER' } })).status).toBe(201);
    const token = String((await call(g, 'POST', '/auth/login', { body: { email, password } })).body.accessToken);
    const profile = await call(g, 'POST', '/caregivers', {
      token,
      body: {
        displayName: '이돌봄', gender: 'FEMALE', birthYear: 1970, careerYears: 10, introduction: '병원 간병 10년 경력의 요양보호사입니다.',
        certificates: [{ type: 'CARE_WORKER', number: '2019-123456', issuedOn: '2019-05-01' }], regions: [{ sido: '서울', sigungu: '강남' }],
        serviceTypes: ['HOSPITAL'], languages: ['ko'], hourlyRate: 15_000, dailyRate: 150_000,
      },
    });
    expect(profile.status, JSON.stringify(profile.body)).toBe(201);
    const form = new FormData();
    form.append('kind', 'CERTIFICATE');
    form.append('file', new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024, 32)])], { type: 'application/pdf' }), 'cert.pdf');
    const response = await fetch(`${g}/caregivers/me/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const answer = (await response.json()) as Record<string, unknown>;
    expect(response.status, JSON.stringify(answer)).toBe(201);
    expect(answer).toMatchObject({ kind: 'CERTIFICATE', size: 2 * 1024 * 1024 + 9 });
  });

  it('merges every service\'s OpenAPI document into /docs/json', async () => {
    const docs = (await call(gateway.url, 'GET', '/docs/json')).body as { paths: Record<string, unknown>; components: { schemas?: Record<string, unknown> } };
    for (const path of ['/api/v1/auth/login', '/api/v1/reservations', '/api/v1/caregivers/{id}', '/api/v1/caregivers/{id}/reviews', '/api/v1/chat/rooms', '/api/v1/payments/confirm']) {
      expect(Object.keys(docs.paths)).toContain(path);
    }
    expect(docs.components.schemas).toHaveProperty('Problem');
    const ui = await fetch(`${gateway.url}/docs`);
    expect(ui.status).toBe(200);
  });

  it('reports every upstream in /health/ready and answers 503 for a stopped one while the others work', async () => {
    const all = await call(gateway.url, 'GET', '/health/ready');
    expect(all.status).toBe(200);
    expect(all.body.status).toBe('ok');
    expect(Object.keys(all.body.upstreams as object).sort()).toEqual([...A_MODULES.split(','), ...B_MODULES.split(',')].sort());

    const user = await guardian();
    await b.kill();
    const down = await call(g, 'GET', '/caregivers?limit=1');
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(down.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.body.module).toBe('caregivers');
    expect(down.headers.get('retry-after')).toBeTruthy();
    const reviews = await call(g, 'GET', '/caregivers/00000000-0000-4000-8000-000000000001/reviews');
    expect(reviews.status).toBe(503);
    expect(reviews.body.module).toBe('reviews');
    // Identity and reservations (on A) keep working.
    expect((await call(g, 'GET', '/users/me', { token: user.token })).status).toBe(200);
    expect((await call(g, 'GET', '/reservations', { token: user.token })).status).toBe(200);
    const degraded = await call(gateway.url, 'GET', '/health/ready');
    expect(degraded.status).toBe(200);
    expect(degraded.body.status).toBe('degraded');
    expect((degraded.body.upstreams as Record<string, { ready: boolean }>).caregivers!.ready).toBe(false);
    expect((degraded.body.upstreams as Record<string, { ready: boolean }>).identity!.ready).toBe(true);
    // What CareNestGatewayUpstreamDown (deploy/prometheus/rules/alerts.yml) reads.
    expect(await upstreamUp()).toMatchObject({ caregivers: 0, identity: 1 });

    b = await startB();
    // The breaker may still be open for a few seconds after the failures above: wait until it lets a call through.
    let back = await call(g, 'GET', '/caregivers?limit=1');
    for (let i = 0; i < 100 && back.status === 503; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      back = await call(g, 'GET', '/caregivers?limit=1');
    }
    expect(back.status).toBe(200);
    expect((await call(gateway.url, 'GET', '/health/ready')).body.status).toBe('ok');
    expect(await upstreamUp()).toMatchObject({ caregivers: 1, identity: 1 });
  }, 180_000);

  it('answers unknown routes 404 problem+json like the app', async () => {
    const answer = await call(g, 'GET', '/no-such-area');
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('passes the WebSocket through to the service running chat', async () => {
    const user = await guardian();
    const socket = new WebSocket(`ws://127.0.0.1:${PORTS.gateway}/api/v1/ws`);
    const frames: Record<string, unknown>[] = [];
    const authed = new Promise<void>((resolve, reject) => {
      socket.addEventListener('message', (event) => {
        const frame = JSON.parse(String(event.data)) as Record<string, unknown>;
        frames.push(frame);
        if (frame.type === 'auth.ok') resolve();
        if (frame.type === 'error') reject(new Error(JSON.stringify(frame)));
      });
      socket.addEventListener('close', () => reject(new Error(`closed; frames ${JSON.stringify(frames)}`)));
    });
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    socket.send(JSON.stringify({ type: 'auth', token: user.token }));
    await authed;
    expect(frames.find((f) => f.type === 'auth.ok')?.userId).toBe(user.id);
    socket.close();
  });

  it('limits requests per client IP with 429 problem+json and Retry-After, one budget across replicas in Redis', async () => {
    // Two gateway replicas on a Redis database of their own (the main gateway above counts in database 0).
    const redisDb = `${redisUrl!.replace(/\/\d*$/, '')}/${1 + (randomBytes(1)[0]! % 15)}`;
    const env = { GATEWAY_RATE_LIMIT: '5', REDIS_URL: redisDb };
    const replicas = [await startProcess('limited-1', ['gateway', '--routes', ROUTES], PORTS.limited, env), await startProcess('limited-2', ['gateway', '--routes', ROUTES], PORTS.limited2, env)];
    try {
      const statuses: number[] = [];
      let refused: Awaited<ReturnType<typeof call>> | undefined;
      // 12 calls, alternating replicas: however a minute boundary falls, one window holds 6 or more of them.
      for (let i = 0; i < 12; i += 1) {
        const answer = await call(`${replicas[i % 2]!.url}/api/v1`, 'GET', '/caregivers/regions');
        statuses.push(answer.status);
        if (answer.status === 429) refused ??= answer;
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses).toContain(429);
      expect(refused?.body.code).toBe('TOO_MANY_REQUESTS');
      expect(refused?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
      // Health is not an API call: never limited.
      expect((await call(replicas[0]!.url, 'GET', '/health/live')).status).toBe(200);
    } finally {
      for (const replica of replicas) await replica.stop();
    }
  }, 180_000);
});
