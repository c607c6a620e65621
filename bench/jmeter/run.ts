// `npm run load:jmeter`: the peak scenario in JMeter against a CareNest that is already running.
// 1. Prepares the data through the API (an admin, 40 guardians, 20 caregivers with accounts who accept
//    bookings) and writes the CSV files the plan reads into bench/results/jmeter-data/.
// 2. Runs bench/jmeter/plan/carenest-peak.jmx with the jmeter-maven-plugin (JMeter comes from Maven Central on
//    the first run), which writes JMeter's HTML dashboard under bench/results/jmeter/.
// Settings: CARENEST_URL (http://127.0.0.1:3000), CARENEST_ADMIN_SECRET (the server's ADMIN_SIGNUP_SECRET),
// LOAD_USERS (40 threads), LOAD_SECONDS (60), LOAD_THINK (0.05: the real think times scaled down, so
// each thread stands for ~20 families).
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { listCaregiverIds, prepareAccounts, writeJmeterCsv } from '../peak/accounts.ts';

const base = new URL(process.env.CARENEST_URL ?? 'http://127.0.0.1:3000');
const adminSecret = process.env.CARENEST_ADMIN_SECRET;
if (!adminSecret) {
  process.stderr.write('Set CARENEST_ADMIN_SECRET to the running server\'s ADMIN_SIGNUP_SECRET (the booking steps need approved caregivers with accounts).\n');
  process.exit(2);
}
const dataDir = resolve('bench', 'results', 'jmeter-data');
const origin = base.origin;

process.stderr.write(`[jmeter] preparing accounts and CSV files against ${origin}\n`);
const accounts = await prepareAccounts(origin, adminSecret, { guardians: 40, bookables: 20 });
await writeJmeterCsv(dataDir, { ...accounts, caregiverIds: await listCaregiverIds(origin, 1000) });

// A fresh results file each run: JMeter refuses to write its dashboard into a non-empty folder.
await rm(join('bench', 'results', 'jmeter'), { recursive: true, force: true });
const started = Date.now();
const mvn = spawnSync('mvn', [
  '-B', '-f', 'bench/jmeter/pom.xml', 'verify',
  `-Dcarenest.protocol=${base.protocol.replace(':', '')}`, `-Dcarenest.host=${base.hostname}`,
  `-Dcarenest.port=${base.port || (base.protocol === 'https:' ? '443' : '80')}`,
  `-Dload.users=${process.env.LOAD_USERS ?? 40}`, `-Dload.seconds=${process.env.LOAD_SECONDS ?? 60}`,
  `-Dload.think=${process.env.LOAD_THINK ?? 0.05}`, `-Dload.data=${dataDir}`,
], { stdio: 'inherit' });
process.stderr.write(`[jmeter] mvn finished with ${mvn.status} after ${Math.round((Date.now() - started) / 1000)} s; dashboard: bench/results/jmeter/jmeter/reports/carenest-peak/index.html\n`);
process.exit(mvn.status ?? 1);
