import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceUrl } from '../support/services.ts';
import { ADMIN_SECRET, call, freshDatabase, killAll, startProcess, tempDir, type Answer, type CareNestProcess } from '../gateway/processes.ts';
import { profileInput } from '../caregivers/support.ts';

// Issue 14's proof of split mode: the gateway plus three service processes on one PostgreSQL database, Redis and
// Kafka (topics and groups under a prefix of this run), and the booking journey walked through the gateway only:
// signup -> caregiver profile -> admin approval -> search -> quote -> book -> accept -> pay (sandbox) -> confirm
// -> check-in/out -> review -> rating on the caregiver. Then the caregivers/reviews service is killed: its routes
// answer 503 while identity and reservations keep working, and a reservation completed meanwhile (an event that
// service consumes) is processed once it is back: the second review goes in and the rating counts it.
// Bookings start a minute or two ahead (RESERVATION_MIN_LEAD=30s): check-out opens at the start, so the test
// waits for it. Figures go to the output for the closing note. Ports 4250-4253.

const databaseUrl = serviceUrl('DATABASE_URL');
const redisUrl = serviceUrl('REDIS_URL');
const kafkaBrokers = serviceUrl('KAFKA_BROKERS');
const ready = Boolean(databaseUrl && redisUrl && kafkaBrokers);

const SERVICES = {
  people: { port: 4251, modules: 'identity,notifications,admin,settlements' },
  catalog: { port: 4252, modules: 'caregivers,reviews,ai,chat' },
  booking: { port: 4253, modules: 'reservations,payments' },
} as const;
const GATEWAY_PORT = 4250;
const ROUTES = Object.values(SERVICES)
  .flatMap(({ port, modules }) => modules.split(',').map((m) => `${m}=http://127.0.0.1:${port}`))
  .join(',');
