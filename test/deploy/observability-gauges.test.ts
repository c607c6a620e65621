import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry, type MetricValue } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { appendToOutbox } from '../../src/platform/events/outbox.ts';
import { registerPlatformGauges } from '../../src/platform/observability/platform-gauges.ts';
import { databaseKinds, openTestDatabase } from '../support/database.ts';

// The scrape-time gauges on a real database: the outbox backlog and its oldest event's age, the dead
// letters kept, the pool, DATA_DIR's free space; and a closed platform no longer reported.

async function sample(registry: Registry, name: string): Promise<MetricValue<string>[]> {
  return (await registry.getSingleMetric(name)?.get())?.values ?? [];
}

describe.each(databaseKinds())('platform gauges on %s', (kind) => {
  let database: Database;
  let dataDir: string;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    dataDir = await mkdtemp(join(tmpdir(), 'carenest-gauges-'));
  });
  afterAll(async () => {
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports the backlog, its age, dead letters, the pool and the disk at scrape time', async () => {
    const registry = new Registry();
    const stop = registerPlatformGauges(registry, { database, dataDir });
    expect((await sample(registry, 'outbox_backlog_events'))[0]?.value).toBe(0);
    expect((await sample(registry, 'outbox_oldest_age_seconds'))[0]?.value).toBe(0);

    const tenMinutesAgo = { now: () => new Date(Date.now() - 600_000) };
    await appendToOutbox(database.db, [{ type: 'test.happened.v1', aggregateId: 'a', payload: {} }], tenMinutesAgo);
    await database.db
      .insertInto('platform.dead_letters')
      .values({ consumer: 'c', event_id: '0b6f3c9e-1d2a-4c1b-9f00-1234567890ab', type: 'test.happened.v1', event: '{}', error: 'boom' })
      .execute();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await sample(registry, 'outbox_backlog_events'))[0]?.value).toBe(1);
    expect((await sample(registry, 'outbox_oldest_age_seconds'))[0]?.value).toBeGreaterThan(590);
    expect((await sample(registry, 'events_dead_letters'))[0]?.value).toBe(1);

    const pool = Object.fromEntries((await sample(registry, 'db_pool_connections')).map((v) => [v.labels.state, v.value]));
    expect(pool.max).toBeGreaterThanOrEqual(1);
    if (kind === 'postgres') expect(pool).toHaveProperty('waiting', 0);
    const free = (await sample(registry, 'data_dir_free_bytes'))[0];
    const size = (await sample(registry, 'data_dir_size_bytes'))[0];
    expect(free?.labels.path).toBe(dataDir);
    expect(free!.value).toBeGreaterThan(0);
    expect(size!.value).toBeGreaterThanOrEqual(free!.value);

    stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await sample(registry, 'outbox_backlog_events'))[0]?.value).toBe(0);
    expect(await sample(registry, 'db_pool_connections')).toEqual(expect.arrayContaining([expect.objectContaining({ labels: { state: 'max' }, value: 0 })]));
  });
});
