// Embedded start-up (issue 15): how long `npm start` of a fresh clone takes to be ready, and how much memory the
// server then holds. The working tree is copied into a temp dir without node_modules, web/dist, data and the like
// (node_modules is symlinked: an install is not what we time), `npm start` runs there with a fresh DATA_DIR on a
// free port; the clock stops when /health/ready answers 200 and the printed demo logins work (the demo is loaded
// before the server listens). RSS is the sum over the server's process tree (/proc), sampled every 200 ms from
// spawn until 10 s after ready: max over the whole run, max after ready, and settled (median of the last 2 s).
// Run: `npm run bench:start` (BENCH_RUNS=n repeats; BENCH_PREPARE=1 first runs the install-time steps `npm ci`
// would run, timed apart, as a fresh clone after the README's `npm ci`).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** The tree to start (default: this working tree); e.g. `git archive HEAD | tar -x -C /tmp/before` for a before row. */
const TREE = resolve(process.env.BENCH_TREE ?? ROOT);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const PREPARE = process.env.BENCH_PREPARE === '1';
const SETTLE_MS = 10_000;
const SAMPLE_MS = 200;
const TIMEOUT_MS = 120_000;
/** Left out of the copy: what a fresh clone does not have (or what is not ours to time). */
const SKIP = new Set(['node_modules', '.git', 'web/dist', 'data', '.kafka', 'bench/results', 'tmp', 'coverage', 'test-results']);

interface Run {
  readonly label: string;
  readonly prepareSeconds?: number;
  readonly readySeconds: number;
  /** CPU seconds the server and its finished children (the web build) used until ready: steadier than wall time on a busy machine. */
  readonly cpuSecondsToReady: number;
  readonly loginsSeconds: number;
  readonly logins: number;
  readonly webOk: boolean;
  readonly rssMaxMb: number;
  readonly rssAfterReadyMaxMb: number;
  readonly rssSettledMb: number;
  readonly processes: number;
  readonly serverLog: { startupSeconds?: number; rssMb?: number; steps?: unknown };
  readonly load: string;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function children(): Promise<Map<number, number[]>> {
  const tree = new Map<number, number[]>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!ppid) continue;
    tree.set(ppid, [...(tree.get(ppid) ?? []), Number(name)]);
  }
  return tree;
}

/** RSS (MB) of `pid` and all its descendants, and how many processes that is. */
async function treeRss(pid: number): Promise<{ mb: number; processes: number }> {
  const tree = await children();
  let kb = 0;
  let processes = 0;
  for (const stack = [pid]; stack.length > 0; ) {
    const current = stack.pop()!;
    const status = await readFile(`/proc/${current}/status`, 'utf8').catch(() => '');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    if (rss) {
      kb += Number(rss[1]);
      processes += 1;
    }
    stack.push(...(tree.get(current) ?? []));
  }
  return { mb: Math.round(kb / 1024), processes };
}

/** The server process: `npm start` runs a shell that runs node; count from the node that runs src/main.ts. */
async function serverPid(npmPid: number): Promise<number | undefined> {
  const tree = await children();
  for (const stack = [npmPid]; stack.length > 0; ) {
    const current = stack.pop()!;
    const cmdline = (await readFile(`/proc/${current}/cmdline`, 'utf8').catch(() => '')).split('\0');
    if (cmdline.some((arg) => arg === 'src/main.ts' || arg.endsWith('/src/main.ts'))) return current;
    stack.push(...(tree.get(current) ?? []));
  }
  return undefined;
}

