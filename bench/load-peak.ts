// The seed's load test, done properly (issue 15, docs/performance.md): the peak-time scenario driven by
// autocannon against CareNest on PostgreSQL in four set-ups, one after another, each on its own fresh
// database copied from one seeded template (same data every run) and for the same duration:
//   a  PostgreSQL only: CACHE=off (nothing cached), in-process event bus
//   b  + Redis (REDIS_URL): cache, token state, throttles shared in Redis
//   c  + Redis + Kafka (KAFKA_BROKERS): events through the broker
//   d  two replicas of (c), the load split evenly between their ports
// Reports TPS, average/p95/p99/max latency, errors and CPU per process; writes bench/results/load-*.json.
// Run: `npm run load` (run a), `npm run load -- --run=c`, `npm run load:all` (a-d, ~6 minutes).
// Settings: LOAD_SECONDS (60), LOAD_CONNECTIONS (100), LOAD_RATE (5 req/s per connection),
// LOAD_CAREGIVERS (5000), DATABASE_URL (admin URL), REDIS_URL, KAFKA_BROKERS, LOAD_PORT (4601).
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { MIGRATION_SOURCES } from '../src/modules/migrations.ts';
import { startServer, stopServer } from './http-client.ts';
import { ADMIN_URL, createBenchDatabase, dropBenchDatabase } from './scratch-db.ts';
import { listCaregiverIds, prepareAccounts, type PeakData } from './peak/accounts.ts';
import { backendPids, cpuBetween, pidOfCommand, snapshot } from './peak/cpu.ts';
import { drive, type DriveResult } from './peak/drive.ts';
import { seedCaregivers } from './seed-caregivers.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 100);
const RATE = Number(process.env.LOAD_RATE ?? 5);
const CAREGIVERS = Number(process.env.LOAD_CAREGIVERS ?? 5000);
const WARMUP_SECONDS = 5;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const PORT = Number(process.env.LOAD_PORT ?? 4601);
const ADMIN_SECRET = 'load-admin-secret-0000';

const RUNS = {
  a: { label: 'PostgreSQL only', replicas: 1, redis: false, kafka: false },
  b: { label: '+ Redis', replicas: 1, redis: true, kafka: false },
  c: { label: '+ Redis + Kafka', replicas: 1, redis: true, kafka: true },
  d: { label: '2 replicas (Redis + Kafka)', replicas: 2, redis: true, kafka: true },
} as const;
type RunName = keyof typeof RUNS;

const args = process.argv.slice(2);
const chosen: RunName[] = args.includes('--all')
  ? ['a', 'b', 'c', 'd']
  : (args.find((a) => a.startsWith('--run='))?.slice(6).split(',') ?? ['a']).map((r) => {
    if (!(r in RUNS)) throw new Error(`unknown run "${r}": one of a, b, c, d`);
    return r as RunName;
  });

const uptime = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const log = (text: string) => process.stderr.write(`[load] ${text}\n`);

function appEnv(database: string, dataDir: string, run: (typeof RUNS)[RunName], name: string): Record<string, string> {
  return {
    DATABASE_URL: database, DATA_DIR: dataDir, DEMO_DATA: 'false', SERVE_WEB: 'false', LOG_LEVEL: 'warn', HOST: '127.0.0.1',
    PAYMENT_PROVIDER: 'sandbox', JWT_SECRET: 'load-secret-load-secret-load-secret-00000', ADMIN_SIGNUP_SECRET: ADMIN_SECRET,
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), ACCESS_TOKEN_TTL: '2h', LOGIN_MAX_FAILURES: '1000',
    ...(run.redis ? { REDIS_URL } : { CACHE: 'off', TOP_CACHE_TTL: '0s', REDIS_URL: '' }),
    ...(run.kafka ? { KAFKA_BROKERS, KAFKA_TOPIC_PREFIX: `load${process.pid}${name}.` } : { KAFKA_BROKERS: '' }),
  };
}

