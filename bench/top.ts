// GET /api/v1/caregivers/top over 10,000 caregivers on PostgreSQL: the cache off (TOP_CACHE_TTL=0s), on in
// memory, on in Redis (when REDIS_URL is set), beside a bare Fastify route returning the same JSON from
// memory, in one run. Each server runs in its own process; autocannon drives it from this one.
// Run: `npm run bench:top` (DATABASE_URL: an admin URL, defaults to the local PostgreSQL; REDIS_URL
// optional; BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_CAREGIVERS tune it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { MIGRATION_SOURCES } from '../src/modules/migrations.ts';
import { RANKING } from '../src/modules/caregivers/domain/ranking.ts';
import { seedCaregivers } from './seed-caregivers.ts';
import { startServer, stopServer as stop } from './http-client.ts';
import { loadServer, report, type LoadResult } from './load.ts';
import { ADMIN_URL, createBenchDatabase, dropBenchDatabase } from './scratch-db.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const CAREGIVERS = Number(process.env.BENCH_CAREGIVERS ?? 10_000);
const REDIS_URL = process.env.REDIS_URL?.trim() ?? '';

const QUERIES: Record<string, string> = { 'limit=10': '/api/v1/caregivers/top?limit=10', 'limit=50': '/api/v1/caregivers/top?limit=50' };

const appEnv = { LOG_LEVEL: 'warn', DEMO_DATA: 'false', PAYMENT_PROVIDER: 'sandbox', HOST: '127.0.0.1', PORT: '0', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000', ADMIN_SIGNUP_SECRET: 'bench-admin-secret' };
const results: LoadResult[] = [];
const dataDir = await mkdtemp(join(tmpdir(), 'carenest-bench-top-'));
const dbName = `carenest_bench_top_${process.pid}`;
try {
  process.stderr.write(`seeding ${CAREGIVERS} caregivers into PostgreSQL (${dbName})...\n`);
  const pgUrl = await createBenchDatabase(ADMIN_URL, dbName);
  const postgres = await openPostgres(pgUrl);
  await migrate(postgres, MIGRATION_SOURCES);
  await seedCaregivers(postgres, CAREGIVERS);
  // The seed writes ratings directly, not through review events: give the rows the score the consumer would.
  const { priorMean: c, priorWeight: m } = RANKING;
  await sql`UPDATE caregivers.profiles SET rating_score = round((${m}::numeric * ${c}::numeric + rating_average * review_count) / (${m}::numeric + review_count), 4)`.execute(postgres.db);
  await sql`ANALYZE caregivers.profiles`.execute(postgres.db);
  await postgres.close();
  const database = { ...appEnv, DATA_DIR: dataDir, DATABASE_URL: pgUrl };

  // The bare route answers with exactly what CareNest answered for each query.
  const probe = await startServer(['src/main.ts'], { ...database, REDIS_URL: '' });
  const samples: Record<string, string> = {};
  for (const [query, path] of Object.entries(QUERIES)) samples[query] = await (await fetch(`http://127.0.0.1:${probe.port}${path}`)).text();
  await stop(probe.child);
  for (const [query, path] of Object.entries(QUERIES)) {
    const env = { BENCH_BODY: samples[query]!, BENCH_PATH: '/api/v1/caregivers/top' };
    results.push(...(await loadServer('bare', ['bench/bare-server.ts'], env, { [query]: path }, { connections: CONNECTIONS, seconds: SECONDS })));
  }

  const targets: [string, Record<string, string>][] = [
    ['cache off', { ...database, REDIS_URL: '', TOP_CACHE_TTL: '0s' }],
    ['cache memory', { ...database, REDIS_URL: '', TOP_CACHE_TTL: '60s' }],
    ...(REDIS_URL ? [['cache redis', { ...database, REDIS_URL, TOP_CACHE_TTL: '60s' }] as [string, Record<string, string>]] : []),
  ];
  for (const [target, env] of targets) {
    results.push(...(await loadServer(target, ['src/main.ts'], env, QUERIES, { connections: CONNECTIONS, seconds: SECONDS })));
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
  await dropBenchDatabase(ADMIN_URL, dbName);
}

await report('top', { caregivers: CAREGIVERS, connections: CONNECTIONS, seconds: SECONDS }, results);
