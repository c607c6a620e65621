import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { pino } from 'pino';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import type { Database, Executor } from '../db/database.ts';
import { newId } from '../ids.ts';
import Type from 'typebox';
import { systemClock } from '../clock.ts';
import { defineConsumer, defineEvent, type DomainEvent, type EventConsumer } from './event.ts';
import { handleOnce } from './inbox.ts';
import { createMemoryBus } from './memory-bus.ts';

const silent = pino({ level: 'silent' });
const fastRetry = { attempts: 3, baseDelayMs: 1 };
const Approved = defineEvent('caregiver.approved.v1', Type.Object({ name: Type.Optional(Type.String()), at: Type.Optional(Type.Number()) }));
const Changed = defineEvent('reservation.changed.v1', Type.Object({ n: Type.Integer() }));

function event(type: string, aggregateId: string, payload: unknown = {}): DomainEvent {
  return { id: newId(), type, aggregateId, occurredAt: new Date().toISOString(), payload };
}

// A handler's committed work is visible as audit rows, so tests can tell a rolled-back run from a kept one.
async function recordHandled(tx: Executor, consumer: string, e: DomainEvent): Promise<void> {
  await tx
    .insertInto('platform.audit_log')
    .values({ action: consumer, resource_type: 'event', resource_id: e.id, details: JSON.stringify(e.payload) })
    .execute();
}

/** A consumer that records each call (rolled back when it throws) and fails its first `failures` calls. */
function failing(name: string, failures: number, message: string) {
  let calls = 0;
  const consumer = defineConsumer({
    name,
    events: [Approved],
    async handle(e, tx) {
      calls++;
      await recordHandled(tx, name, e);
      if (calls <= failures) throw new Error(`${message} ${calls}`);
    },
  });
  return { consumer, calls: () => calls };
}

async function handledRows(database: Database): Promise<{ action: string; resource_id: string }[]> {
  return database.db.selectFrom('platform.audit_log').select(['action', 'resource_id']).orderBy('id').execute();
}


