// Chat fan-out across two replicas: two CareNest processes (A and B) on one scratch PostgreSQL database and
// one Redis, AI_PROVIDER=gemini against the local Gemini stand-in (started here), 500 guardian-caregiver
// rooms and 1,000 authenticated sockets: every guardian on A, every caregiver on B, so each message crosses
// replicas through Redis. Every 5th caregiver prefers Chinese and writes Chinese, so both directions of
// those rooms are translated (texts repeat from a small bank: cache hits; a quarter are unique: misses).
// Phases: paced (open loop) at several offered rates, each drained, then one hot room as fast as both sides can send.
// Measured in this process, on one clock: chat.send -> chat.ack (sender, same replica), chat.send ->
// chat.message at the other participant (other replica), chat.send -> chat.translation; every acked message
// must arrive exactly once at both sockets of its room. Run: `npm run bench:chat` (DATABASE_URL: an admin
// URL; REDIS_URL, default redis://127.0.0.1:6379). Settings: BENCH_CHAT_ROOMS (500), BENCH_CHAT_SECONDS (20
// per paced phase), BENCH_CHAT_RATES (per-room msg/s of the paced phases, "0.1,0.5,2"), BENCH_CHAT_HOT_SECONDS (10).
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { WebSocket } from 'ws';
import { startFakeGemini } from '../test/fakes/gemini-server.ts';
import { client, percentile, round, startServer, stopServer } from './http-client.ts';
import { ADMIN_URL, createBenchDatabase, dropBenchDatabase } from './scratch-db.ts';

const ROOMS = Number(process.env.BENCH_CHAT_ROOMS ?? 500);
const SECONDS = Number(process.env.BENCH_CHAT_SECONDS ?? 20);
const RATES = (process.env.BENCH_CHAT_RATES ?? '0.1,0.5,2').split(',').map(Number);
const HOT_SECONDS = Number(process.env.BENCH_CHAT_HOT_SECONDS ?? 10);
const HOT_WINDOW = 8; // sends in flight per side in the hot room
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'bench password 12345';
const ADMIN_SECRET = 'bench-admin-secret-000';
const isZh = (i: number) => i % 5 === 4; // room 0 (the hot room) is Korean on both sides

const KO = ['안녕하세요, 오늘 어머니 식사는 잘 하셨나요?', '약은 아침 식사 후에 드렸습니다.', '오후 세 시쯤 도착합니다.', '어젯밤 잠은 잘 주무셨어요.',
  '병원 검사는 내일 오전 열 시입니다.', '물을 자주 드시게 해 주세요.', '기저귀가 다 떨어져 가요.', '산책을 삼십 분 했습니다.',
  '혈압이 조금 높게 나왔어요.', '전화 부탁드립니다.', '내일은 조금 일찍 와 주실 수 있나요?', '감사합니다, 수고 많으셨어요.'];
const ZH = ['您好，今天奶奶吃饭吃得很好。', '早饭后已经给她吃药了。', '我下午三点左右到。', '昨天晚上睡得很好。', '明天上午十点去医院检查。',
  '请多给她喝水。', '尿布快用完了。', '我们散步了三十分钟。', '血压有点高。', '请给我打电话。', '明天我可以早一点来。', '谢谢您的关心。'];

const now = () => performance.now();
const call = { a: client(''), b: client('') };

// ---- servers ----------------------------------------------------------------------------------------
const gemini = await startFakeGemini();
const dbName = `carenest_bench_chat_${process.pid}`;
const pgUrl = await createBenchDatabase(ADMIN_URL, dbName);
const dirs = [await mkdtemp(join(tmpdir(), 'carenest-bench-chat-a-')), await mkdtemp(join(tmpdir(), 'carenest-bench-chat-b-'))];
const randomKey = randomBytes(32).toString('base64'); // replicas share the encryption key, as in production
const env = (dataDir: string) => ({
  DATABASE_URL: pgUrl, PAYMENT_PROVIDER: 'sandbox', REDIS_URL, DATA_DIR: dataDir, DEMO_DATA: 'false', SERVE_WEB: 'false', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000', ADMIN_SIGNUP_SECRET: ADMIN_SECRET, LOGIN_MAX_FAILURES: '1000',
  DATA_ENCRYPTION_KEY: randomKey, AI_PROVIDER: 'gemini', GEMINI_API_KEY: gemini.apiKey, GEMINI_API_URL: gemini.url, GEMINI_MODEL: 'gemini-stand-in',
});
// A first, so it alone applies the migrations; B starts on the migrated database.
const serverA = await startServer(['src/main.ts'], env(dirs[0]!));
const serverB = await startServer(['src/main.ts'], env(dirs[1]!));
const base = { a: `http://127.0.0.1:${serverA.port}`, b: `http://127.0.0.1:${serverB.port}` };
call.a = client(base.a);
call.b = client(base.b);

