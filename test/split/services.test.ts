import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors.ts';
import { createContractClient, type ContractClient } from '../../src/platform/remote/contract-client.ts';
import { remoteApi } from '../../src/platform/remote/contract.ts';
import { caregiversRemote } from '../../src/modules/caregivers/remote.ts';
import { serviceUrl } from '../support/services.ts';
import { ADMIN_SECRET, INTERNAL_SECRET, call, freshDatabase, killAll, startProcess, tempDir, type CareNestProcess } from '../gateway/processes.ts';

// Split mode without the gateway: three real `serve --modules` processes on one PostgreSQL database (started
// together, so their migrations race), Redis and Kafka. identity | caregivers | reservations,payments; the
// booking process reaches caregivers and identity only through their contracts over HTTP. Ports 4110-4119.

const databaseUrl = serviceUrl('DATABASE_URL');
const redisUrl = serviceUrl('REDIS_URL');
const kafkaBrokers = serviceUrl('KAFKA_BROKERS');
const ready = Boolean(databaseUrl && redisUrl && kafkaBrokers);

const PORTS = { identity: 4110, caregivers: 4111, booking: 4112 };
const url = (port: number) => `http://127.0.0.1:${port}`;
const H = 3_600_000;

describe.skipIf(!ready)('split services: identity | caregivers | reservations,payments', () => {
  let drop: (() => Promise<void>) | undefined;
  const dirs: { remove(): Promise<void> }[] = [];
  const processes: CareNestProcess[] = [];
  let client: ContractClient;
  let databaseUrlOf: () => string = () => '';

  async function start(name: string, modules: string, port: number, moduleUrls: string, env: Record<string, string>): Promise<CareNestProcess> {
    const dir = await tempDir();
    dirs.push(dir);
    const started = await startProcess(name, ['serve', '--modules', modules], port, { ...env, DATA_DIR: dir.path, MODULE_URLS: moduleUrls });
    processes.push(started);
    return started;
  }

  beforeAll(async () => {
    const database = await freshDatabase(databaseUrl!);
    drop = database.drop;
    databaseUrlOf = () => database.url;
    const env = { DATABASE_URL: database.url, REDIS_URL: redisUrl!, KAFKA_BROKERS: kafkaBrokers!, KAFKA_TOPIC_PREFIX: `split-${randomBytes(4).toString('hex')}.` };
    // All three at once on an empty database: the migrator's advisory lock orders their migrations.
    await Promise.all([
      start('identity', 'identity', PORTS.identity, `caregivers=${url(PORTS.caregivers)},reservations=${url(PORTS.booking)},payments=${url(PORTS.booking)}`, env),
      start('caregivers', 'caregivers', PORTS.caregivers, `identity=${url(PORTS.identity)}`, env),
      start('booking', 'reservations,payments', PORTS.booking, `identity=${url(PORTS.identity)},caregivers=${url(PORTS.caregivers)}`, env),
    ]);
    client = createContractClient({ module: 'caregivers', url: url(PORTS.caregivers), secret: INTERNAL_SECRET, caller: 'split-test' });
  }, 300_000);

  afterAll(async () => {
    client?.close();
    await Promise.all(processes.map((p) => p.stop()));
    killAll();
    await drop?.();
    await Promise.all(dirs.map((d) => d.remove()));
  }, 60_000);

  async function signup(role: 'GUARDIAN' | 'CAREGIVER' | 'ADMIN'): Promise<{ userId: string; token: string }> {
    const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@example.com`;
    const password = 'correct horse battery staple';
    const created = await call(url(PORTS.identity), 'POST', '/api/v1/auth/signup', {
      body: { email, password, name: `${role} 1`, role, ...(role === 'ADMIN' ? { adminSecret: ADMIN_SECRET } : {}) },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const login = await call(url(PORTS.identity), 'POST', '/api/v1/auth/login', { body: { email, password } });
    expect(login.status).toBe(200);
    return { userId: created.body.id as string, token: login.body.accessToken as string };
  }

  it('books a reservation on the reservations process with the caregiver looked up over HTTP', async () => {
    const admin = await signup('ADMIN');
    const caregiver = await signup('CAREGIVER');
    const guardian = await signup('GUARDIAN');
    const cg = url(PORTS.caregivers);
    // The caregivers process checks the caregiver's token through identity's contract.
    const profile = await call(cg, 'POST', '/api/v1/caregivers', {
      token: caregiver.token,
      body: {
        displayName: '김영희', gender: 'FEMALE', birthYear: 1970, careerYears: 10, introduction: '병원 간병 10년 경력의 요양보호사입니다.',
        certificates: [{ type: 'CARE_WORKER', number: '2019-123456', issuedOn: '2019-05-01' }],
        regions: [{ sido: '서울', sigungu: '강남' }], serviceTypes: ['HOSPITAL'], languages: ['ko'], hourlyRate: 15_000, dailyRate: 150_000,
      },
    });
    expect(profile.status, JSON.stringify(profile.body)).toBe(201);
    const caregiverId = profile.body.id as string;
    expect((await call(cg, 'POST', `/api/v1/admin/caregivers/${caregiverId}/approve`, { token: admin.token })).status).toBe(200);

    // The caregivers contract over HTTP, as the booking process uses it.
    const caregivers = remoteApi(caregiversRemote, client.call, undefined);
    const remoteProfile = await caregivers.getProfile(caregiverId);
    expect(remoteProfile).toMatchObject({ id: caregiverId, userId: caregiver.userId, status: 'APPROVED', displayName: '김영희', hourlyRate: 15_000 });
    expect(await caregivers.getProfile('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    const refused = await caregivers.search({ sido: '아틀란티스' } as never).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ kind: 'invalid' });
    expect(caregivers.normaliseRegion({ sido: '서울', sigungu: '강남' })).toMatchObject({ ok: true, value: { sido: '서울특별시', sigungu: '강남구' } });

    // Quote and booking on the reservations process: 10:00-18:00 KST three days ahead.
    const day = new Date(Date.now() + 3 * 24 * H);
    const startAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1)).toISOString();
    const endAt = new Date(new Date(startAt).getTime() + 8 * H).toISOString();
    const booking = url(PORTS.booking);
    const query = new URLSearchParams({ caregiverId, serviceType: 'HOSPITAL', rateType: 'HOURLY', startAt, endAt });
    const quote = await call(booking, 'GET', `/api/v1/quotes?${query}`);
    expect(quote.status, JSON.stringify(quote.body)).toBe(200);
    const created = await call(booking, 'POST', '/api/v1/reservations', {
      token: guardian.token,
      body: {
        caregiverId, serviceType: 'HOSPITAL', rateType: 'HOURLY', startAt, endAt,
        location: { sido: '서울', sigungu: '강남', address: '테헤란로 1, 서울병원 701호' },
        patient: { name: '박순자', birthYear: 1940, gender: 'FEMALE', conditions: ['치매 초기'], notes: '오후에 인슐린 투여' },
        requestMessage: '잘 부탁드립니다',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'REQUESTED', caregiverId, guardianId: guardian.userId, totalAmount: quote.body.totalAmount });
    const unknown = await call(booking, 'GET', `/api/v1/quotes?${new URLSearchParams({ caregiverId: '00000000-0000-4000-8000-000000000000', serviceType: 'HOSPITAL', rateType: 'HOURLY', startAt, endAt })}`);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'CAREGIVER_NOT_FOUND' } });
    // A user's token reaches the reservations process's own routes (checked through identity's contract).
    expect((await call(booking, 'GET', `/api/v1/reservations/${created.body.id as string}`, { token: guardian.token })).status).toBe(200);
  }, 120_000);

  it('serves only its own modules, keeps the internal endpoint out of the API document, and hides it from callers without a call token', async () => {
    const booking = url(PORTS.booking);
    expect((await call(booking, 'GET', '/api/v1/caregivers')).status).toBe(404);
    expect((await call(url(PORTS.caregivers), 'GET', '/api/v1/caregivers')).status).toBe(200);
    const docs = await call(url(PORTS.caregivers), 'GET', '/docs/json');
    expect(Object.keys(docs.body.paths as object).some((path) => path.startsWith('/internal'))).toBe(false);
    expect((await call(url(PORTS.caregivers), 'POST', '/internal/v1/caregivers/getProfile', { body: { args: ['x'] } })).status).toBe(404);
  });

  it("migrates only the platform's and the running modules' schemas", async () => {
    const db = new pg.Client({ connectionString: databaseUrlOf() });
    await db.connect();
    try {
      const { rows } = await db.query<{ name: string }>(
        "SELECT nspname AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('public', 'information_schema') ORDER BY 1",
      );
      expect(rows.map((row) => row.name)).toEqual(['caregivers', 'identity', 'payments', 'platform', 'reservations']);
    } finally {
      await db.end();
    }
  });

  it('answers 503 SERVICE_UNAVAILABLE naming caregivers when the caregivers process is down, and keeps its own routes', async () => {
    const caregiversProcess = processes.find((p) => p.name === 'caregivers')!;
    await caregiversProcess.stop();
    // Whole hours (10:00-18:00 KST, three days ahead): the quote's own time rules never answer first.
    const day = new Date(Date.now() + 72 * H);
    const startAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1)).toISOString();
    const endAt = new Date(new Date(startAt).getTime() + 8 * H).toISOString();
    const query = new URLSearchParams({ caregiverId: '00000000-0000-4000-8000-000000000000', serviceType: 'HOSPITAL', rateType: 'HOURLY', startAt, endAt });
    const answer = await call(url(PORTS.booking), 'GET', `/api/v1/quotes?${query}`);
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(String(answer.body.detail)).toContain('caregivers');
    expect((await call(url(PORTS.booking), 'GET', '/health/ready')).status).toBe(200);
  });
});