describe.each(databaseKinds())('memory bus on %s', (kind) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(async () => {
    await database.close();
  });

  it('handleOnce handles an event once per consumer', async () => {
    const consumer: EventConsumer = defineConsumer({
      name: 'test.recorder',
      events: [Approved],
      handle: (e, tx) => recordHandled(tx, 'test.recorder', e),
    });
    const other: EventConsumer = { ...consumer, name: 'test.other', handle: (e, tx) => recordHandled(tx, 'test.other', e) };
    const e = event('caregiver.approved.v1', 'cg-1');
    expect(await handleOnce({ database, clock: systemClock }, consumer, e)).toBe('handled');
    expect(await handleOnce({ database, clock: systemClock }, consumer, e)).toBe('duplicate');
    expect(await handleOnce({ database, clock: systemClock }, other, e)).toBe('handled');
    expect((await handledRows(database)).map((r) => r.action)).toEqual(['test.recorder', 'test.other']);
  });

  it('runs a consumer declared without an inbox on every delivery, with no inbox row, and refuses its emits', async () => {
    const seen: string[] = [];
    const consumer = defineConsumer({
      name: 'test.no-inbox',
      events: [Approved],
      inbox: false,
      async handle(e, _db, emit) {
        seen.push(e.id);
        if (e.payload.name === 'emit') emit(Approved.of('cg-2', {}));
      },
    });
    const e = event('caregiver.approved.v1', 'cg-1');
    expect(await handleOnce({ database, clock: systemClock }, consumer, e)).toBe('handled');
    expect(await handleOnce({ database, clock: systemClock }, consumer, e)).toBe('handled');
    expect(seen).toEqual([e.id, e.id]);
    expect(await database.db.selectFrom('platform.inbox').selectAll().execute()).toEqual([]);
    await expect(handleOnce({ database, clock: systemClock }, consumer, event('caregiver.approved.v1', 'cg-1', { name: 'emit' }))).rejects.toThrow(
      /without an inbox and may not emit/,
    );
    expect(await database.db.selectFrom('platform.outbox').selectAll().execute()).toEqual([]);
  });

  it('delivers only subscribed types and each event once, even when published twice', async () => {
    const bus = createMemoryBus({ database, logger: silent, retry: fastRetry });
    const seen: string[] = [];
    bus.subscribe(defineConsumer({
      name: 'test.recorder',
      events: [Approved],
      async handle(e, tx) {
        seen.push(e.id);
        await recordHandled(tx, 'test.recorder', e);
      },
    }));
    await bus.start();
    const approved = event('caregiver.approved.v1', 'cg-1', { at: 1 });
    await bus.publish([approved, event('caregiver.rejected.v1', 'cg-2')]);
    await bus.publish([approved]);
    await bus.idle();
    expect(seen).toEqual([approved.id]);
    expect(await handledRows(database)).toEqual([{ action: 'test.recorder', resource_id: approved.id }]);
    await bus.close();
  });

  it('holds events published before start and delivers them once started', async () => {
    const bus = createMemoryBus({ database, logger: silent, retry: fastRetry });
    const seen: string[] = [];
    bus.subscribe(defineConsumer({ name: 'test.early', events: [Approved], handle: async (e) => void seen.push(e.id) }));
    const e = event('caregiver.approved.v1', 'cg-1');
    await bus.publish([e]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([]);
    await bus.start();
    await bus.idle();
    expect(seen).toEqual([e.id]);
    expect(() => bus.subscribe(defineConsumer({ name: 'test.late', events: [], handle: async () => undefined }))).toThrow(/before/);
    await bus.close();
  });

  it('retries a failing handler, rolling back its partial writes each time', async () => {
    const bus = createMemoryBus({ database, logger: silent, retry: fastRetry });
    const flaky = failing('test.flaky', 2, 'flaky');
    bus.subscribe(flaky.consumer);
    await bus.start();
    const e = event('caregiver.approved.v1', 'cg-1');
    await bus.publish([e]);
    await bus.idle();
    expect(flaky.calls()).toBe(3);
    expect(await handledRows(database)).toHaveLength(1);
    const dead = await database.db.selectFrom('platform.dead_letters').selectAll().execute();
    expect(dead).toEqual([]);
    await bus.close();
  });

  it('dead-letters an event after the last retry, keeps none of its writes and logs an error', async () => {
    const logs: { level: number; msg: string; consumer?: string }[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    const bus = createMemoryBus({ database, logger, retry: fastRetry });
    const broken = failing('test.broken', Infinity, 'handler is broken');
    bus.subscribe(broken.consumer);
    await bus.start();
    const e = event('caregiver.approved.v1', 'cg-1', { name: '김간병' });
    await bus.publish([e]);
    await bus.idle();

    expect(broken.calls()).toBe(3);
    expect(await handledRows(database)).toEqual([]);
    const inbox = await database.db.selectFrom('platform.inbox').selectAll().execute();
    expect(inbox).toEqual([]);
    const dead = await database.db.selectFrom('platform.dead_letters').selectAll().execute();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ consumer: 'test.broken', event_id: e.id, type: e.type, event: e });
    expect(dead[0]?.error).toContain('handler is broken');
    expect(logs.filter((l) => l.level === 40)).toHaveLength(2);
    expect(logs.filter((l) => l.level === 50)).toEqual([expect.objectContaining({ consumer: 'test.broken' })]);
    await bus.close();
  });

  it('dead-letters at once, with the schema error, an event whose payload does not fit its declaration', async () => {
    const bus = createMemoryBus({ database, logger: silent, retry: fastRetry });
    let calls = 0;
    bus.subscribe(defineConsumer({ name: 'test.typed', events: [Changed], handle: async () => void calls++ }));
    await bus.start();
    const bad = event('reservation.changed.v1', 'r-1', { n: 'two' });
    const good = event('reservation.changed.v1', 'r-1', { n: 2 });
    await bus.publish([bad, good]);
    await bus.idle();
    expect(calls).toBe(1);
    const dead = await database.db.selectFrom('platform.dead_letters').selectAll().execute();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ consumer: 'test.typed', event_id: bad.id, event: bad });
    expect(dead[0]?.error).toMatch(/UnhandleableEventError: test\.typed: payload does not match reservation\.changed\.v1: \/n must be integer/);
    expect(await database.db.selectFrom('platform.inbox').select('event_id').execute()).toEqual([{ event_id: good.id }]);
    await bus.close();
  });

  it('keeps each aggregate in order per consumer while other aggregates proceed', async () => {
    // A retry delay longer than the other aggregates' work, so "they did not wait" is observable.
    const bus = createMemoryBus({ database, logger: silent, retry: { attempts: 3, baseDelayMs: 40 } });
    const seen: { aggregate: string; n: number }[] = [];
    let failedOnce = false;
    bus.subscribe(defineConsumer({
      name: 'test.ordered',
      events: [Changed],
      async handle(e) {
        const { n } = e.payload;
        // Uneven work, and one failure, try to let later events overtake earlier ones.
        await new Promise((resolve) => setTimeout(resolve, (n * 7) % 5));
        if (e.aggregateId === 'r-a' && n === 2 && !failedOnce) {
          failedOnce = true;
          throw new Error('transient');
        }
        seen.push({ aggregate: e.aggregateId, n });
      },
    }));
    await bus.start();
    const events: DomainEvent[] = [];
    for (let n = 0; n < 10; n++) {
      for (const aggregate of ['r-a', 'r-b', 'r-c']) events.push(event('reservation.changed.v1', aggregate, { n }));
    }
    await bus.publish(events.slice(0, 12));
    await bus.publish(events.slice(12));
    await bus.idle();

    expect(seen).toHaveLength(30);
    for (const aggregate of ['r-a', 'r-b', 'r-c']) {
      const order = seen.filter((s) => s.aggregate === aggregate).map((s) => s.n);
      expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
    // r-a was held back by its retry; the other aggregates were not waiting for it.
    expect(seen.findIndex((s) => s.aggregate === 'r-a' && s.n === 2)).toBeGreaterThan(
      seen.findIndex((s) => s.aggregate === 'r-b' && s.n === 2),
    );
    await bus.close();
  });

  it('refuses duplicate consumer names, publishing after close, and answers ping while open', async () => {
    const bus = createMemoryBus({ database, logger: silent });
    const consumer: EventConsumer = defineConsumer({ name: 'test.same', events: [], handle: async () => undefined });
    bus.subscribe(consumer);
    expect(() => bus.subscribe({ ...consumer })).toThrow(/already subscribed/);
    await bus.start();
    await expect(bus.ping()).resolves.toBeUndefined();
    await bus.close();
    await expect(bus.ping()).rejects.toThrow(/closed/);
    await expect(bus.publish([event('caregiver.approved.v1', 'cg-1')])).rejects.toThrow(/closed/);
  });

  it('close waits for deliveries in progress', async () => {
    const bus = createMemoryBus({ database, logger: silent, retry: fastRetry });
    bus.subscribe(defineConsumer({
      name: 'test.slow',
      events: [Approved],
      async handle(e, tx) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await recordHandled(tx, 'test.slow', e);
      },
    }));
    await bus.start();
    await bus.publish([event('caregiver.approved.v1', 'cg-1'), event('caregiver.approved.v1', 'cg-2')]);
    await bus.close();
    expect(await handledRows(database)).toHaveLength(2);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.inbox`.execute(database.db)).rows[0]?.n).toBe(2);
  });

  it('a consumer declared batch handles the events of one publish in one inbox transaction, each once', async () => {
    const bus = createMemoryBus({ database, logger: silent, retry: fastRetry });
    const txOf = (tx: Executor) => sql<{ id: string }>`SELECT txid_current()::text AS id`.execute(tx).then((r) => r.rows[0]!.id);
    const batched: { event: string; tx: string }[] = [];
    const single: string[] = [];
    bus.subscribe(defineConsumer({
      name: 'test.batched',
      events: [Changed],
      batch: true,
      async handle(e, tx) {
        batched.push({ event: e.id, tx: await txOf(tx) });
        await recordHandled(tx, 'test.batched', e);
      },
    }));
    bus.subscribe(defineConsumer({ name: 'test.single', events: [Changed], handle: async (_e, tx) => void single.push(await txOf(tx)) }));
    await bus.start();
    const first = [event('reservation.changed.v1', 'r-1', { n: 1 }), event('reservation.changed.v1', 'r-2', { n: 1 }), event('reservation.changed.v1', 'r-1', { n: 2 })];
    await bus.publish(first);
    await bus.idle();
    expect(batched.map((b) => b.event)).toEqual(first.map((e) => e.id)); // in publish order
    expect(new Set(batched.map((b) => b.tx)).size).toBe(1);
    expect(new Set(single).size).toBe(3); // a consumer without `batch`: one transaction per event, as before

    // Redelivered with a new one: only the new one is handled; the others are duplicates.
    const later = event('reservation.changed.v1', 'r-2', { n: 2 });
    await bus.publish([...first, later]);
    await bus.idle();
    expect(batched.map((b) => b.event)).toEqual([...first, later].map((e) => e.id));
    const rows = await handledRows(database);
    expect(rows.filter((r) => r.action === 'test.batched').map((r) => r.resource_id)).toEqual([...first, later].map((e) => e.id));
    await bus.close();
  });

  it('hands a batch handler the new events of a delivery at once, in order, and duplicates to nobody', async () => {
    const bus = createMemoryBus({ database, logger: silent, retry: fastRetry });
    const calls: string[][] = [];
    const spec = {
      name: 'test.multi-row',
      events: [Changed],
      handle: async () => void calls.push(['one by one']),
    };
    expect(() => defineConsumer({ ...spec, handleBatch: async () => undefined })).toThrow(/handleBatch needs batch: true/);
    bus.subscribe(defineConsumer({ ...spec, batch: true, handleBatch: async (events) => void calls.push(events.map((e) => e.id)) }));
    await bus.start();
    const [a, b, c] = [1, 2, 3].map((n) => event('reservation.changed.v1', 'r-1', { n }));
    await bus.publish([a!, b!]);
    await bus.idle();
    await bus.publish([a!, b!, c!]); // a and b again: only c is new, and one event goes to handle()
    await bus.idle();
    expect(calls).toEqual([[a!.id, b!.id], ['one by one']]);
    await bus.close();
  });

  it('gives a batch consumer without an inbox the events together, with no inbox rows and no transaction', async () => {
    const bus = createMemoryBus({ database, logger: silent, retry: fastRetry });
    const calls: number[][] = [];
    bus.subscribe(defineConsumer({
      name: 'test.read-many',
      events: [Changed],
      inbox: false,
      batch: true,
      handle: async (e) => void calls.push([e.payload.n]),
      handleBatch: async (events) => void calls.push(events.map((e) => e.payload.n)),
    }));
    await bus.start();
    const events = [1, 2, 3].map((n) => event('reservation.changed.v1', `r-${n}`, { n }));
    await bus.publish(events);
    await bus.idle();
    await bus.publish(events.slice(0, 1));
    await bus.idle();
    expect(calls).toEqual([[1, 2, 3], [1]]); // a repeat runs again: idempotent by nature
    expect(await database.db.selectFrom('platform.inbox').selectAll().execute()).toEqual([]);
    await bus.close();
  });

  it('a failing batch is rolled back whole, then its events go one by one: retries and a dead letter per event', async () => {
    const bus = createMemoryBus({ database, logger: silent, retry: fastRetry });
    const calls: number[] = [];
    bus.subscribe(defineConsumer({
      name: 'test.batch-poison',
      events: [Changed],
      batch: true,
      async handle(e, tx) {
        calls.push(e.payload.n);
        await recordHandled(tx, 'test.batch-poison', e);
        if (e.payload.n === 2) throw new Error('poison');
      },
    }));
    await bus.start();
    const events = [1, 2, 3].map((n) => event('reservation.changed.v1', `r-${n}`, { n }));
    await bus.publish(events);
    await bus.idle();
    // The batch ran 1 and 2 (2 threw: both rolled back), then 1, 2 x3 attempts and 3 one by one.
    expect(calls.slice(0, 2)).toEqual([1, 2]);
    expect(calls.filter((n) => n === 1)).toHaveLength(2);
    expect(calls.filter((n) => n === 2)).toHaveLength(1 + fastRetry.attempts);
    expect(calls.filter((n) => n === 3)).toHaveLength(1);
    const kept = (await handledRows(database)).map((r) => r.resource_id);
    expect(kept.sort()).toEqual([events[0]!.id, events[2]!.id].sort());
    const dead = await database.db.selectFrom('platform.dead_letters').select(['consumer', 'event_id']).execute();
    expect(dead).toEqual([{ consumer: 'test.batch-poison', event_id: events[1]!.id }]);
    const inbox = await database.db.selectFrom('platform.inbox').select('event_id').execute();
    expect(inbox.map((r) => r.event_id).sort()).toEqual([events[0]!.id, events[2]!.id].sort());
    await bus.close();
  });
});