type Peer = { i: number; userId: string; token: string; side: 'a' | 'b'; ws?: WebSocket; roomId: string; maxSeq: number; outOfOrder: number };
type Sent = { t0: number; phase: string; roomIndex: number; fromGuardian: boolean; text: string; ack?: number; messageId?: string };
const sent = new Map<string, Sent>();
const byMessage = new Map<string, { cmid?: string; other: number; otherAt?: number; self: number; translatedAt?: number; translations: number }>();
const errors: Record<string, number> = {};

async function account(side: 'a' | 'b', role: string, i: number, language = 'ko'): Promise<{ token: string; userId: string }> {
  const email = `${role.toLowerCase()}${i}@bench.example.com`;
  const signup = await call[side]('POST', '/api/v1/auth/signup', { email, password: PASSWORD, name: `${role} ${i}`, role, preferredLanguage: language, ...(role === 'ADMIN' ? { adminSecret: ADMIN_SECRET } : {}) });
  if (signup.status !== 201) throw new Error(`signup ${signup.status} ${JSON.stringify(signup.body)}`);
  const login = await call[side]('POST', '/api/v1/auth/login', { email, password: PASSWORD });
  return { token: String(login.body.accessToken), userId: String(signup.body.id) };
}

async function pair(adminToken: string, i: number): Promise<[Peer, Peer]> {
  const cg = await account('b', 'CAREGIVER', i, isZh(i) ? 'zh' : 'ko');
  const profile = await call.b('POST', '/api/v1/caregivers', {
    displayName: `간병인${i}`, gender: 'FEMALE', birthYear: 1970, careerYears: 10, introduction: '벤치마크용 프로필입니다.',
    certificates: [{ type: 'CARE_WORKER', number: `B-${i}` }], regions: [{ sido: '서울특별시' }], serviceTypes: ['HOSPITAL'],
    languages: isZh(i) ? ['ko', 'zh'] : ['ko'], hourlyRate: 15_000, dailyRate: 130_000,
  }, cg.token);
  const approved = await call.a('POST', `/api/v1/admin/caregivers/${String(profile.body.id)}/approve`, {}, adminToken);
  if (approved.status !== 200) throw new Error(`approve ${approved.status} ${JSON.stringify(approved.body)}`);
  const guardian = await account('a', 'GUARDIAN', i);
  const room = await call.a('POST', '/api/v1/chat/rooms', { caregiverId: profile.body.id }, guardian.token);
  if (room.status !== 201) throw new Error(`room ${room.status} ${JSON.stringify(room.body)}`);
  const roomId = String(room.body.id);
  return [{ i, ...guardian, side: 'a', roomId, maxSeq: 0, outOfOrder: 0 }, { i, ...cg, side: 'b', roomId, maxSeq: 0, outOfOrder: 0 }];
}

