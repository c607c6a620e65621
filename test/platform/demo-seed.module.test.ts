import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed.ts';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';

// The demo seeder (what `npm start` loads and prints on an empty database): the admin's password is its own,
// never the one every demo guardian and caregiver shares.

describe.each(databaseKinds())('the demo data on %s', (kind) => {
  let t: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    dataDir = await mkdtemp(join(tmpdir(), 'carenest-demo-'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const login = async (email: string, password: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })).statusCode;

  it('gives the admin a password of its own, kept across starts', { timeout: 120_000 }, async () => {
    const seed = () => seedDemoData(t.platform, t.modules, { dataDir, adminSignupSecret: TEST_ADMIN_SECRET });
    const demo = (await seed())!;
    const shared = demo.guardians[0]!.password;
    expect(demo.admin).toEqual({ email: 'admin@demo.carenest.kr', password: expect.stringMatching(/^[\w-]{16}$/) });
    expect(demo.admin.password).not.toBe(shared);
    expect(new Set([...demo.guardians, ...demo.caregivers].map((l) => l.password))).toEqual(new Set([shared]));

    expect(await login(demo.admin.email, demo.admin.password)).toBe(200);
    expect(await login(demo.admin.email, shared)).toBe(401);
    expect(await login(demo.guardians[0]!.email, shared)).toBe(200);

    // A second start on the same data prints the same logins and loads nothing again.
    expect(await seed()).toEqual(demo);
  });

  it('says so when an older demo gave the admin the guardians\' password', async () => {
    await rm(join(dataDir, 'secrets', 'demo-admin-password'));
    const demo = (await seedDemoData(t.platform, t.modules, { dataDir, adminSignupSecret: TEST_ADMIN_SECRET }))!;
    expect(demo.admin).toEqual({ email: 'admin@demo.carenest.kr', password: demo.guardians[0]!.password, sharedWithGuardians: true });
  });
});