/** utime + stime + cutime + cstime of one process, in seconds (clock ticks of 1/100 s). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) / 100;
}

async function copyTree(target: string): Promise<void> {
  await cp(TREE, target, {
    recursive: true,
    filter: (source) => !SKIP.has(relative(TREE, source)),
  });
  await symlink(join(ROOT, 'node_modules'), join(target, 'node_modules'), 'dir');
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function login(base: string, email: string, password: string): Promise<boolean> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  await res.text();
  return res.status === 200;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    process.kill(-child.pid!, 'SIGTERM'); // the whole group: npm, its shell and the server
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 20_000).unref();
  });
}

async function runOnce(label: string): Promise<Run> {
  const work = await mkdtemp(join(tmpdir(), 'carenest-bench-start-'));
  const tree = join(work, 'carenest');
  const dataDir = join(work, 'data');
  try {
    await copyTree(tree);
    let prepareSeconds: number | undefined;
    if (PREPARE) {
      // What `npm ci` runs after installing: the package's own install-time lifecycle scripts.
      const scripts = (JSON.parse(await readFile(join(tree, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
      const started = performance.now();
      for (const script of ['preinstall', 'install', 'postinstall', 'prepare'].filter((name) => scripts[name])) {
        const result = spawnSync('npm', ['run', script], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
        if (result.status !== 0) throw new Error(`npm run ${script} failed (${result.status})`);
      }
      prepareSeconds = (performance.now() - started) / 1000;
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const started = performance.now();
    const child = spawn('npm', ['start'], {
      cwd: tree,
      detached: true,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', JWT_SECRET: '', DATABASE_URL: '', REDIS_URL: '', KAFKA_BROKERS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const samples: { at: number; mb: number; processes: number }[] = [];
    let pid: number | undefined;
    let readyAt: number | undefined;
    let cpuAtReady = 0;
    try {
      while (readyAt === undefined) {
        if (performance.now() - started > TIMEOUT_MS) throw new Error(`not ready after ${TIMEOUT_MS / 1000} s:\n${output.slice(-2000)}`);
        if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output.slice(-2000)}`);
        pid ??= await serverPid(child.pid!);
        if (pid) samples.push({ at: performance.now(), ...(await treeRss(pid)) });
        const ok = await fetch(`${base}/health/ready`).then(
          (res) => res.status === 200,
          () => false,
        );
        if (ok) {
          readyAt = performance.now();
          cpuAtReady = pid ? await cpuSeconds(pid) : 0;
        }
        else await sleep(SAMPLE_MS / 2);
      }
      // The banner (printed right after listen) holds the demo logins.
      for (let i = 0; i < 50 && !output.includes('caregiver '); i++) await sleep(100);
      const logins = [...output.matchAll(/^\s+(admin|guardian|caregiver)\s+(\S+@\S+) \/ (\S+)/gm)].map((m) => ({ email: m[2]!, password: m[3]! }));
      const loginResults = await Promise.all(logins.map((l) => login(base, l.email, l.password)));
      const loginsAt = performance.now();
      if (logins.length === 0 || loginResults.some((ok) => !ok)) throw new Error(`demo logins failed (${loginResults.join(',')}):\n${output.slice(-2000)}`);
      const page = await fetch(`${base}/`);
      const webOk = page.status === 200 && (await page.text()).includes('<div id="root"');
      while (performance.now() - readyAt < SETTLE_MS) {
        samples.push({ at: performance.now(), ...(await treeRss(pid!)) });
        await sleep(SAMPLE_MS);
      }
      const after = samples.filter((s) => s.at >= readyAt!);
      const last = after.filter((s) => s.at >= readyAt! + SETTLE_MS - 2_000).map((s) => s.mb).sort((a, b) => a - b);
      const readyLine = output.split('\n').find((line) => line.includes('"msg":"ready"'));
      const serverLog = readyLine ? (JSON.parse(readyLine) as Run['serverLog']) : {};
      return {
        label,
        ...(prepareSeconds === undefined ? {} : { prepareSeconds: Number(prepareSeconds.toFixed(2)) }),
        readySeconds: Number(((readyAt - started) / 1000).toFixed(2)),
        cpuSecondsToReady: Number(cpuAtReady.toFixed(2)),
        loginsSeconds: Number(((loginsAt - started) / 1000).toFixed(2)),
        logins: logins.length,
        webOk,
        rssMaxMb: Math.max(...samples.map((s) => s.mb)),
        rssAfterReadyMaxMb: Math.max(...after.map((s) => s.mb)),
        rssSettledMb: last[Math.floor(last.length / 2)] ?? 0,
        processes: Math.max(...after.map((s) => s.processes)),
        serverLog: { startupSeconds: serverLog.startupSeconds, rssMb: serverLog.rssMb, steps: serverLog.steps },
        load: loadavg().map((l) => l.toFixed(2)).join(' '),
      };
    } finally {
      await stop(child);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const label = process.env.BENCH_LABEL ?? (PREPARE ? 'fresh clone after install steps' : 'fresh clone, web/dist missing');
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  const run = await runOnce(label);
  runs.push(run);
  process.stderr.write(`${JSON.stringify(run)}\n`);
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
await mkdir(join(ROOT, 'bench', 'results'), { recursive: true });
await writeFile(join(ROOT, 'bench', 'results', `embedded-start-${stamp}.json`), `${JSON.stringify({ node: process.version, runs }, null, 2)}\n`);
console.log('| case | install steps s | ready s | CPU s to ready | logins ok s | RSS max MB | RSS max after ready MB | RSS settled MB | processes | web | load (1/5/15 min) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
for (const r of runs) {
  console.log(`| ${r.label} | ${r.prepareSeconds ?? '-'} | ${r.readySeconds} | ${r.cpuSecondsToReady} | ${r.loginsSeconds} | ${r.rssMaxMb} | ${r.rssAfterReadyMaxMb} | ${r.rssSettledMb} | ${r.processes} | ${r.webOk ? 'ok' : 'MISSING'} | ${r.load} |`);
}
