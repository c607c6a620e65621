import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/platform/db/database.ts';
import { webAssetsState } from '../../src/web-assets.ts';
import { databaseMissing } from '../../src/embedded-prepare.ts';
import { lockDataDir } from '../../src/platform/backup/data-dir-lock.ts';
import { makeTemplate } from '../../src/platform/db/pglite-template.ts';
import { MIGRATION_SOURCES } from '../../src/modules/migrations.ts';

// Embedded start-up (decision 0031): PGlite runs with settings sized for a demo database, and `npm start`
// rebuilds the web app only when web/dist is missing or older than the web app's sources. A new DATA_DIR is
// created by `main.ts prepare-data` in a child process of the server that holds DATA_DIR (src/embedded-prepare.ts).

const scratch = await mkdtemp(join(tmpdir(), 'carenest-footprint-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('embedded PGlite settings', () => {
  it('runs with the small buffers of decision 0031 and still answers queries', async () => {
    const database = await openPglite(undefined);
    try {
      const setting = async (name: string) => String((await sql.raw<Record<string, string>>(`SHOW ${name}`).execute(database.db)).rows[0]?.[name]);
      expect(await setting('shared_buffers')).toBe('16MB');
      expect(await setting('temp_buffers')).toBe('2MB');
      expect(await setting('maintenance_work_mem')).toBe('16MB');
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM generate_series(1, 100000)`.execute(database.db)).rows[0]?.n).toBe(100000);
    } finally {
      await database.close();
    }
  });
});

describe('web assets state', () => {
  async function webTree(name: string): Promise<{ root: string; dist: string }> {
    const root = join(scratch, name);
    await mkdir(join(root, 'src'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<div id="root"></div>');
    await writeFile(join(root, 'src', 'main.tsx'), 'export {};');
    return { root, dist: join(root, 'dist') };
  }
  const at = (root: string, file: string, seconds: number) => utimes(join(root, file), seconds, seconds);

  it('is missing without web/dist/index.html', async () => {
    const { root, dist } = await webTree('missing');
    expect(await webAssetsState(dist, root)).toBe('missing');
  });

  it('is fresh when the build is newer than every source, stale when a source changed after it', async () => {
    const { root, dist } = await webTree('built');
    await mkdir(dist);
    await writeFile(join(dist, 'index.html'), '<div id="root"></div>');
    await at(root, 'index.html', 1_000);
    await at(root, 'src/main.tsx', 1_000);
    await at(root, 'dist/index.html', 2_000);
    expect(await webAssetsState(dist, root)).toBe('fresh');
    await at(root, 'src/main.tsx', 3_000);
    expect(await webAssetsState(dist, root)).toBe('stale');
  });

  it('is fresh with web/dist alone, as in the production image (no sources to compare)', async () => {
    const root = join(scratch, 'image');
    await mkdir(join(root, 'dist'), { recursive: true });
    await writeFile(join(root, 'dist', 'index.html'), '<div id="root"></div>');
    expect(await webAssetsState(join(root, 'dist'), root)).toBe('fresh');
  });
});

describe('a new DATA_DIR prepared in a child process', () => {
  const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
  const prepare = (dataDir: string) =>
    promisify(execFile)(process.execPath, [MAIN, 'prepare-data'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'info' },
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code, stdout: error.stdout ?? '' }),
    );

  it('is told by PostgreSQL\'s PG_VERSION file, not by the directory alone', async () => {
    const dataDir = join(scratch, 'marker');
    await mkdir(join(dataDir, 'pglite'), { recursive: true });
    expect(await databaseMissing(dataDir)).toBe(true);
    const database = await openPglite(join(dataDir, 'pglite'));
    await database.close();
    expect(await databaseMissing(dataDir)).toBe(false);
  });

  it('refuses `prepare-data` unless its parent holds DATA_DIR, and creates nothing then', async () => {
    const dataDir = join(scratch, 'unlocked');
    const result = await prepare(dataDir);
    expect(result.code).toBe(64);
    expect(result.stdout).toContain('use `npm start`');
    expect(await databaseMissing(dataDir)).toBe(true);
  });

  it('creates and migrates the database for the process that holds DATA_DIR from the install-time template, then exits', async () => {
    await makeTemplate(MIGRATION_SOURCES); // `npm ci` made it already; here it is only checked
    const dataDir = join(scratch, 'locked');
    const lock = await lockDataDir(dataDir, 'server');
    try {
      const result = await prepare(dataDir);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('database copied from the install-time template');
      expect(await databaseMissing(dataDir)).toBe(false);
    } finally {
      await lock.release();
    }
    const database = await openPglite(join(dataDir, 'pglite'));
    try {
      const applied = await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.schema_migrations`.execute(database.db);
      expect(applied.rows[0]?.n).toBeGreaterThan(5);
    } finally {
      await database.close();
    }
  }, 120_000);
});

describe.skipIf(process.platform !== 'linux')("`npm start`'s native-memory preload", () => {
  const PRELOAD = fileURLToPath(new URL('../../src/platform/native-memory.ts', import.meta.url));
  const run = async (env: Record<string, string>) => {
    const script = join(scratch, 'print-env.mjs');
    await writeFile(script, "console.log(JSON.stringify({ threshold: process.env.MALLOC_MMAP_THRESHOLD_ ?? null, argv: process.argv.slice(2) }));\n");
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', PRELOAD, script, 'serve', '--x'], { env: { PATH: process.env.PATH ?? '', ...env } });
    return JSON.parse(stdout) as { threshold: string | null; argv: string[] };
  };

  it("starts the server with glibc's mmap threshold fixed, keeping its arguments", async () => {
    expect(await run({})).toEqual({ threshold: '131072', argv: ['serve', '--x'] });
  });

  it('leaves a threshold given in the environment as it is', async () => {
    expect(await run({ MALLOC_MMAP_THRESHOLD_: '65536' })).toEqual({ threshold: '65536', argv: ['serve', '--x'] });
  });
});