const HOUR = 3_600_000;
const kst = (at: Date) => `${new Date(at.getTime() + 9 * HOUR).toISOString().slice(0, 19)}+09:00`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ok(answer: Answer, status: number, what: string): Record<string, unknown> {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Retries `step` until it stops throwing (events cross processes through Kafka). */
async function eventually<T>(step: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await step();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

describe.skipIf(!ready)('split mode: the booking journey through the gateway', () => {
  let drop: (() => Promise<void>) | undefined;
  let dbUrl = '';
  const dirs: { remove(): Promise<void> }[] = [];
  let env: Record<string, string>;
  const processes = new Map<keyof typeof SERVICES, CareNestProcess>();
  let gateway: CareNestProcess;
  let g = '';
  const figures: Record<string, unknown> = {};
  const startedAt = Date.now();

  async function startService(name: keyof typeof SERVICES): Promise<CareNestProcess> {
    const dir = await tempDir();
    dirs.push(dir);
    const { port, modules } = SERVICES[name];
    const started = await startProcess(name, ['serve', '--modules', modules], port, { ...env, DATA_DIR: dir.path });
    processes.set(name, started);
    return started;
  }

  beforeAll(async () => {
    const database = await freshDatabase(databaseUrl!);
    drop = database.drop;
    dbUrl = database.url;
    env = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl!,
      KAFKA_BROKERS: kafkaBrokers!,
      KAFKA_TOPIC_PREFIX: `split-${randomBytes(4).toString('hex')}.`,
      MODULE_URLS: ROUTES,
      RESERVATION_MIN_LEAD: '30s',
      STORAGE: 'local',
    };
    const t0 = Date.now();
    for (const name of Object.keys(SERVICES) as (keyof typeof SERVICES)[]) await startService(name);
    gateway = await startProcess('gateway', ['gateway', '--routes', ROUTES], GATEWAY_PORT, { REDIS_URL: redisUrl!, GATEWAY_RATE_LIMIT: '100000' });
    g = `${gateway.url}/api/v1`;
    figures.startupSeconds = (Date.now() - t0) / 1000;
  }, 600_000);

  afterAll(async () => {
    figures.totalSeconds = (Date.now() - startedAt) / 1000;
    console.log(`[split journey] ${JSON.stringify(figures)}`);
    killAll();
    await drop?.();
    for (const dir of dirs) await dir.remove();
  });

  async function user(role: 'GUARDIAN' | 'CAREGIVER' | 'ADMIN', name: string): Promise<{ id: string; token: string }> {
    const email = `split-${role.toLowerCase()}-${randomBytes(4).toString('hex')}@example.com`;
    const password = 'correct horse battery staple';
    const signup = ok(await call(g, 'POST', '/auth/signup', { body: { email, password, name, role, ...(role === 'ADMIN' ? { adminSecret: ADMIN_SECRET } : {}) } }), 201, `signup ${role}`);
    const login = ok(await call(g, 'POST', '/auth/login', { body: { email, password } }), 200, `login ${role}`);
    return { id: String(signup.id), token: String(login.accessToken) };
  }

  async function approvedCaregiver(admin: { token: string }, name: string): Promise<{ token: string; caregiverId: string }> {
    const caregiver = await user('CAREGIVER', name);
    const profile = ok(
      await call(g, 'POST', '/caregivers', {
        token: caregiver.token,
        body: profileInput({ displayName: name }),
      }),
      201,
      'create profile',
    );
    const caregiverId = String(profile.id);
    ok(await call(g, 'POST', `/admin/caregivers/${caregiverId}/approve`, { token: admin.token, body: {} }), 200, 'approve');
    return { token: caregiver.token, caregiverId };
  }

  /** Books, accepts, pays in the sandbox and waits for CONFIRMED; then the caregiver checks in. */
  async function confirmedAndCheckedIn(guardian: { token: string }, caregiver: { token: string; caregiverId: string }, start: Date): Promise<string> {
    const window = { startAt: kst(start), endAt: kst(new Date(start.getTime() + HOUR)) };
    const quote = ok(await call(g, 'GET', `/quotes?${new URLSearchParams({ caregiverId: caregiver.caregiverId, rateType: 'HOURLY', ...window })}`, { token: guardian.token }), 200, 'quote');
    const booked = ok(
      await call(g, 'POST', '/reservations', {
        token: guardian.token,
        body: {
          caregiverId: caregiver.caregiverId,
          serviceType: 'HOSPITAL',
          rateType: 'HOURLY',
          ...window,
          location: { sido: '서울', sigungu: '강남', address: '테헤란로 1' },
          patient: { name: '김환자', conditions: [] },
        },
      }),
      201,
      'book',
    );
    expect(booked.totalAmount).toBe(quote.totalAmount);
    const id = String(booked.id);
    ok(await call(g, 'POST', `/reservations/${id}/accept`, { token: caregiver.token, body: {} }), 200, 'accept');
    const order = ok(await call(g, 'POST', '/payments', { token: guardian.token, body: { reservationId: id } }), 201, 'open payment');
    const redirect = ok(await call(g, 'POST', '/payments/sandbox/checkout', { token: guardian.token, body: { orderId: order.orderId, outcome: 'success' } }), 200, 'sandbox checkout');
    const paid = ok(
      await call(g, 'POST', '/payments/confirm', { token: guardian.token, body: { paymentKey: redirect.paymentKey, orderId: redirect.orderId, amount: redirect.amount } }),
      200,
      'confirm',
    );
    expect(paid.status).toBe('DONE');
    await eventually(async () => expect(ok(await call(g, 'GET', `/reservations/${id}`, { token: guardian.token }), 200, 'reservation').status).toBe('CONFIRMED'));
    ok(await call(g, 'POST', `/reservations/${id}/check-in`, { token: caregiver.token, body: {} }), 200, 'check-in');
    return id;
  }

  async function checkOut(caregiver: { token: string }, id: string, start: Date): Promise<void> {
    // Check-out opens at the start of the booked care.
    const wait = start.getTime() - Date.now();
    if (wait > 0) await sleep(wait + 1_000);
    const done = ok(await call(g, 'POST', `/reservations/${id}/check-out`, { token: caregiver.token, body: {} }), 200, 'check-out');
    expect(done.status).toBe('COMPLETED');
  }

  const review = (guardian: { token: string }, reservationId: string, rating: number) =>
    call(g, 'POST', '/reviews', { token: guardian.token, body: { reservationId, rating, content: '정말 친절하고 꼼꼼하게 돌봐 주셨습니다. 감사합니다.' } });

  async function sql<R = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<R[]> {
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as R[];
    } finally {
      await client.end();
    }
  }

  it('walks the journey through the gateway, survives the caregivers/reviews service going down, and loses no event', async () => {
    const journeyStart = Date.now();
    const admin = await user('ADMIN', '관리자');
    const first = await approvedCaregiver(admin, '김영희');
    const second = await approvedCaregiver(admin, '박순자');
    const guardian = await user('GUARDIAN', '이보호');

    const found = await eventually(async () => {
      const page = ok(await call(g, 'GET', `/caregivers?${new URLSearchParams({ sido: '서울', sigungu: '강남', limit: '100' })}`, { token: guardian.token }), 200, 'search');
      const ids = (page.items as { id: string }[]).map((c) => c.id);
      expect(ids).toEqual(expect.arrayContaining([first.caregiverId, second.caregiverId]));
      return ids;
    });
    expect(found.length).toBeGreaterThanOrEqual(2);

    // Both bookings start on the next whole minute at least 45 s ahead.
    const start = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
    const r1 = await confirmedAndCheckedIn(guardian, first, start);
    const r2 = await confirmedAndCheckedIn(guardian, second, start);
    figures.bookedAndCheckedInSeconds = (Date.now() - journeyStart) / 1000;

    await checkOut(first, r1, start);
    const created = await eventually(async () => ok(await review(guardian, r1, 5), 201, 'review'));
    expect(created.rating).toBe(5);
    await eventually(async () => {
      const profile = ok(await call(g, 'GET', `/caregivers/${first.caregiverId}`), 200, 'caregiver');
      expect(profile).toMatchObject({ reviewCount: 1, ratingAverage: 5 });
    });
    figures.journeySeconds = (Date.now() - journeyStart) / 1000;

    // The caregivers/reviews service goes down (SIGKILL: a crash).
    await processes.get('catalog')!.kill();
    const down = await call(g, 'GET', `/caregivers/${first.caregiverId}`);
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', module: 'caregivers' });
    expect((await review(guardian, r2, 4)).body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', module: 'reviews' });
    // Identity and reservations keep working, and the second booking completes meanwhile: its event waits in Kafka.
    expect((await call(g, 'GET', '/users/me', { token: guardian.token })).status).toBe(200);
    expect((await call(g, 'GET', '/reservations', { token: guardian.token })).status).toBe(200);
    await checkOut(second, r2, start);
    // The completion is published (Kafka holds it) and not handled by reviews, whose process is down.
    const completion = await eventually(async () => {
      const rows = await sql<{ id: string; published: boolean }>(
        "SELECT id, published_at IS NOT NULL AS published FROM platform.outbox WHERE type = 'reservation.completed.v1' AND payload->>'reservationId' = $1",
        [r2],
      );
      expect(rows[0]?.published).toBe(true);
      return rows[0]!.id;
    });
    const handledByReviews = async () =>
      (await sql('SELECT 1 FROM platform.inbox WHERE consumer = $1 AND event_id = $2', ['reviews.completed-reservations', completion])).length;
    expect(await handledByReviews()).toBe(0);
    const health = await call(gateway.url, 'GET', '/health/ready');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');

    const restartAt = Date.now();
    await startService('catalog');
    figures.restartSeconds = (Date.now() - restartAt) / 1000;
    figures.restartsSurvived = 1;
    // reviews learns of the completion from the event sent while it was down: the review is accepted...
    const second_review = await eventually(async () => ok(await review(guardian, r2, 4), 201, 'review after restart'), 120_000);
    expect(second_review.rating).toBe(4);
    expect(await handledByReviews()).toBe(1);
    // ...and caregivers counts it in the rating (another event, reviews -> caregivers).
    await eventually(async () => {
      const profile = ok(await call(g, 'GET', `/caregivers/${second.caregiverId}`), 200, 'caregiver');
      expect(profile).toMatchObject({ reviewCount: 1, ratingAverage: 4 });
    });
    figures.recoveredSeconds = (Date.now() - restartAt) / 1000;

    const count = async (text: string) => Number((await sql<{ n: number }>(text))[0]!.n);
    figures.events = await count('SELECT count(*)::int AS n FROM platform.outbox');
    figures.eventsUnpublished = await count('SELECT count(*)::int AS n FROM platform.outbox WHERE published_at IS NULL');
    figures.eventsHandled = await count('SELECT count(*)::int AS n FROM platform.inbox');
    figures.deadLetters = await count('SELECT count(*)::int AS n FROM platform.dead_letters');
    expect(figures.deadLetters).toBe(0);
  }, 600_000);
});
