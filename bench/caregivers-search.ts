// GET /api/v1/caregivers with filters over 10,000 caregivers: CareNest on PGlite, on PostgreSQL, and a
// bare Fastify route returning the same JSON from memory, in one run. Each server runs in its own
// process; autocannon drives it from this one. Run: `npm run bench` (DATABASE_URL defaults to the local
// PostgreSQL; BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_CAREGIVERS tune it).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { MIGRATION_SOURCES } from '../src/modules/migrations.ts';
import { seedCaregivers } from './seed-caregivers.ts';
import { startServer, stopServer as stop } from './http-client.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const CAREGIVERS = Number(process.env.BENCH_CAREGIVERS ?? 10_000);
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const QUERIES: Record<string, string> = {
  'region+service, recommended': '/api/v1/caregivers?sido=서울&sigungu=강남&serviceType=HOSPITAL&limit=20',
  'language+rate+rating, by rating': '/api/v1/caregivers?sido=경기&language=ko&maxHourlyRate=20000&minRating=4&sort=rating&limit=20',
  'text q, by careerYears': '/api/v1/caregivers?q=치매&sort=careerYears&limit=20',
};

interface Result {
  target: string;
  query: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(target: string, port: number): Promise<Result[]> {
  const results: Result[] = [];
  for (const [query, path] of Object.entries(QUERIES)) {
    const url = `http://127.0.0.1:${port}${encodeURI(path)}`;
    await autocannon({ url, connections: 2, duration: 2 }); // warm-up
    const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
    results.push({
      target,
      query,
      requestsPerSecond: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors,
      non2xx: r.non2xx,
    });
    process.stderr.write(`  ${target.padEnd(10)} ${query.padEnd(34)} ${Math.round(r.requests.average)} req/s p50 ${r.latency.p50} ms p99 ${r.latency.p99} ms\n`);
  }
  return results;
}

const appEnv = { LOG_LEVEL: 'warn', DEMO_DATA: 'false', HOST: '127.0.0.1', PORT: '0', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000', ADMIN_SIGNUP_SECRET: 'bench-admin-secret' };
const results: Result[] = [];
const dataDir = await mkdtemp(join(tmpdir(), 'carenest-bench-'));
const dbName = `carenest_bench_${process.pid}`;
try {
  process.stderr.write(`seeding ${CAREGIVERS} caregivers into PGlite...\n`);
  const pglite = await openPglite(join(dataDir, 'pglite'));
  await migrate(pglite, MIGRATION_SOURCES);
  await seedCaregivers(pglite, CAREGIVERS);
  await pglite.close();

  process.stderr.write(`seeding ${CAREGIVERS} caregivers into PostgreSQL (${dbName})...\n`);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const pgUrl = new URL(ADMIN_URL);
  pgUrl.pathname = `/${dbName}`;
  const postgres = await openPostgres(pgUrl.toString());
  await migrate(postgres, MIGRATION_SOURCES);
  await seedCaregivers(postgres, CAREGIVERS);
  await postgres.close();

  // The bare route answers with exactly what CareNest answered for the first query.
  const probe = await startServer(['src/main.ts'], { ...appEnv, DATA_DIR: dataDir });
  const sample = await (await fetch(`http://127.0.0.1:${probe.port}${encodeURI(Object.values(QUERIES)[0]!)}`)).text();
  await stop(probe.child);

  for (const [target, command, env] of [
    ['bare', ['bench/bare-server.ts'], { BENCH_BODY: sample }],
    ['pglite', ['src/main.ts'], { ...appEnv, DATA_DIR: dataDir }],
    ['postgres', ['src/main.ts'], { ...appEnv, DATA_DIR: dataDir, DATABASE_URL: pgUrl.toString() }],
  ] as const) {
    const server = await startServer([...command], env);
    try {
      results.push(...(await load(target, server.port)));
    } finally {
      await stop(server.child);
    }
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}

const lines = [
  `caregivers ${CAREGIVERS}, ${CONNECTIONS} connections, ${SECONDS} s per case, node ${process.version}`,
  '',
  '| target | query | req/s | p50 ms | p99 ms | errors | non-2xx |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${r.target} | ${r.query} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
await writeFile(join('bench', 'results', `caregivers-search-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}.json`), JSON.stringify({ caregivers: CAREGIVERS, connections: CONNECTIONS, seconds: SECONDS, results }, null, 2));
