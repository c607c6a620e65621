import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { pino } from 'pino';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { fixedClock } from '../clock.ts';
import type { Database, Executor } from '../db/database.ts';
import type { EventBus } from './bus.ts';
import Type from 'typebox';
import { defineConsumer, defineEvent, type DomainEvent, type NewEvent } from './event.ts';
import { createMemoryBus } from './memory-bus.ts';
import { appendToOutbox } from './outbox.ts';
import { startOutboxRelay, type OutboxRelay } from './relay.ts';

const silent = pino({ level: 'silent' });
const clock = fixedClock('2030-01-02T03:04:05.678Z');
const Approved = defineEvent('caregiver.approved.v1', Type.Object({}));
const Changed = defineEvent('reservation.changed.v1', Type.Object({ n: Type.Integer() }));
const IDLE = 60_000; // the timer never fires during a test unless it says so

/** A bus that records what it is given, and can be told to fail or to take its time. */
function recordingBus(options: { delayMs?: number } = {}): EventBus & { published: DomainEvent[]; failNext: number } {
  const bus = {
    kind: 'memory' as const,
    published: [] as DomainEvent[],
    failNext: 0,
    async publish(events: readonly DomainEvent[]) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (bus.failNext > 0) {
        bus.failNext--;
        throw new Error('broker unavailable');
      }
      bus.published.push(...events);
    },
    subscribe() {},
    async start() {},
    async ping() {},
    async close() {},
  };
  return bus;
}

function changed(aggregateId: string, n: number): NewEvent {
  return Changed.of(aggregateId, { n });
}

async function outboxRows(database: Database): Promise<{ seq: number; id: string; published_at: Date | null; attempts: number; last_error: string | null }[]> {
  return database.db.selectFrom('platform.outbox').select(['seq', 'id', 'published_at', 'attempts', 'last_error']).orderBy('seq').execute();
}


