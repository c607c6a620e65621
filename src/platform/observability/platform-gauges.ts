import { statfs } from 'node:fs/promises';
import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../db/database.ts';
import { readEventBacklog } from '../events/backlog.repo.ts';
import { oncePerRegistry } from './shared.ts';

// Gauges computed at scrape time (collect callbacks): the outbox backlog and its oldest event's age, the
// dead letters kept, the database pool, and the free space of DATA_DIR's file system (embedded mode keeps
// PGlite and uploaded files there). Several platforms may report into one registry (tests, in-process
// split): each registers a source, and a scrape reports the sum (the oldest age: the maximum).

export interface PlatformSource {
  readonly database: Database;
  readonly dataDir: string;
}

interface Family {
  readonly sources: Set<PlatformSource>;
}

type Backlog = Awaited<ReturnType<typeof readBacklogs>>;

/** One read serves the three gauges of a scrape. */
function sharedRead(sources: ReadonlySet<PlatformSource>): () => Promise<Backlog> {
  let last: { at: number; value: Promise<Backlog> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at > 250) last = { at: now, value: readBacklogs(sources) };
    return last.value;
  };
}

async function readBacklogs(sources: ReadonlySet<PlatformSource>) {
  const read = await Promise.all([...sources].map((source) => readEventBacklog(source.database.db).catch(() => undefined)));
  const known = read.filter((value) => value !== undefined);
  return {
    pending: known.reduce((sum, value) => sum + value.pending, 0),
    oldestAgeSeconds: Math.max(0, ...known.map((value) => value.oldestAgeSeconds)),
    deadLetters: known.reduce((sum, value) => sum + value.deadLetters, 0),
  };
}

function createFamily(registers: Registry[]): Family {
  const sources = new Set<PlatformSource>();
  const backlogOf = sharedRead(sources);
  new Gauge({
    name: 'outbox_backlog_events',
    help: 'Outbox events committed and not yet published to the bus',
    registers,
    async collect() {
      this.set((await backlogOf()).pending);
    },
  });
  new Gauge({
    name: 'outbox_oldest_age_seconds',
    help: 'Age of the oldest unpublished outbox event (0 when none waits)',
    registers,
    async collect() {
      this.set((await backlogOf()).oldestAgeSeconds);
    },
  });
  new Gauge({
    name: 'events_dead_letters',
    help: 'Dead letters kept in platform.dead_letters, waiting for an operator',
    registers,
    async collect() {
      this.set((await backlogOf()).deadLetters);
    },
  });
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database connections by state (max, total, idle, waiting); PGlite reports max and total (one connection)',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const sum = { max: 0, total: 0, idle: 0, waiting: 0 };
      let pooled = false;
      for (const { database } of sources) {
        const stats = database.poolStats();
        sum.max += stats.max;
        sum.total += stats.total;
        if (stats.idle !== undefined) pooled = true;
        sum.idle += stats.idle ?? 0;
        sum.waiting += stats.waiting ?? 0;
      }
      this.set({ state: 'max' }, sum.max);
      this.set({ state: 'total' }, sum.total);
      if (pooled) {
        this.set({ state: 'idle' }, sum.idle);
        this.set({ state: 'waiting' }, sum.waiting);
      }
    },
  });
  const fs = (field: 'free' | 'size') => async function collect(this: Gauge): Promise<void> {
    const dirs = new Set([...sources].map((source) => source.dataDir));
    for (const dir of dirs) {
      try {
        const stats = await statfs(dir);
        this.set({ path: dir }, (field === 'free' ? stats.bavail : stats.blocks) * stats.bsize);
      } catch {
        // Not created yet (a PostgreSQL deployment may never write there): nothing to report.
      }
    }
  };
  new Gauge({ name: 'data_dir_free_bytes', help: 'Bytes free to the app on DATA_DIR\'s file system', labelNames: ['path'] as const, registers, collect: fs('free') });
  new Gauge({ name: 'data_dir_size_bytes', help: 'Size of DATA_DIR\'s file system in bytes', labelNames: ['path'] as const, registers, collect: fs('size') });
  return { sources };
}

/** Reports `source` in `registry` until the returned function is called (the platform's close). */
export function registerPlatformGauges(registry: Registry, source: PlatformSource): () => void {
  const family = oncePerRegistry(registry, 'platform-gauges', createFamily);
  family.sources.add(source);
  return () => family.sources.delete(source);
}
