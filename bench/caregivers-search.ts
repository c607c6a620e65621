// GET /api/v1/caregivers with filters over 10,000 caregivers: CareNest on PGlite, on PostgreSQL, and a
// bare Fastify route returning the same JSON from memory, in one run; then PostgreSQL again at a fixed
// rate (BENCH_RATE, 200 req/s: latency when not saturated). Each server runs in its own process;
// autocannon drives it from this one. Run: `npm run bench` (DATABASE_URL defaults to the local
// PostgreSQL; BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_CAREGIVERS, BENCH_RATE tune it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { MIGRATION_SOURCES } from '../src/modules/migrations.ts';
import { seedCaregivers } from './seed-caregivers.ts';
import { startServer, stopServer as stop } from './http-client.ts';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { load, loadServer, report, type LoadResult } from './load.ts';
import { ADMIN_URL, createBenchDatabase, dropBenchDatabase } from './scratch-db.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const CAREGIVERS = Number(process.env.BENCH_CAREGIVERS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 200);

const QUERIES: Record<string, string> = {
  'region+service, recommended': '/api/v1/caregivers?sido=서울&sigungu=강남&serviceType=HOSPITAL&limit=20',
  'language+rate+rating, by rating': '/api/v1/caregivers?sido=경기&language=ko&maxHourlyRate=20000&minRating=4&sort=rating&limit=20',
  'text q, by careerYears': '/api/v1/caregivers?q=치매&sort=careerYears&limit=20',
};

const appEnv = { LOG_LEVEL: 'warn', DEMO_DATA: 'false', PAYMENT_PROVIDER: 'sandbox', HOST: '127.0.0.1', PORT: '0', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000', ADMIN_SIGNUP_SECRET: 'bench-admin-secret' };
const results: LoadResult[] = [];
const dataDir = await mkdtemp(join(tmpdir(), 'carenest-bench-'));
const dbName = `carenest_bench_${process.pid}`;
try {
  process.stderr.write(`seeding ${CAREGIVERS} caregivers into PGlite...\n`);
  const pglite = await openPglite(join(dataDir, 'pglite'));
  await migrate(pglite, MIGRATION_SOURCES);
  await seedCaregivers(pglite, CAREGIVERS);
  await sql`ANALYZE caregivers.profiles`.execute(pglite.db);
  await pglite.close();

  process.stderr.write(`seeding ${CAREGIVERS} caregivers into PostgreSQL (${dbName})...\n`);
  const pgUrl = await createBenchDatabase(ADMIN_URL, dbName);
  const postgres = await openPostgres(pgUrl);
  await migrate(postgres, MIGRATION_SOURCES);
  await seedCaregivers(postgres, CAREGIVERS);
  await sql`ANALYZE caregivers.profiles`.execute(postgres.db);
  await postgres.close();

  // The bare route answers with exactly what CareNest answered for the first query.
  const probe = await startServer(['src/main.ts'], { ...appEnv, DATA_DIR: dataDir });
  const sample = await (await fetch(`http://127.0.0.1:${probe.port}${encodeURI(Object.values(QUERIES)[0]!)}`)).text();
  await stop(probe.child);

  for (const [target, command, env] of [
    ['bare', ['bench/bare-server.ts'], { BENCH_BODY: sample }],
    ['pglite', ['src/main.ts'], { ...appEnv, DATA_DIR: dataDir }],
  ] as const) {
    results.push(...(await loadServer(target, command, env, QUERIES, { connections: CONNECTIONS, seconds: SECONDS })));
  }
  // PostgreSQL: flat out at CONNECTIONS, then the same server at a fixed RATE (autocannon's overallRate).
  const server = await startServer(['src/main.ts'], { ...appEnv, DATA_DIR: dataDir, DATABASE_URL: pgUrl });
  try {
    results.push(...(await load('postgres', server.port, QUERIES, { connections: CONNECTIONS, seconds: SECONDS })));
    for (const [query, path] of Object.entries(QUERIES)) {
      const r = await autocannon({ url: `http://127.0.0.1:${server.port}${encodeURI(path)}`, connections: CONNECTIONS, overallRate: RATE, duration: SECONDS });
      const result = { target: `postgres @${RATE}/s`, query, requestsPerSecond: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
      results.push(result);
      process.stderr.write(`  ${result.target.padEnd(14)} ${query.padEnd(34)} ${result.requestsPerSecond} req/s p50 ${result.p50} ms p99 ${result.p99} ms\n`);
    }
  } finally {
    await stop(server.child);
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
  await dropBenchDatabase(ADMIN_URL, dbName);
}

await report('caregivers-search', { caregivers: CAREGIVERS, connections: CONNECTIONS, seconds: SECONDS, rate: RATE }, results);
// Issue 15's targets, against the bare route of the same run.
const bare = new Map(results.filter((r) => r.target === 'bare').map((r) => [r.query, r.requestsPerSecond]));
const lines = ['', '| query | postgres req/s | % of bare | p99 ms at ' + RATE + ' req/s |', '|---|---:|---:|---:|'];
for (const query of Object.keys(QUERIES)) {
  const pg = results.find((r) => r.target === 'postgres' && r.query === query)!;
  const paced = results.find((r) => r.target === `postgres @${RATE}/s` && r.query === query)!;
  lines.push(`| ${query} | ${pg.requestsPerSecond} | ${((100 * pg.requestsPerSecond) / (bare.get(query) || 1)).toFixed(1)} | ${paced.p99} |`);
}
process.stdout.write(`${lines.join('\n')}\n(targets: >= 2,000 req/s and >= 10 % of bare at ${CONNECTIONS} connections; p99 <= 20 ms at 200 req/s)\n`);
