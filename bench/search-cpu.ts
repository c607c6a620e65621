// CPU per request of GET /api/v1/caregivers on PostgreSQL: the server process and the PostgreSQL backends
// serving it, from /proc (user + system time), while autocannon drives each bench query. On a shared machine
// wall-clock req/s moves with everyone else's load; CPU per request moves much less, so before/after
// comparisons of code are made with this (docs/caregiver-search.md, Performance). Linux only.
//   npx node bench/search-cpu.ts                 this tree
//   BENCH_TREES=/tmp/before,. npx node bench/search-cpu.ts   A/B, interleaved: each query runs on every tree in turn
// Settings: BENCH_SECONDS (5), BENCH_CONNECTIONS (10), BENCH_ROUNDS (1), BENCH_CAREGIVERS (10,000), DATABASE_URL
// (admin URL), BENCH_PGLITE=1 (PGlite instead of PostgreSQL), BENCH_QUERIES (names, comma-separated), KEEP=1 keeps and reuses the database carenest_search_cpu, BENCH_SERVER_NODE_ARGS (e.g. --cpu-prof).
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'kysely';
import { openPglite, openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { MIGRATION_SOURCES } from '../src/modules/migrations.ts';
import { seedCaregivers } from './seed-caregivers.ts';
import { stopServer } from './http-client.ts';
import { ADMIN_URL, createBenchDatabase, dropBenchDatabase } from './scratch-db.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const CAREGIVERS = Number(process.env.BENCH_CAREGIVERS ?? 10_000);
const TREES = (process.env.BENCH_TREES ?? '.').split(',').map((t) => resolve(t));
const NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const ONLY = process.env.BENCH_QUERIES?.split(',');
const NAME = 'carenest_search_cpu';
const PGLITE = process.env.BENCH_PGLITE === '1';

const QUERIES: Record<string, string> = {
  'region+service': '/api/v1/caregivers?sido=서울&sigungu=강남&serviceType=HOSPITAL&limit=20',
  'language+rating': '/api/v1/caregivers?sido=경기&language=ko&maxHourlyRate=20000&minRating=4&sort=rating&limit=20',
  'text q': '/api/v1/caregivers?q=치매&sort=careerYears&limit=20',
};

/** utime + stime of a process (all its threads) in clock ticks (100 per second). */
async function ticks(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

async function backendPids(admin: pg.Client): Promise<number[]> {
  const r = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [NAME]);
  return r.rows.map((row) => row.pid);
}

function start(tree: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...NODE_ARGS, join(tree, 'src/main.ts')], { cwd: tree, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening (\d+)/.exec(output) ?? /App\s+http:\/\/[^:/]+:(\d+)\//.exec(output);
      if (listening) done({ child, port: Number(listening[1]) });
    });
    child.on('exit', (code) => fail(new Error(`server exited (${code}): ${output.slice(-500)}`)));
  });
}

const url = new URL(ADMIN_URL);
url.pathname = `/${NAME}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [NAME])).rowCount === 1;
if (!exists || !process.env.KEEP) {
  await dropBenchDatabase(ADMIN_URL, NAME);
  await createBenchDatabase(ADMIN_URL, NAME);
  const database = await openPostgres(url.toString());
  await migrate(database, MIGRATION_SOURCES);
  process.stderr.write(`seeding ${CAREGIVERS} caregivers...\n`);
  await seedCaregivers(database, CAREGIVERS);
  await sql`ANALYZE caregivers.profiles`.execute(database.db);
  await database.close();
}

const dataDir = await mkdtemp(join(tmpdir(), 'carenest-cpu-'));
const env = { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', DEMO_DATA: 'false', PAYMENT_PROVIDER: 'sandbox', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, DATABASE_URL: url.toString(), JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000', ADMIN_SIGNUP_SECRET: 'bench-admin-secret' };
// BENCH_PGLITE=1: each tree's server on its own copy of one seeded PGlite directory (the database is in the server).
if (PGLITE) {
  const seeded = join(dataDir, 'seed');
  const pglite = await openPglite(join(seeded, 'pglite'));
  await migrate(pglite, MIGRATION_SOURCES);
  process.stderr.write(`seeding ${CAREGIVERS} caregivers into PGlite...\n`);
  await seedCaregivers(pglite, CAREGIVERS);
  await sql`ANALYZE caregivers.profiles`.execute(pglite.db);
  await pglite.close();
}
const servers = [];
for (const [i, tree] of TREES.entries()) {
  if (!PGLITE) {
    servers.push({ tree, ...(await start(tree, env)) });
    continue;
  }
  await cp(join(dataDir, 'seed'), join(dataDir, `tree-${i}`), { recursive: true });
  const { DATABASE_URL: _postgres, ...pgliteEnv } = env;
  servers.push({ tree, ...(await start(tree, { ...pgliteEnv, DATA_DIR: join(dataDir, `tree-${i}`) })) });
}
try {
  process.stdout.write(`| round | tree | query | req/s | server µs/req | PostgreSQL µs/req | sum | load avg (1 min) |\n|---|---|---|---:|---:|---:|---:|---:|\n`);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [query, path] of Object.entries(QUERIES).filter(([name]) => !ONLY || ONLY.includes(name))) {
      for (const server of servers) {
        const target = `http://127.0.0.1:${server.port}${encodeURI(path)}`;
        await autocannon({ url: target, connections: CONNECTIONS, duration: 2 });
        const pids = await backendPids(admin);
        const before = [await ticks(server.child.pid!), ...(await Promise.all(pids.map(ticks)))];
        const r = await autocannon({ url: target, connections: CONNECTIONS, duration: SECONDS });
        const after = [await ticks(server.child.pid!), ...(await Promise.all(pids.map(ticks)))];
        const requests = r.requests.total;
        const perRequest = (i: number[]) => Math.round((i.reduce((n, v) => n + v, 0) * 10_000) / requests);
        const serverUs = perRequest([after[0]! - before[0]!]);
        const pgUs = perRequest(after.slice(1).map((v, i) => v - before[i + 1]!));
        const name = server.tree === resolve('.') ? '.' : server.tree;
        process.stdout.write(`| ${round} | ${name} | ${query} | ${Math.round(r.requests.average)} | ${serverUs} | ${pgUs} | ${serverUs + pgUs} | ${loadavg()[0]!.toFixed(2)} |${r.non2xx + r.errors > 0 ? ` errors ${r.errors} non-2xx ${r.non2xx}` : ''}\n`);
      }
    }
  }
} finally {
  for (const server of servers) await stopServer(server.child);
  await admin.end();
  await rm(dataDir, { recursive: true, force: true });
  if (!process.env.KEEP) await dropBenchDatabase(ADMIN_URL, NAME);
}
