import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestApp, TEST_ADMIN_SECRET } from '../../support/app.ts';
import { databaseKinds } from '../../support/database.ts';
import type { Clock } from '../../../src/platform/clock.ts';

// The whole platform for browser tests: the web app built for production (once per content: test
// files of one run, and later runs with the same sources, share the build), served by the real
// server listening on 127.0.0.1 with a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set).

const REPO = resolve(import.meta.dirname, '..', '..', '..');
const WEB = join(REPO, 'web');
const BUILDS = join(tmpdir(), 'carenest-e2e-web');

export interface E2EServer {
  readonly baseUrl: string;
  readonly adminSecret: string;
  close(): Promise<void>;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !join(e.parentPath, e.name).startsWith(join(WEB, 'dist')))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A hash of everything the build reads: web/ (without dist) and the locked dependency versions. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...(await filesUnder(WEB)), join(REPO, 'package-lock.json')]) {
    hash.update(file.slice(REPO.length)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** Builds web/ with its Vite config into a temp dir keyed by the sources; answers that dir. */
export async function buildWeb(): Promise<string> {
  const given = process.env.CARENEST_E2E_WEB_DIST;
  if (given) return given;
  await mkdir(BUILDS, { recursive: true });
  const key = await sourceHash();
  const out = join(BUILDS, key);
  const lock = `${out}.lock`;
  for (let waited = 0; !(await exists(join(out, 'index.html'))); waited += 250) {
    const ownLock = await mkdir(lock).then(() => true, () => false);
    if (ownLock) {
      try {
        if (await exists(join(out, 'index.html'))) break;
        const scratch = `${out}.${process.pid}`;
        try {
          await viteBuild(scratch);
          await rename(scratch, out);
        } finally {
          await rm(scratch, { recursive: true, force: true });
        }
      } finally {
        await rm(lock, { recursive: true, force: true });
      }
      break;
    }
    // Another test file is building the same sources; a lock older than 2 minutes is left from a crash.
    const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > 120_000) await rm(lock, { recursive: true, force: true });
    if (waited > 180_000) throw new Error(`waited 3 minutes for the web build in ${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  await pruneOldBuilds(key);
  return out;
}

async function viteBuild(outDir: string): Promise<void> {
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(WEB, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false, rolldownOptions: { checks: { bundlerTimings: false } } },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Builds of other sources older than a day go. */
async function pruneOldBuilds(keep: string): Promise<void> {
  for (const name of await readdir(BUILDS)) {
    if (name === keep || name.startsWith(`${keep}.`)) continue;
    const path = join(BUILDS, name);
    const old = await stat(path).then((s) => Date.now() - s.mtimeMs > 86_400_000, () => false);
    if (old) await rm(path, { recursive: true, force: true });
  }
}

/**
 * The platform listening on 127.0.0.1 (random port) and serving the built web app. Check-in opens 3 h
 * before the start, so a caregiver can check in to a booking made for 1 h 10 min from now. A `clock` lets a
 * suite set up data in the past (e.g. a booking finished last week, for a settlement run).
 */
export async function startE2EServer(env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<E2EServer> {
  const webRoot = await buildWeb();
  const t = await startTestApp({
    kind: databaseKinds().includes('postgres') ? 'postgres' : 'pglite',
    webRoot,
    ...(options.clock ? { clock: options.clock } : {}),
    env: { CHECKIN_OPENS_BEFORE: '3h', HOST: '127.0.0.1', PAYMENT_PROVIDER: 'sandbox', ...env },
  });
  try {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await t.close();
    throw error;
  }
  const { port } = t.app.server.address() as { port: number };
  return { baseUrl: `http://127.0.0.1:${port}`, adminSecret: TEST_ADMIN_SECRET, close: () => t.close() };
}
