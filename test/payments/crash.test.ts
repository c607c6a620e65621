import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileInput } from '../caregivers/support.ts';
import { startFakeToss, type FakeToss } from '../fakes/toss-server.ts';
import { adminQuery, databaseKinds } from '../support/database.ts';

// The crash test: real CareNest processes (crash-child.ts) on a database that outlives them, killed
// with SIGKILL between two saga steps, then started again. Toss is the local Toss server in this
// process, so every charge and refund it made is counted across the processes.
//  1. A process confirms a payment (DONE and its outbox row committed) and dies before any consumer ran.
//  2. The next one publishes the leftover row (the reservation becomes CONFIRMED); the guardian cancels;
//     it dies after Toss made the refund and before the refund was recorded.
//  3. The last one finds the refund pending, asks Toss again with the same Idempotency-Key, and gets
//     the first refund's answer back. In the end: charged once, refunded once, every state converged.

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const HOUR = 3_600_000;
const kst = (at: Date) => `${new Date(at.getTime() + 9 * HOUR).toISOString().slice(0, 19)}+09:00`;

interface Instance {
  readonly child: ChildProcess;
  readonly base: string;
}

describe.each(databaseKinds())('a crash between saga steps on %s', (kind) => {
  let fake: FakeToss;
  let dataDir: string;
  let database: string;
  let dropDatabase: (() => Promise<void>) | undefined;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    fake = await startFakeToss();
    dataDir = await mkdtemp(join(tmpdir(), 'carenest-crash-'));
    if (kind === 'pglite') {
      database = join(dataDir, 'pglite');
    } else {
      const admin = process.env.DATABASE_URL!;
      const name = `carenest_crash_${randomBytes(5).toString('hex')}`;
      await adminQuery(admin, `CREATE DATABASE ${name} TEMPLATE ${process.env.CARENEST_TEST_PG_TEMPLATE}`);
      const url = new URL(admin);
      url.pathname = `/${name}`;
      database = url.toString();
      dropDatabase = () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await fake?.close();
    await dropDatabase?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(mode: 'no-bus' | 'full'): Promise<Instance> {
    const child = spawn(process.execPath, [CHILD], {
      env: {
        ...process.env,
        CRASH_DATABASE: database,
        CRASH_MODE: mode,
        DATA_DIR: dataDir,
        DEMO_DATA: 'false',
        LOG_LEVEL: 'silent',
        JWT_SECRET: 'crash-test-jwt-secret-0123456789abcdef',
        ADMIN_SIGNUP_SECRET: 'crash-test-admin-secret',
        PAYMENT_PROVIDER: 'toss',
        TOSS_SECRET_KEY: fake.secretKey,
        TOSS_CLIENT_KEY: 'test_ck_crash',
        TOSS_API_URL: fake.url,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const lines = createInterface({ input: child.stdout! });
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`CareNest process exited with ${String(code)} before listening`);
    });
    const listening = (async () => {
      for await (const line of lines) {
        if (line.startsWith('{"port"')) return (JSON.parse(line) as { port: number }).port;
      }
      throw new Error('CareNest process closed its output before listening');
    })();
    const port = await Promise.race([listening, exited]);
    return { child, base: `http://127.0.0.1:${port}/api/v1` };
  }

  async function kill(instance: Instance): Promise<void> {
    const exit = once(instance.child, 'exit');
    instance.child.kill('SIGKILL');
    await exit;
  }

  async function api(instance: Instance, method: string, path: string, token?: string, body?: unknown) {
    const response = await fetch(instance.base + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function user(instance: Instance, role: string): Promise<{ id: string; token: string }> {
    const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@example.com`;
    const password = 'correct horse battery staple';
    const extra = role === 'ADMIN' ? { adminSecret: 'crash-test-admin-secret' } : {};
    const signup = await api(instance, 'POST', '/auth/signup', undefined, { email, password, name: role, role, ...extra });
    expect(signup.status).toBe(201);
    const login = await api(instance, 'POST', '/auth/login', undefined, { email, password });
    return { id: signup.body.id as string, token: login.body.accessToken as string };
  }

  async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  }

  it('converges after each crash, charging once and refunding once', async () => {
    // Process A: everything up to a confirmed payment; no relay, no consumers.
    const a = await start('no-bus');
    const admin = await user(a, 'ADMIN');
    const guardian = await user(a, 'GUARDIAN');
    const caregiver = await user(a, 'CAREGIVER');
    const profile = await api(a, 'POST', '/caregivers', caregiver.token, profileInput());
    expect((await api(a, 'POST', `/admin/caregivers/${String(profile.body.id)}/approve`, admin.token, {})).status).toBe(200);
    const start48h = new Date(Math.ceil((Date.now() + 48 * HOUR) / HOUR) * HOUR);
    const reservation = await api(a, 'POST', '/reservations', guardian.token, {
      caregiverId: profile.body.id,
      serviceType: 'HOSPITAL',
      rateType: 'DAILY',
      startAt: kst(start48h),
      endAt: kst(new Date(start48h.getTime() + 24 * HOUR)),
      location: { sido: '서울', sigungu: '강남', address: '테헤란로 1' },
      patient: { name: '김환자', conditions: [] },
    });
    expect(reservation.status).toBe(201);
    const reservationId = reservation.body.id as string;
    expect((await api(a, 'POST', `/reservations/${reservationId}/accept`, caregiver.token, {})).status).toBe(200);
    const order = (await api(a, 'POST', '/payments', guardian.token, { reservationId })).body;
    const paymentId = order.id as string;
    const amount = order.amount as number;
    const paymentKey = fake.createPendingPayment({ orderId: order.orderId as string, amount });
    const confirmed = await api(a, 'POST', '/payments/confirm', guardian.token, { paymentKey, orderId: order.orderId, amount });
    expect([confirmed.status, confirmed.body.status]).toEqual([200, 'DONE']);
    expect((await api(a, 'GET', `/reservations/${reservationId}`, guardian.token)).body.status).toBe('ACCEPTED');
    await kill(a);

    // Process B: the leftover outbox row confirms the reservation. Then a refund dies mid-flight.
    const b = await start('full');
    await until('the reservation to be CONFIRMED', async () => {
      const got = await api(b, 'GET', `/reservations/${reservationId}`, guardian.token);
      return got.body.status === 'CONFIRMED' ? got : undefined;
    });
    const cancelPath = `/v1/payments/${paymentKey}/cancel`;
    fake.delayNext(60_000); // Toss refunds at once; its answer never reaches B
    const cancelled = await api(b, 'POST', `/reservations/${reservationId}/cancel`, guardian.token, { reason: '일정 변경' });
    const refund = cancelled.body.refundAmount as number;
    expect([cancelled.status, refund]).toEqual([200, Math.floor(amount / 2)]);
    await until('Toss to receive the refund', async () => (fake.requests.some((r) => r.path === cancelPath) ? true : undefined));
    await kill(b);
    expect(fake.payment(paymentKey)).toMatchObject({ status: 'PARTIAL_CANCELED', balanceAmount: amount - refund });

    // Process C: the pending refund is asked again under the same key; Toss answers the first refund.
    const c = await start('full');
    const payment = await until('the refund to be recorded', async () => {
      const got = await api(c, 'GET', `/payments/${paymentId}`, guardian.token);
      return got.body.status === 'PARTIAL_CANCELED' ? got.body : undefined;
    });
    expect(payment).toMatchObject({ balanceAmount: amount - refund, cancels: [{ amount: refund }] });
    expect((await api(c, 'GET', `/reservations/${reservationId}`, guardian.token)).body.status).toBe('CANCELLED');

    const refunds = fake.requests.filter((r) => r.path === cancelPath);
    expect(refunds.length).toBeGreaterThanOrEqual(2); // B's, and C's replay
    expect(new Set(refunds.map((r) => r.headers['idempotency-key']))).toEqual(new Set([`refund-${reservationId}`]));
    expect(fake.payment(paymentKey)?.cancels).toHaveLength(1);
    expect(fake.charges).toHaveLength(1);

    // A clean stop and a fresh start change nothing more.
    const stop = once(c.child, 'exit');
    c.child.kill('SIGTERM');
    await stop;
    const d = await start('full');
    await sleep(500);
    expect((await api(d, 'GET', `/payments/${paymentId}`, guardian.token)).body).toMatchObject({ status: 'PARTIAL_CANCELED', cancels: [{ amount: refund }] });
    expect(fake.payment(paymentKey)?.cancels).toHaveLength(1);
    await kill(d);
  }, 120_000);
});
