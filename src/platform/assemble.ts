import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate, type MigrationSource } from './db/migrator.ts';
import { createCache } from './cache/index.ts';
import { createFileStorage } from './storage/index.ts';
import { createEventBus, startOutboxRelay, type OutboxRelay } from './events/index.ts';
import { createTransact } from './events/transact.ts';
import { createPoller } from './poller.ts';
import type { EventConsumer } from './events/event.ts';
import type { Platform, Worker } from './module.ts';
import { createFieldCipher, parseEncryptionKey } from './crypto.ts';
import { resolveSecret } from './secrets.ts';
import type { NewEvent } from './events/event.ts';
import { instrumentCache } from './observability/cache-metrics.ts';
import { eventMetrics } from './observability/event-metrics.ts';
import { registerPlatformGauges } from './observability/platform-gauges.ts';
import { createLocalRealtime, type LocalRealtime } from './realtime/local-realtime.ts';
import { createRedisRealtime } from './realtime/redis-realtime.ts';

// Opens the infrastructure the configuration asks for, in the order it depends on itself,
// and closes it in reverse.

export interface RunningPlatform {
  readonly platform: Platform;
  /** The in-process side of real-time delivery (WebSocket connections register here). */
  readonly realtime: LocalRealtime;
  readonly relay: OutboxRelay;
  /** Subscribes consumers, then starts the bus, the relay and the workers. */
  start(consumers: readonly EventConsumer[], workers?: readonly Worker[]): Promise<void>;
  close(): Promise<void>;
}

export async function openPlatform(options: {
  config: Config;
  logger: Logger;
  clock?: Clock;
  database?: Database;
  /** The platform's and the modules' migrations, applied first; none when the database is migrated already. */
  migrations?: readonly MigrationSource[];
  /** The registry served at /metrics (a fresh one when absent); the Kafka bus adds its counters and lag gauge. */
  metricsRegistry?: Registry;
}): Promise<RunningPlatform> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const database =
    options.database ??
    (await openDatabase({ ...config, onPoolError: (error) => logger.warn({ err: error }, 'idle database connection lost') }));
  if (options.migrations) {
    const applied = await migrate(database, options.migrations);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
  }
  const encryptionKey = parseEncryptionKey((await resolveSecret(config.dataEncryptionKey, config.dataDir, 'data-encryption-key')).value);
  if (!encryptionKey) throw new Error('the data encryption key in DATA_DIR/secrets is not 32 bytes');
  const metrics = options.metricsRegistry ?? new Registry();
  const cache = instrumentCache(createCache(config, clock), metrics);
  const stopGauges = registerPlatformGauges(metrics, { database, dataDir: config.dataDir });
  const events = eventMetrics(metrics);
  const eventsCommitted = (committed: readonly NewEvent[]): void => {
    for (const event of committed) events.emitted.inc({ type: event.type });
    relay?.kick();
  };
  const realtime = createLocalRealtime();
  // With Redis, frames published on any replica reach the connections every replica holds.
  const redisRealtime = config.redisUrl
    ? createRedisRealtime(config.redisUrl, realtime, { logger: logger.child({ component: 'realtime' }) })
    : undefined;
  try {
    await redisRealtime?.ready;
  } catch (error) {
    await redisRealtime?.close();
    stopGauges();
    await cache.close();
    if (!options.database) await database.close();
    throw new Error('Redis pub/sub for real-time delivery is unreachable at REDIS_URL', { cause: error });
  }
  const storage = await createFileStorage(config);
  // Kafka when KAFKA_BROKERS is set (several replicas share consumer groups), else in process.
  const bus = await createEventBus(config, {
    database,
    logger: logger.child({ component: 'events' }),
    clock,
    metricsRegistry: metrics,
    eventsCommitted,
  });
  let relay: OutboxRelay | undefined;
  let running: readonly Worker[] = [];
  const platform: Platform = {
    config,
    database,
    cache,
    storage,
    bus,
    clock,
    logger,
    metrics,
    cipher: createFieldCipher(encryptionKey),
    realtime: redisRealtime ?? realtime,
    transact: createTransact({ database, clock, eventsCommitted }),
    poller: (spec) => createPoller(spec, { logger, metrics }),
  };
  return {
    platform,
    realtime,
    get relay(): OutboxRelay {
      if (!relay) throw new Error('the platform has not been started');
      return relay;
    },
    async start(consumers, workers = []) {
      for (const consumer of consumers) bus.subscribe(consumer);
      await bus.start();
      relay = startOutboxRelay({ database, bus, logger: logger.child({ component: 'outbox-relay' }), metrics });
      relay.kick();
      running = workers;
      for (const worker of workers) worker.start();
    },
    async close() {
      await Promise.all(running.map((worker) => worker.stop()));
      await relay?.stop();
      await bus.close();
      await redisRealtime?.close();
      stopGauges();
      await cache.close();
      await database.close();
    },
  };
}