describe.each(databaseKinds())('outbox and relay on %s', (kind) => {
  let database: Database;
  const relays: OutboxRelay[] = [];
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await database.close();
  });
  function relay(bus: EventBus, batchSize?: number, intervalMs = IDLE): OutboxRelay {
    const started = startOutboxRelay({ database, bus, logger: silent, intervalMs, ...(batchSize ? { batchSize } : {}) });
    relays.push(started);
    return started;
  }

  it('appendToOutbox stores the events and returns them as consumers will see them', async () => {
    const stored = await database.db.transaction().execute((tx) =>
      appendToOutbox(tx, [{ type: 'caregiver.approved.v1', aggregateId: 'cg-1', payload: { at: new Date('2030-01-01T00:00:00Z'), tags: ['a'] } }], clock),
    );
    expect(stored).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7/),
        type: 'caregiver.approved.v1',
        aggregateId: 'cg-1',
        occurredAt: '2030-01-02T03:04:05.678Z',
        payload: { at: '2030-01-01T00:00:00.000Z', tags: ['a'] },
      },
    ]);
    const bus = recordingBus();
    await relay(bus).flush();
    expect(bus.published).toEqual(stored);
    expect(await database.db.transaction().execute((tx) => appendToOutbox(tx, [], clock))).toEqual([]);
    await expect(appendToOutbox(database.db, [{ type: 'CaregiverApproved', aggregateId: 'cg-1', payload: {} }], clock)).rejects.toThrow(
      /<aggregate>\.<verb>\.v<N>/,
    );
  });

  it('never publishes outbox rows written in a rolled-back transaction', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await appendToOutbox(tx, [changed('r-1', 1)], clock);
        throw new Error('use case failed after writing its event');
      }),
    ).rejects.toThrow(/use case failed/);
    const [kept] = await database.db.transaction().execute((tx) => appendToOutbox(tx, [changed('r-1', 2)], clock));
    const bus = recordingBus();
    expect(await relay(bus).flush()).toBe(1);
    expect(bus.published.map((e) => e.id)).toEqual([kept?.id]);
    expect(await outboxRows(database)).toHaveLength(1);
  });

  it('publishes pending rows in seq order across batches and marks them published', async () => {
    const written: DomainEvent[] = [];
    for (let n = 0; n < 7; n++) {
      written.push(...(await database.db.transaction().execute((tx: Executor) => appendToOutbox(tx, [changed(`r-${n % 2}`, n), changed('r-x', n)], clock))));
    }
    const bus = recordingBus();
    const r = relay(bus, 3);
    expect(await r.flush()).toBe(14);
    expect(bus.published.map((e) => e.id)).toEqual(written.map((e) => e.id));
    expect((await outboxRows(database)).every((row) => row.published_at !== null)).toBe(true);
    expect(await r.flush()).toBe(0);
    expect(bus.published).toHaveLength(14);
  });

  it('on a publish failure counts the attempt, keeps the rows pending and stops, keeping order', async () => {
    const written = await database.db.transaction().execute((tx) => appendToOutbox(tx, [changed('r-1', 1), changed('r-1', 2), changed('r-1', 3)], clock));
    const bus = recordingBus();
    bus.failNext = 2;
    const r = relay(bus, 2);
    expect(await r.flush()).toBe(0);
    expect(await r.flush()).toBe(0);
    const rows = await outboxRows(database);
    expect(rows.map((row) => [row.attempts, row.published_at])).toEqual([[2, null], [2, null], [0, null]]);
    expect(rows[0]?.last_error).toContain('broker unavailable');
    expect(await r.flush()).toBe(3);
    expect(bus.published.map((e) => e.id)).toEqual(written.map((e) => e.id));
  });

  it('kick() delivers a committed event to a consumer well under a second', async () => {
    const bus = createMemoryBus({ database, logger: silent });
    const seen: DomainEvent[] = [];
    bus.subscribe(defineConsumer({ name: 'test.fast', events: [Approved], handle: async (e) => void seen.push(e) }));
    await bus.start();
    const r = relay(bus);
    const started = performance.now();
    await database.db.transaction().execute((tx) => appendToOutbox(tx, [{ type: 'caregiver.approved.v1', aggregateId: 'cg-1', payload: {} }], clock));
    r.kick();
    await expect.poll(() => seen.length, { timeout: 1_000, interval: 5 }).toBe(1);
    expect(performance.now() - started).toBeLessThan(1_000);
    await bus.close();
  });

  it('the timer publishes without being asked, and stop() waits for a running flush', async () => {
    const bus = recordingBus({ delayMs: 100 });
    const r = relay(bus, 100, 10);
    await database.db.transaction().execute((tx) => appendToOutbox(tx, [changed('r-1', 1)], clock));
    await expect.poll(() => bus.published.length, { timeout: 2_000, interval: 5 }).toBe(1);
    await database.db.transaction().execute((tx) => appendToOutbox(tx, [changed('r-1', 2)], clock));
    const running = r.flush();
    await r.stop();
    expect(bus.published).toHaveLength(2);
    expect(await running).toBeGreaterThanOrEqual(0);
    expect((await outboxRows(database)).every((row) => row.published_at !== null)).toBe(true);
  });

  // Another session exists only on PostgreSQL: the case is registered there alone (no skipped test on PGlite).
  if (kind !== 'pglite') it('publishes nothing while another session holds the relay lock, then everything', async () => {
    const bus = recordingBus();
    const r = relay(bus);
    await database.db.transaction().execute((tx) => appendToOutbox(tx, [changed('r-1', 1), changed('r-1', 2)], clock));
    await database.db.connection().execute(async (other) => {
      await sql`SELECT pg_advisory_lock(727002)`.execute(other); // the relay's lock, held as another replica would
      try {
        expect(await r.flush()).toBe(0);
        expect(bus.published).toEqual([]);
      } finally {
        await sql`SELECT pg_advisory_unlock(727002)`.execute(other);
      }
    });
    expect(await r.flush()).toBe(2);
    expect(bus.published.map((e) => (e.payload as { n: number }).n)).toEqual([1, 2]);
  });

  it('two relays flushing at once never publish a row twice and consumers handle each event once', async () => {
    // Two replicas: each its own bus and relay, one database, the same consumer group.
    const handled: string[] = [];
    const buses = [0, 1].map(() => {
      const bus = createMemoryBus({ database, logger: silent, retry: { attempts: 3, baseDelayMs: 1 } });
      bus.subscribe(defineConsumer({
        name: 'test.replicated',
        events: [Changed],
        async handle(e, tx) {
          await tx.insertInto('platform.audit_log').values({ action: 'handled', resource_type: 'event', resource_id: e.id }).execute();
          handled.push(e.id);
        },
      }));
      return bus;
    });
    await Promise.all(buses.map((bus) => bus.start()));
    const published: DomainEvent[][] = [[], []];
    const relays2 = buses.map((bus, i) =>
      relay(
        {
          ...bus,
          async publish(events) {
            published[i]!.push(...events);
            await new Promise((resolve) => setTimeout(resolve, 5)); // widen the race window
            await bus.publish(events);
          },
        },
        10,
      ),
    );
    const written: DomainEvent[] = [];
    for (let n = 0; n < 20; n++) {
      written.push(...(await database.db.transaction().execute((tx) => appendToOutbox(tx, [changed(`r-${n % 3}`, n), changed(`r-${(n + 1) % 3}`, n)], clock))));
    }
    await Promise.all([relays2[0]!.flush(), relays2[1]!.flush(), relays2[0]!.flush(), relays2[1]!.flush()]);
    await Promise.all(buses.map((bus) => bus.idle()));

    const all = [...published[0]!, ...published[1]!].map((e) => e.id);
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(new Set(written.map((e) => e.id)));
    for (const list of published) {
      // Whatever each relay published went out in seq order.
      const positions = list.map((e) => written.findIndex((w) => w.id === e.id));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(handled.sort()).toEqual(written.map((e) => e.id).sort());

    // At least once: the same events delivered to both replicas again are still handled once.
    await Promise.all(buses.map((bus) => bus.publish(written)));
    await Promise.all(buses.map((bus) => bus.idle()));
    const rows = await database.db.selectFrom('platform.audit_log').select('resource_id').execute();
    expect(rows).toHaveLength(written.length);
    expect(handled).toHaveLength(written.length);
    await Promise.all(buses.map((bus) => bus.close()));
  });
});