/** The template every run copies: migrated, CAREGIVERS profiles, the accounts of the booking steps. */
async function prepareTemplate(template: string, dataDir: string): Promise<PeakData> {
  const url = await createBenchDatabase(ADMIN_URL, template);
  const db = await openPostgres(url);
  await migrate(db, MIGRATION_SOURCES);
  const t0 = performance.now();
  await seedCaregivers(db, CAREGIVERS);
  await db.close();
  log(`seeded ${CAREGIVERS} caregivers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const server = await startServer(['src/main.ts'], { ...appEnv(url, dataDir, RUNS.a, 'setup'), PORT: String(PORT) });
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const accounts = await prepareAccounts(base, ADMIN_SECRET, { guardians: 40, bookables: 20 });
    return { ...accounts, caregiverIds: await listCaregiverIds(base, 1000) };
  } finally {
    await stopServer(server.child);
  }
}

async function oneRun(name: RunName, template: string, data: PeakData, dataDir: string): Promise<Record<string, unknown>> {
  const run = RUNS[name];
  const database = `carenest_load_${name}_${process.pid}`;
  const url = await createBenchDatabase(ADMIN_URL, database, template);
  if (run.kafka) spawnSync('bash', ['scripts/kafka.sh', 'start'], { stdio: 'inherit' });
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  try {
    for (let i = 0; i < run.replicas; i++) servers.push(await startServer(['src/main.ts'], { ...appEnv(url, dataDir, run, name), PORT: String(PORT + i) }));
    const ports = servers.map((s) => s.port);
    log(`run ${name} (${run.label}): warm-up ${WARMUP_SECONDS} s`);
    await drive(ports, data, { connections: CONNECTIONS, rate: RATE, seconds: WARMUP_SECONDS });
    const loadBefore = uptime();
    const redisPid = run.redis ? await pidOfCommand('redis-server') : undefined;
    const kafkaPid = run.kafka ? Number((await readFile('.kafka/kafka.pid', 'utf8').catch(() => '')).trim()) || undefined : undefined;
    const groups = async (): Promise<Record<string, number[]>> => ({
      ...Object.fromEntries(servers.map((s, i) => [run.replicas === 1 ? 'app' : `app ${i + 1}`, [s.child.pid!]])),
      postgres: await backendPids(ADMIN_URL, database),
      ...(redisPid ? { redis: [redisPid] } : {}),
      ...(kafkaPid ? { kafka: [kafkaPid] } : {}),
    });
    const before = await snapshot(await groups());
    log(`run ${name}: ${SECONDS} s, ${CONNECTIONS} connections at ${RATE} req/s each (load average ${loadBefore})`);
    const result: DriveResult = await drive(ports, data, { connections: CONNECTIONS, rate: RATE, seconds: SECONDS });
    const after = await snapshot(await groups());
    const cpu = cpuBetween(before, after, result.seconds);
    const row = { run: name, label: run.label, loadAverageBefore: loadBefore, loadAverageAfter: uptime(), ...result, cpu };
    log(`run ${name}: ${result.tps} TPS, avg ${result.latencyMs.average} ms, p95 ${result.latencyMs.p95}, p99 ${result.latencyMs.p99}, max ${result.latencyMs.max}, errors ${result.errors}; cpu ${JSON.stringify(cpu)}`);
    return row;
  } finally {
    await new Promise((r) => setTimeout(r, 2000)); // let work started by the last requests finish before stopping
    for (const s of servers) await stopServer(s.child);
    await dropBenchDatabase(ADMIN_URL, database);
  }
}

const started = Date.now();
const template = `carenest_load_tmpl_${process.pid}`;
const dataDir = await mkdtemp(join(tmpdir(), 'carenest-load-'));
const runs: Record<string, unknown>[] = [];
try {
  log(`preparing the template database (load average ${uptime()})`);
  const data = await prepareTemplate(template, dataDir);
  log(`template ready: ${data.caregiverIds.length} caregiver ids, ${data.guardians.length} guardians, ${data.bookables.length} bookable caregivers`);
  for (const name of chosen) runs.push(await oneRun(name, template, data, dataDir));
} finally {
  await dropBenchDatabase(ADMIN_URL, template);
  await rm(dataDir, { recursive: true, force: true });
}
const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '');
await mkdir(join('bench', 'results'), { recursive: true });
const file = join('bench', 'results', `load-${stamp}.json`);
const report = {
  date: new Date().toISOString(), node: process.version, cores: cpus().length, totalSeconds: Math.round((Date.now() - started) / 1000),
  settings: { seconds: SECONDS, connections: CONNECTIONS, ratePerConnection: RATE, offeredPerSecond: CONNECTIONS * RATE, caregivers: CAREGIVERS, warmupSeconds: WARMUP_SECONDS },
  runs,
};
await writeFile(file, JSON.stringify(report, null, 2));
log(`wrote ${file} (${report.totalSeconds} s in all); charts and table: npm run load:charts`);
