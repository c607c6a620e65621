// WebSocket: how many authenticated connections one CareNest process holds, its memory per connection,
// and notification delivery latency (publish in the server -> frame parsed by the client) with 1,000
// connected clients and at the largest count reached. Server and client are separate processes on
// 127.0.0.1. Run: `npm run bench:ws`. Settings: BENCH_WS_CLIENTS (1000), BENCH_WS_MAX (10000),
// BENCH_WS_ROUNDS (10), BENCH_WS_SECONDS (time budget for connecting, 120).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { WebSocket } from 'ws';

const CLIENTS = Number(process.env.BENCH_WS_CLIENTS ?? 1_000);
const MAX = Number(process.env.BENCH_WS_MAX ?? 10_000);
const ROUNDS = Number(process.env.BENCH_WS_ROUNDS ?? 10);
const SECONDS = Number(process.env.BENCH_WS_SECONDS ?? 120);
const IN_FLIGHT = 200;

// CLOCK_MONOTONIC: one clock for every process on the host, so send and receive times compare.
const now = () => Number(process.hrtime.bigint()) / 1e6;

function server(): Promise<{ child: ChildProcess; port: number; ask: <T>(message: object) => Promise<T> }> {
  const child = fork(new URL('./ws-server.ts', import.meta.url), [], { execArgv: ['--expose-gc'], stdio: 'inherit' });
  let pending: ((value: unknown) => void) | undefined;
  const ask = <T>(message: object) =>
    new Promise<T>((resolve) => {
      pending = resolve as (value: unknown) => void;
      child.send(message);
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: { port?: number }) => {
      if (message.port !== undefined && pending === undefined) resolve({ child, port: message.port, ask });
      else {
        const p = pending;
        pending = undefined;
        p?.(message);
      }
    });
  });
}

const { child, port, ask } = await server();
const url = `ws://127.0.0.1:${port}/api/v1/ws`;
type Stats = { rss: number; heapUsed: number; connections: number };
const baseline = await ask<Stats>({ cmd: 'stats' });

const sockets: WebSocket[] = [];
let onFrame: ((round: number, latencyMs: number) => void) | undefined;
let failures = 0;
let firstError: string | undefined;

function open(i: number): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const fail = (reason: string) => {
      failures += 1;
      firstError ??= reason;
      ws.terminate();
      resolve(false);
    };
    const timer = setTimeout(() => fail('timeout'), 10_000);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'auth', token: `u${i}` })));
    ws.once('error', (error) => {
      clearTimeout(timer);
      fail(error.message);
    });
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; notification?: { data: { round: number; sentAt: number } } };
      if (frame.type === 'auth.ok') {
        clearTimeout(timer);
        sockets.push(ws);
        resolve(true);
      } else if (frame.type === 'notification' && frame.notification) {
        onFrame?.(frame.notification.data.round, now() - frame.notification.data.sentAt);
      }
    });
  });
}

const deadline = Date.now() + SECONDS * 1000;
/** Opens connections until `target` are held, the time budget ends, or connections fail. */
async function growTo(target: number): Promise<number> {
  const startedAt = now();
  let next = sockets.length;
  const worker = async () => {
    while (next < target && failures < 50 && Date.now() < deadline) {
      await open(next++);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return now() - startedAt;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round2 = (n: number) => Math.round(n * 100) / 100;

let roundNo = 0;
async function deliver(users: number, rounds: number): Promise<{ frames: number; p50: number; p99: number; max: number; lost: number }> {
  const latencies: number[] = [];
  let lost = 0;
  // Round 0 warms up (JIT, buffers) and is not counted.
  for (let r = 0; r <= rounds; r++) {
    const round = ++roundNo;
    let got = 0;
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      onFrame = (frameRound, latency) => {
        if (frameRound !== round) return;
        if (r > 0) latencies.push(latency);
        if (++got === users) {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    await ask({ cmd: 'publish', users, round });
    await done;
    if (r > 0) lost += users - got;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  latencies.sort((a, b) => a - b);
  return { frames: latencies.length, p50: round2(percentile(latencies, 50)), p99: round2(percentile(latencies, 99)), max: round2(latencies.at(-1) ?? NaN), lost };
}

const rows: Record<string, unknown>[] = [];
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

const connectMs = await growTo(CLIENTS);
const at1k = await ask<Stats>({ cmd: 'stats' });
const d1k = await deliver(Math.min(CLIENTS, sockets.length), ROUNDS);
rows.push({ connections: at1k.connections, connectSeconds: round2(connectMs / 1000), rssMb: mb(at1k.rss), ...d1k, rounds: ROUNDS });

if (MAX > CLIENTS) {
  const growMs = await growTo(MAX);
  const atMax = await ask<Stats>({ cmd: 'stats' });
  const dMax = await deliver(sockets.length, 3);
  rows.push({ connections: atMax.connections, connectSeconds: round2((connectMs + growMs) / 1000), rssMb: mb(atMax.rss), ...dMax, rounds: 3 });
}
const final = await ask<Stats>({ cmd: 'stats' });
const perConnectionKb = Math.round((final.rss - baseline.rss) / Math.max(1, final.connections) / 1024 * 10) / 10;

const result = {
  date: new Date().toISOString(),
  node: process.version,
  baselineRssMb: mb(baseline.rss),
  perConnectionKb,
  failures,
  firstError,
  rows,
};
console.log(JSON.stringify(result, null, 2));
console.log('\n| connections held | connect s | server RSS MB | frames | p50 ms | p99 ms | max ms | lost |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.connections} | ${r.connectSeconds} | ${r.rssMb} | ${r.frames} | ${r.p50} | ${r.p99} | ${r.max} | ${r.lost} |`);
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL(`./results/ws-${Date.now()}.json`, import.meta.url), JSON.stringify(result, null, 2));

for (const ws of sockets) ws.terminate();
child.send({ cmd: 'stop' });
await new Promise((resolve) => child.once('exit', resolve));
