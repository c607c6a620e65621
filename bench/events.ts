// Events through outbox -> relay -> Kafka -> consumer (inbox + handler transaction) on PostgreSQL:
// 1) paced: 500 events/s for 20 s, one use-case-like transaction per event followed by kick(), with
//    end-to-end latency from occurredAt (written with the outbox row) to the end of the handler;
// 2) backlog: 20,000 events already in the outbox, drained as fast as the pipeline goes.
// Needs a broker (`npm run kafka start`). Run: `npm run bench:events`.
// Settings: KAFKA_BROKERS, DATABASE_URL (admin URL), BENCH_RATE, BENCH_SECONDS, BENCH_BACKLOG,
// BENCH_PARTITIONS (3), BENCH_CONCURRENCY (4).
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { systemClock } from '../src/platform/clock.ts';
import { openPostgres, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import Type from 'typebox';
import { defineConsumer, defineEvent, type DomainEvent, type NewEvent } from '../src/platform/events/event.ts';
import { createKafkaBus } from '../src/platform/events/kafka-bus.ts';
import { appendToOutbox } from '../src/platform/events/outbox.ts';
import { startOutboxRelay } from '../src/platform/events/relay.ts';
import { MIGRATION_SOURCES } from '../src/modules/migrations.ts';
import { percentile } from './http-client.ts';
import { ADMIN_URL, createBenchDatabase, dropBenchDatabase } from './scratch-db.ts';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 20_000);
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const PARTITIONS = Number(process.env.BENCH_PARTITIONS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const Benched = defineEvent('bench.happened.v1', Type.Object({ i: Type.Integer() }));

const dbName = `carenest_bench_e_${process.pid}`;

interface Row {
  case: string;
  events: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  relayP99: number;
  kafkaP99: number;
}

async function main(): Promise<void> {
  const url = await createBenchDatabase(ADMIN_URL, dbName);
  let database: Database | undefined;
  try {
    database = await openPostgres(url, 20);
    await migrate(database, MIGRATION_SOURCES);
    const db = database;
    const latencies: number[] = [];
    const kafkaLatencies: number[] = [];
    let handled = 0;
    const bus = createKafkaBus({ brokers: BROKERS, database: db, logger: pino({ level: 'warn' }), namespace: `bench${process.pid}.`, partitions: PARTITIONS, concurrency: CONCURRENCY });
    bus.subscribe(defineConsumer({
      name: 'bench.recorder',
      events: [Benched],
      async handle(e: DomainEvent) {
        handled++;
        const now = Date.now();
        latencies.push(now - Date.parse(e.occurredAt));
        const acked = publishedAt.get(e.id);
        if (acked !== undefined) kafkaLatencies.push(now - acked);
      },
    }));
    await bus.start();
    // Splits the latency: outbox -> acked by Kafka, and acked -> handled.
    const publishedAt = new Map<string, number>();
    const relayLatencies: number[] = [];
    const timedBus = {
      ...bus,
      async publish(events: readonly DomainEvent[]) {
        await bus.publish(events);
        const now = Date.now();
        for (const e of events) {
          publishedAt.set(e.id, now);
          relayLatencies.push(now - Date.parse(e.occurredAt));
        }
      },
    };
    const relay = startOutboxRelay({ database: db, bus: timedBus, logger: pino({ level: 'warn' }) });
    const newEvent = (i: number): NewEvent => Benched.of(`agg-${i % 100}`, { i });
    const waitHandled = async (n: number): Promise<void> => {
      const deadline = Date.now() + 300_000;
      while (handled < n && Date.now() < deadline) await sleep(5);
      if (handled < n) throw new Error(`only ${handled} of ${n} events handled`);
    };
    const rows: Row[] = [];
    const summarise = (name: string, events: number, ms: number): void => {
      const sorted = [...latencies].sort((a, b) => a - b);
      const relayP99 = percentile([...relayLatencies].sort((a, b) => a - b), 99);
      const kafkaP99 = percentile([...kafkaLatencies].sort((a, b) => a - b), 99);
      rows.push({ case: name, events, seconds: ms / 1000, perSecond: Math.round(events / (ms / 1000)), p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, relayP99, kafkaP99 });
      latencies.length = 0;
      relayLatencies.length = 0;
      kafkaLatencies.length = 0;
    };

    // Warm-up: topics, group join, connections.
    await db.db.transaction().execute((tx) => appendToOutbox(tx, [newEvent(0)], systemClock));
    relay.kick();
    await waitHandled(1);
    handled = 0;
    latencies.length = 0;
    relayLatencies.length = 0;
    kafkaLatencies.length = 0;

    // 1) Paced: every 10 ms tick writes its share, each event in its own transaction, then kick().
    const total = RATE * SECONDS;
    const perTick = RATE / 100;
    const started = Date.now();
    let written = 0;
    for (let tick = 0; written < total; tick++) {
      const due = started + tick * 10;
      if (due > Date.now()) await sleep(due - Date.now());
      const n = Math.min(total - written, Math.round((tick + 1) * perTick) - Math.round(tick * perTick));
      const first = written;
      written += n;
      await Promise.all(Array.from({ length: n }, (_, k) => db.db.transaction().execute((tx) => appendToOutbox(tx, [newEvent(first + k)], systemClock))));
      relay.kick();
    }
    const writeMs = Date.now() - started;
    await waitHandled(total);
    summarise(`paced ${RATE}/s for ${SECONDS} s (written at ${Math.round(total / (writeMs / 1000))}/s)`, total, Date.now() - started);

    // 2) Backlog: rows committed first (occurredAt = insert time), then drained.
    handled = 0;
    for (let i = 0; i < BACKLOG; i += 500) {
      const batch = Array.from({ length: Math.min(500, BACKLOG - i) }, (_, k) => newEvent(i + k));
      await db.db.transaction().execute((tx) => appendToOutbox(tx, batch, systemClock));
    }
    const drainStart = Date.now();
    relay.kick();
    await waitHandled(BACKLOG);
    summarise(`backlog of ${BACKLOG} drained`, BACKLOG, Date.now() - drainStart);

    await relay.stop();
    await bus.close();

    console.log(`\nEvents outbox -> Kafka -> consumer, Node ${process.version}, Kafka at ${BROKERS.join(',')}, relay batch 100, ${PARTITIONS} partitions, handler concurrency ${CONCURRENCY}\n`);
    console.log('| case | events | s | events/s | p50 ms | p99 ms | max ms | p99 outbox->acked | p99 acked->handled |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(`| ${r.case} | ${r.events} | ${r.seconds.toFixed(1)} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.max} | ${r.relayP99} | ${r.kafkaP99} |`);
    }
    console.log('\nLatency = handler end - occurredAt (the outbox write); the backlog row includes the wait in the outbox.');
  } finally {
    await database?.close();
    await dropBenchDatabase(ADMIN_URL, dbName);
  }
}

await main();
