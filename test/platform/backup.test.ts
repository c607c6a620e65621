import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES } from '../caregivers/support.ts';
import { baseEnv, call, DAY, download, kstHour, listAll, login, runCli, startServer, type Server } from './backup-support.ts';

// Backups that restore (issue 16): the real server on a DATA_DIR with the demo, some bookings, a payment and
// a document; `backup` once through the running server and once with it stopped; DATA_DIR destroyed; `restore`;
// the server started again finds every reservation, payment, document (same bytes) and login. Tokens issued
// before the backup still work after a restore: the JWT secret and the sessions come back with the data.

const PASSPHRASE = 'a long backup passphrase 1234';
const exists = (path: string) => stat(path).then(() => true, () => false);

interface World {
  readonly users: string[];
  readonly reservations: string[];
  readonly payments: string[];
  readonly documents: { id: string; bytes: Buffer }[];
}

describe('embedded backup and restore (node src/main.ts backup | restore)', { timeout: 180_000 }, () => {
  let root: string;
  let dataDir: string;
  let env: Record<string, string>;
  let server: Server | undefined;
  let before: World;
  let caregiverId: string;
  let paidReservation: string;
  let paymentId: string;
  let guardianToken: string;
  const guardian = 'guardian1@demo.carenest.kr';
  const caregiver = 'caregiver1@demo.carenest.kr';

  async function world(s: Server): Promise<World> {
    const admin = await login(s.base, 'admin@demo.carenest.kr', s.adminPassword);
    const ids = (items: Record<string, unknown>[]) => items.map((i) => i.id as string).sort();
    const cg = await login(s.base, caregiver, s.demoPassword);
    const me = await call<{ documents: { id: string }[] }>(s.base, 'GET', '/caregivers/me', { token: cg });
    const documents = [];
    for (const d of me.documents) {
      documents.push({ id: d.id, bytes: await download(s.base, `/admin/caregivers/${caregiverId}/documents/${d.id}`, admin) });
    }
    return {
      users: ids(await listAll(s.base, '/admin/users', admin)),
      reservations: ids(await listAll(s.base, '/admin/reservations', admin)),
      payments: ids(await listAll(s.base, '/admin/payments', admin)),
      documents: documents.sort((a, b) => a.id.localeCompare(b.id)),
    };
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'carenest-backup-'));
    dataDir = join(root, 'data');
    env = baseEnv(dataDir, { BACKUP_PASSPHRASE: PASSPHRASE });
    server = await startServer(env);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('runs a small day: two bookings, one paid, a document uploaded', async () => {
    const { base, demoPassword } = server!;
    guardianToken = await login(base, guardian, demoPassword);
    const otherGuardian = await login(base, 'guardian2@demo.carenest.kr', demoPassword);
    const cgToken = await login(base, caregiver, demoPassword);
    const profile = await call<{ id: string; serviceTypes: string[]; regions: { sido: string; sigungu?: string }[] }>(base, 'GET', '/caregivers/me', { token: cgToken });
    caregiverId = profile.id;
    const book = (token: string, startsIn: number) =>
      call<{ id: string }>(base, 'POST', '/reservations', {
        token,
        body: {
          caregiverId,
          serviceType: profile.serviceTypes[0],
          rateType: 'DAILY',
          startAt: kstHour(startsIn),
          endAt: kstHour(startsIn + DAY),
          location: { sido: profile.regions[0]!.sido, sigungu: profile.regions[0]!.sigungu ?? '중구', address: '테헤란로 1' },
          patient: { name: '김환자', conditions: [] },
        },
      });
    paidReservation = (await book(guardianToken, 10 * DAY)).id;
    await book(otherGuardian, 20 * DAY);
    await call(base, 'POST', `/reservations/${paidReservation}/accept`, { token: cgToken, body: {}, status: 200 });
    const payment = await call<{ id: string; orderId: string }>(base, 'POST', '/payments', { token: guardianToken, body: { reservationId: paidReservation } });
    paymentId = payment.id;
    const paid = await call<{ paymentKey: string; orderId: string; amount: number }>(base, 'POST', '/payments/sandbox/checkout', {
      token: guardianToken,
      body: { orderId: payment.orderId, outcome: 'success', card: 'ok' },
      status: 200,
    });
    await call(base, 'POST', '/payments/confirm', { token: guardianToken, body: paid, status: 200 });
    const form = new FormData();
    form.append('kind', 'CERTIFICATE');
    form.append('file', new Blob([FILES.pdf], { type: 'application/pdf' }), 'certificate.pdf');
    await call(base, 'POST', '/caregivers/me/documents', { token: cgToken, body: form });
    before = await world(server!);
    expect(before.reservations.length).toBeGreaterThanOrEqual(2);
    expect(before.payments).toContain(paymentId);
    expect(before.documents).toHaveLength(1);
    expect(before.documents[0]!.bytes.equals(FILES.pdf)).toBe(true);
    console.info(`[backup] before: ${before.users.length} users, ${before.reservations.length} reservations, ${before.payments.length} payments, ${before.documents.length} documents`);
  });

  it('backs up through the running server, which keeps serving', async () => {
    const result = await runCli(['backup', join(root, 'live.cnbk')], env);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/taken by the running server \(pid \d+\)/);
    expect((await readFile(join(root, 'live.cnbk'))).subarray(0, 8).toString()).toBe('CNBACKUP');
    expect((await stat(join(root, 'live.cnbk'))).mode & 0o777).toBe(0o600);
    await call(server!.base, 'GET', `/reservations/${paidReservation}`, { token: guardianToken });
    // The file is encrypted: no secret, no e-mail address in the clear.
    const raw = (await readFile(join(root, 'live.cnbk'))).toString('latin1');
    expect(raw).not.toContain('demo.carenest.kr');
    expect(raw).not.toContain('%PDF');
  });

  it('refuses a restore or a second server while the server runs on that DATA_DIR, and overwriting a backup file', async () => {
    const restore = await runCli(['restore', join(root, 'live.cnbk'), '--force'], env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/server \(pid \d+\) is running/);
    const again = await runCli(['backup', join(root, 'live.cnbk')], env);
    expect([again.code, again.stderr]).toEqual([1, expect.stringMatching(/already exists/)]);
    const second = await runCli([], env);
    expect([second.code, second.stdout + second.stderr]).toEqual([1, expect.stringMatching(/DATA_DIR .* is in use by a CareNest server \(pid \d+\)/)]);
  });

  it('backs up directly when no server runs, and leaves no lock behind', async () => {
    await server!.stop();
    server = undefined;
    const result = await runCli(['backup', join(root, 'stopped.cnbk')], env);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/taken directly/);
    expect(await exists(join(dataDir, 'carenest.lock'))).toBe(false);
  });

  it('refuses a wrong or missing passphrase, a damaged file, and a non-empty DATA_DIR, writing nothing', async () => {
    const target = join(root, 'target');
    const targetEnv = { ...env, DATA_DIR: target };
    const wrong = await runCli(['restore', join(root, 'live.cnbk')], { ...targetEnv, BACKUP_PASSPHRASE: 'not the right passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/wrong BACKUP_PASSPHRASE/);
    const missing = await runCli(['restore', join(root, 'live.cnbk')], { ...targetEnv, BACKUP_PASSPHRASE: '' });
    expect([missing.code, missing.stderr]).toEqual([78, expect.stringMatching(/BACKUP_PASSPHRASE must be set/)]);

    const bytes = await readFile(join(root, 'live.cnbk'));
    const damaged = async (name: string, change: (b: Buffer) => Buffer) => {
      await writeFile(join(root, name), change(Buffer.from(bytes)));
      return runCli(['restore', join(root, name)], targetEnv);
    };
    const flipped = await damaged('flipped.cnbk', (b) => {
      b[Math.floor(b.length / 2)]! ^= 0x01;
      return b;
    });
    expect([flipped.code, flipped.stderr]).toEqual([1, expect.stringMatching(/damaged: its content fails the integrity check/)]);
    const header = await damaged('header.cnbk', (b) => {
      b[20]! ^= 0x01; // inside the salt
      return b;
    });
    expect([header.code, header.stderr]).toEqual([1, expect.stringMatching(/damaged: its header does not match/)]);
    const cut = await damaged('cut.cnbk', (b) => b.subarray(0, b.length - 1000));
    expect([cut.code, cut.stderr]).toEqual([1, expect.stringMatching(/damaged/)]);
    expect(await exists(target)).toBe(false);
    expect((await readdir(root)).filter((n) => n.includes('restoring'))).toEqual([]);

    const notEmpty = await runCli(['restore', join(root, 'live.cnbk')], env);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/is not empty .*--force/);
  });

  it('restores the running-server backup into a destroyed DATA_DIR: everything and every login is back', async () => {
    await rm(dataDir, { recursive: true, force: true });
    const result = await runCli(['restore', join(root, 'live.cnbk')], env);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    await expectRestored();
  });

  it('restores the stopped-server backup over a DATA_DIR with --force, keeping the old one aside', async () => {
    const result = await runCli(['restore', join(root, 'stopped.cnbk'), '--force'], env);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/previous contents are in .*data\.replaced-/);
    await expectRestored();
  });

  async function expectRestored(): Promise<void> {
    server = await startServer(env);
    try {
      const after = await world(server);
      expect(after.users).toEqual(before.users);
      expect(after.reservations).toEqual(before.reservations);
      expect(after.payments).toEqual(before.payments);
      expect(after.documents.map((d) => d.id)).toEqual(before.documents.map((d) => d.id));
      for (const [i, d] of after.documents.entries()) expect(d.bytes.equals(before.documents[i]!.bytes)).toBe(true);
      // The same demo password logs in; a token from before the backup is still accepted (same JWT secret).
      const reservation = await call<{ status: string }>(server.base, 'GET', `/reservations/${paidReservation}`, { token: guardianToken });
      expect(reservation.status).toBe('CONFIRMED');
      const payment = await call<{ status: string }>(server.base, 'GET', `/payments/${paymentId}`, { token: await login(server.base, guardian, server.demoPassword) });
      expect(payment.status).toBe('DONE');
      console.info(`[backup] after restore: ${after.users.length} users, ${after.reservations.length} reservations, ${after.payments.length} payments, ${after.documents.length} documents`);
    } finally {
      await server.stop();
      server = undefined;
    }
  }

});
