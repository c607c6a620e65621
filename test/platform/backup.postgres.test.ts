import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../../src/platform/db/database.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { adminQuery, databaseKinds } from '../support/database.ts';
import { FILES, multipart } from '../caregivers/support.ts';
import { acceptedBooking, approvedCaregiver, confirm, openPayment, sandboxPay } from '../payments/support.ts';

// Scaled mode's logical copy (docs/operations.md, "Backups and restore"): pg_dump of a database in use,
// pg_restore into a fresh one, and the app on the copy finds the same rows and the same logins.

const run = promisify(execFile);
// Patient details are encrypted with DATA_ENCRYPTION_KEY: a copy of the database is only readable with the same key.
const KEY = { DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
const TABLES = ['identity.users', 'identity.refresh_tokens', 'reservations.reservations', 'payments.payments', 'caregivers.documents', 'caregivers.profiles'];

function urlOf(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function counts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    for (const table of TABLES) out[table] = (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
    return out;
  } finally {
    await client.end();
  }
}

describe.skipIf(!databaseKinds().includes('postgres'))('PostgreSQL: pg_dump of a live database, pg_restore into a fresh one', { timeout: 120_000 }, () => {
  const suffix = randomBytes(5).toString('hex');
  const source = `carenest_bk_src_${suffix}`;
  const target = `carenest_bk_dst_${suffix}`;
  let dir: string;
  let sourceDb: Database | undefined;
  let targetDb: Database | undefined;
  let t: TestApp | undefined;
  let admin: TestUser;
  let guardian: TestUser;
  let paymentId: string;
  let reservationId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carenest-pgdump-'));
    await adminQuery(process.env.DATABASE_URL!, `CREATE DATABASE ${source} TEMPLATE ${process.env.CARENEST_TEST_PG_TEMPLATE}`);
    sourceDb = await openPostgres(urlOf(source));
    t = await startTestApp({ database: sourceDb, env: KEY });
  });

  afterAll(async () => {
    await t?.close();
    await sourceDb?.close();
    await targetDb?.close();
    for (const name of [source, target]) await adminQuery(process.env.DATABASE_URL!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await rm(dir, { recursive: true, force: true });
  });

  it('copies every user, reservation, payment and document row, and the logins work on the copy', async () => {
    admin = await t!.signup('ADMIN');
    const caregiver = await approvedCaregiver(t!);
    const paid = await acceptedBooking(t!, { caregiver });
    guardian = paid.guardian;
    reservationId = paid.reservationId;
    await acceptedBooking(t!, { caregiver, startsIn: 20 * 86_400_000, accept: false });
    const opened = await openPayment(t!, paid);
    paymentId = opened.id;
    const done = await confirm(t!, guardian, await sandboxPay(t!, guardian, opened.orderId));
    expect(done.statusCode).toBe(200);
    const body = multipart([{ name: 'kind', value: 'CERTIFICATE' }, { name: 'file', filename: 'c.pdf', contentType: 'application/pdf', content: FILES.pdf }]);
    const upload = await t!.app.inject({ method: 'POST', url: '/api/v1/caregivers/me/documents', headers: { ...caregiver.caregiver.auth, ...body.headers }, payload: body.payload });
    expect(upload.statusCode).toBe(201);
    await t!.settle();

    // The server is 15: the client tools must be too (pg_dump refuses a newer server, pg_restore an unknown format).
    const { stdout: version } = await run('pg_dump', ['--version']);
    const server = await serverMajor();
    expect(version).toMatch(new RegExp(`\\(PostgreSQL\\) ${server}\\.`));
    const file = join(dir, 'carenest.dump');
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', file, urlOf(source)]); // the app is still running
    await adminQuery(process.env.DATABASE_URL!, `CREATE DATABASE ${target} TEMPLATE template0`);
    await run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', urlOf(target), file]);

    const before = await counts(urlOf(source));
    const after = await counts(urlOf(target));
    expect(after).toEqual(before);
    expect(before['reservations.reservations']).toBe(2);
    expect(before['payments.payments']).toBe(1);
    expect(before['caregivers.documents']).toBe(1);
    console.info(`[pg_dump/pg_restore] ${JSON.stringify(after)}`);

    await t!.close();
    t = undefined;
    targetDb = await openPostgres(urlOf(target));
    t = await startTestApp({ database: targetDb, env: KEY });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: guardian.email, password: guardian.password } });
    expect(login.statusCode).toBe(200);
    const reservation = await t.app.inject({ method: 'GET', url: `/api/v1/reservations/${reservationId}`, headers: guardian.auth });
    expect([reservation.statusCode, reservation.json().status]).toEqual([200, 'CONFIRMED']);
    const payment = await t.app.inject({ method: 'GET', url: `/api/v1/payments/${paymentId}`, headers: guardian.auth });
    expect([payment.statusCode, payment.json().status]).toEqual([200, 'DONE']);
    const adminLogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: admin.email, password: admin.password } });
    const token = { authorization: `Bearer ${adminLogin.json().accessToken}` };
    const payments = await t.app.inject({ method: 'GET', url: '/api/v1/admin/payments', headers: token });
    expect(payments.json().items.map((p: { id: string }) => p.id)).toEqual([paymentId]);
  });
});

async function serverMajor(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return String((await client.query('SHOW server_version_num')).rows[0].server_version_num).slice(0, 2);
  } finally {
    await client.end();
  }
}