function connect(peer: Peer): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base[peer.side].replace('http', 'ws')}/api/v1/ws`, { perMessageDeflate: false });
    ws.once('open', () => ws.send(JSON.stringify({ type: 'auth', token: peer.token })));
    ws.once('error', reject);
    ws.on('close', (code) => { if (!finished) errors[`close ${code}`] = (errors[`close ${code}`] ?? 0) + 1; });
    ws.on('message', (data) => {
      const at = now();
      const frame = JSON.parse(data.toString()) as { type: string; code?: string; clientMessageId?: string; messageId?: string; message?: { id: string; seq: number; senderId: string } };
      if (frame.type === 'auth.ok') {
        peer.ws = ws;
        resolve();
      } else if (frame.type === 'chat.ack') {
        const s = sent.get(frame.clientMessageId!);
        if (s && s.ack === undefined) { s.ack = at; s.messageId = frame.message!.id; }
        entry(frame.message!.id).cmid = frame.clientMessageId;
        onAck?.(peer);
      } else if (frame.type === 'chat.message') {
        const m = frame.message!;
        const e = entry(m.id);
        if (m.senderId === peer.userId) e.self += 1;
        else { e.other += 1; e.otherAt ??= at; }
        if (m.seq < peer.maxSeq) peer.outOfOrder += 1;
        peer.maxSeq = Math.max(peer.maxSeq, m.seq);
      } else if (frame.type === 'chat.translation') {
        const e = entry(frame.messageId!);
        e.translations += 1;
        e.translatedAt ??= at;
      } else if (frame.type === 'error') errors[frame.code ?? 'error'] = (errors[frame.code ?? 'error'] ?? 0) + 1;
    });
  });
}
const entry = (id: string) => {
  let e = byMessage.get(id);
  if (!e) byMessage.set(id, (e = { other: 0, self: 0, translations: 0 }));
  return e;
};
let onAck: ((peer: Peer) => void) | undefined;
let finished = false;
let counter = 0;

function send(peer: Peer, phase: string, roomIndex: number, fromGuardian: boolean): void {
  const n = counter++;
  // A quarter of the texts are unique (cache misses); the rest repeat from the bank (hits after the first).
  const bank = fromGuardian || !isZh(roomIndex) ? KO : ZH;
  const text = `${bank[n % bank.length]!}${n % 4 === 0 ? ` #${n}` : ''}`;
  const clientMessageId = `m${n}`;
  sent.set(clientMessageId, { t0: now(), phase, roomIndex, fromGuardian, text });
  peer.ws!.send(JSON.stringify({ type: 'chat.send', roomId: peer.roomId, text, clientMessageId }));
}

async function cpuSeconds(): Promise<Record<string, number>> {
  const read = async (pid: number) => {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 10 ms
  };
  const own = process.cpuUsage();
  // PostgreSQL and Redis are shared with whatever else runs on the host: their figures are upper bounds.
  let postgres = 0;
  let redis = 0;
  for (const pid of await readdir('/proc').then((names) => names.filter((n) => /^\d+$/.test(n)))) {
    const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
    if (comm.startsWith('postgres')) postgres += await read(Number(pid)).catch(() => 0);
    else if (comm.startsWith('redis-server')) redis += await read(Number(pid)).catch(() => 0);
  }
  return { a: await read(serverA.child.pid!), b: await read(serverB.child.pid!), load: (own.user + own.system) / 1e6, postgres, redis };
}

async function drain(phase: string, maxMs = 90_000): Promise<void> {
  const until = Date.now() + maxMs;
  const pending = () => [...sent.values()].filter((s) => s.phase === phase && (s.ack === undefined || (byMessage.get(s.messageId!)?.other ?? 0) === 0)).length;
  while (pending() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
}

function summary(phase: string, seconds: number, offered: number | null) {
  const rows = [...sent.values()].filter((s) => s.phase === phase);
  const acked = rows.filter((s) => s.ack !== undefined);
  const entries = acked.map((s) => ({ s, e: byMessage.get(s.messageId!)! }));
  const sorted = (xs: number[]) => xs.sort((x, y) => x - y);
  const stats = (xs: number[]) => ({ n: xs.length, p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), p99: round(percentile(xs, 99)), max: round(xs.at(-1) ?? 0) });
  const translatable = entries.filter(({ s }) => isZh(s.roomIndex));
  return {
    phase, seconds: round(seconds), offeredPerSecond: offered, sent: rows.length, acked: acked.length,
    ackedPerSecond: round(acked.length / seconds),
    deliveredToOther: entries.filter(({ e }) => e.other === 1).length,
    echoedToSender: entries.filter(({ e }) => e.self === 1).length,
    duplicates: entries.filter(({ e }) => e.other > 1 || e.self > 1).length,
    lost: entries.filter(({ e }) => e.other === 0 || e.self === 0).length + (rows.length - acked.length),
    ackMs: stats(sorted(acked.map((s) => s.ack! - s.t0))),
    otherReplicaMs: stats(sorted(entries.filter(({ e }) => e.otherAt !== undefined).map(({ s, e }) => e.otherAt! - s.t0))),
    // The five slowest acks, with when they were sent (s into the phase) and by whom: stalls show as clusters.
    slowestAcks: acked.sort((x, y) => y.ack! - y.t0 - (x.ack! - x.t0)).slice(0, 5).map((s) => ({ atS: round((s.t0 - rows[0]!.t0) / 1000), from: s.fromGuardian ? 'A' : 'B', ms: round(s.ack! - s.t0) })),
    translations: { expected: translatable.length, arrived: translatable.filter(({ e }) => e.translations > 0).length, ms: stats(sorted(translatable.filter(({ e }) => e.translatedAt !== undefined).map(({ s, e }) => e.translatedAt! - s.t0))) },
  };
}

const metric = (text: string, name: string, labels: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && labels.split(',').every((p) => l.includes(p)));
  return line ? Number(line.split(' ').at(-1)) : 0;
};

const pairsForCleanup: [Peer, Peer][] = [];
// Event-loop delay of each replica since the last scrape (prom-client resets the histogram on each read).
const loopLag = async () => Object.fromEntries(await Promise.all((['a', 'b'] as const).map(async (side) => {
  const text = await (await fetch(`${base[side]}/metrics`)).text();
  const value = (name: string) => round(Number(text.split('\n').find((l) => l.startsWith(`${name} `))?.split(' ')[1] ?? NaN) * 1000);
  return [side, { p99Ms: value('nodejs_eventloop_lag_p99_seconds'), maxMs: value('nodejs_eventloop_lag_max_seconds') }] as const;
})));

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, rooms: ROOMS, events: process.env.KAFKA_BROKERS ? 'kafka' : 'in-process' };
try {
  // ---- seed: 500 pairs through the API (argon2 signups and logins dominate) --------------------------
  const t0 = now();
  const admin = await account('a', 'ADMIN', 0);
  const pairs: [Peer, Peer][] = pairsForCleanup;
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => { while (next < ROOMS) { const i = next++; pairs[i] = await pair(admin.token, i); } }));
  results.seedSeconds = round((now() - t0) / 1000);
  process.stderr.write(`seeded ${ROOMS} pairs and rooms in ${results.seedSeconds} s\n`);
  const peers = pairs.flat();
  const t1 = now();
  next = 0;
  await Promise.all(Array.from({ length: 100 }, async () => { while (next < peers.length) await connect(peers[next++]!); }));
  results.connectSeconds = round((now() - t1) / 1000);
  results.sockets = peers.filter((p) => p.ws).length;
  process.stderr.write(`${String(results.sockets)} sockets authenticated in ${results.connectSeconds} s\n`);

  // ---- paced phases: open loop, each room alternating guardian (A) and caregiver (B) -----------------
  const phases: unknown[] = [];
  for (const rate of RATES) {
    const phase = `paced ${rate}/s/room`;
    const total = Math.round(ROOMS * rate * SECONDS);
    const interval = 1000 / (ROOMS * rate);
    await loopLag();
    const before = await cpuSeconds();
    const start = now();
    let k = 0;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const due = Math.min(total, Math.floor((now() - start) / interval));
        for (; k < due; k++) {
          const room = k % ROOMS;
          const fromGuardian = Math.floor(k / ROOMS) % 2 === 0;
          const [g, c] = pairs[room]!;
          send(fromGuardian ? g : c, phase, room, fromGuardian);
        }
        if (k >= total) { clearInterval(tick); resolve(); }
      }, 5);
    });
    const elapsed = (now() - start) / 1000;
    await drain(phase);
    const after = await cpuSeconds();
    const lag = await loopLag();
    const s = summary(phase, elapsed, ROOMS * rate);
    // Acked per second counts acks that came in while sending and in the drain after: the sustained rate is
    // the acked count over the time until the last ack.
    const lastAck = Math.max(...[...sent.values()].filter((x) => x.phase === phase && x.ack !== undefined).map((x) => x.ack!));
    phases.push({ ...s, untilLastAckSeconds: round((lastAck - start) / 1000), sustainedPerSecond: round(s.acked / ((lastAck - start) / 1000)), perRoomPerSecond: round(s.acked / ((lastAck - start) / 1000) / ROOMS), cpuSeconds: { a: round(after.a! - before.a!), b: round(after.b! - before.b!), loadGenerator: round(after.load! - before.load!), postgres: round(after.postgres! - before.postgres!), redis: round(after.redis! - before.redis!) }, eventLoopLag: lag });
    process.stderr.write(`${JSON.stringify(phases.at(-1))}\n`);
  }

  // ---- hot room: both sides of room 0 keep HOT_WINDOW sends in flight ---------------------------------
  const [g0, c0] = pairs[0]!;
  await loopLag();
  const hotStart = now();
  const hotUntil = hotStart + HOT_SECONDS * 1000;
  onAck = (peer) => { if ((peer === g0 || peer === c0) && now() < hotUntil) send(peer, 'hot', 0, peer === g0); };
  for (let w = 0; w < HOT_WINDOW; w++) { send(g0, 'hot', 0, true); send(c0, 'hot', 0, false); }
  await new Promise((r) => setTimeout(r, HOT_SECONDS * 1000));
  onAck = undefined;
  await drain('hot');
  const hot = { ...summary('hot', HOT_SECONDS, null), eventLoopLag: await loopLag() };
  phases.push({ ...hot, perRoomPerSecond: round(hot.acked / HOT_SECONDS), outOfOrderAtGuardian: g0.outOfOrder, outOfOrderAtCaregiver: c0.outOfOrder, lastSeqSeen: { guardian: g0.maxSeq, caregiver: c0.maxSeq } });
  process.stderr.write(`${JSON.stringify(phases.at(-1))}\n`);
  results.phases = phases;

  // ---- translation: let the background worker finish, then read both instances' metrics -------------
  const wanted = () => [...sent.values()].filter((s) => isZh(s.roomIndex) && s.messageId && (byMessage.get(s.messageId)?.translations ?? 0) === 0).length;
  const tw = Date.now() + 30_000;
  while (wanted() > 0 && Date.now() < tw) await new Promise((r) => setTimeout(r, 500));
  const metrics = await Promise.all([base.a, base.b].map(async (b) => (await fetch(`${b}/metrics`)).text()));
  const hits = metrics.reduce((n, m) => n + metric(m, 'ai_translation_cache_total', 'result="hit"'), 0);
  const misses = metrics.reduce((n, m) => n + metric(m, 'ai_translation_cache_total', 'result="miss"'), 0);
  const providerCalls = metrics.reduce((n, m) => n + metric(m, 'ai_provider_calls_total', 'operation="translate"'), 0);
  const translatable = [...sent.values()].filter((s) => isZh(s.roomIndex) && s.messageId);
  results.translation = {
    messagesNeedingTranslation: translatable.length,
    translationFramesReceived: [...byMessage.values()].reduce((n, e) => n + e.translations, 0),
    messagesLeftUntranslated: wanted(),
    cacheHits: hits, cacheMisses: misses, cacheHitRate: round((hits / Math.max(1, hits + misses)) * 1000) / 10,
    providerCallsCounted: providerCalls, standInCalls: gemini.callCount(),
    // The fewest provider calls possible: one per distinct text and target language (guardians read ko, zh caregivers zh).
    distinctTexts: new Set(translatable.map((s) => s.text)).size,
    // Provider calls can be no fewer than the distinct texts among the messages that were translated.
    distinctTextsTranslated: new Set(translatable.filter((s) => (byMessage.get(s.messageId!)?.translations ?? 0) > 0).map((s) => s.text)).size,
  };
  // Deadlocks in the scratch database (a send that deadlocks waits deadlock_timeout, 1 s, then is retried).
  const stats = new pg.Client({ connectionString: pgUrl });
  await stats.connect();
  results.postgres = (await stats.query('SELECT deadlocks, xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()')).rows[0];
  // Where translation lags: events not yet relayed, relay delay of chat events, jobs the worker has not done.
  results.backlogAtEnd = (await stats.query(`SELECT
      (SELECT count(*) FROM platform.outbox WHERE published_at IS NULL) AS "unrelayedEvents",
      (SELECT round(1000 * percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - occurred_at))::numeric) FROM platform.outbox WHERE type LIKE 'chat.%' AND published_at IS NOT NULL) AS "relayP50Ms",
      (SELECT round(1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - occurred_at))::numeric) FROM platform.outbox WHERE type LIKE 'chat.%' AND published_at IS NOT NULL) AS "relayP99Ms",
      (SELECT count(*) FROM chat.translation_jobs) AS "pendingTranslationJobs"`)).rows[0];
  await stats.end();
  results.outOfOrderFrames = peers.reduce((n, p) => n + p.outOfOrder, 0);
  results.errors = errors;
} finally {
  finished = true;
  for (const p of pairsForCleanup.flat()) p.ws?.terminate();
  console.log(JSON.stringify(results, null, 2));
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL(`./results/chat-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}.json`, import.meta.url), JSON.stringify(results, null, 2));
  for (const s of [serverA, serverB]) await stopServer(s.child).catch(() => undefined);
  await gemini.close();
  await dropBenchDatabase(ADMIN_URL, dbName);
  for (const d of dirs) await rm(d, { recursive: true, force: true });
}
