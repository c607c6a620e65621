import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { createMemoryCache } from '../../src/platform/cache/memory-cache.ts';
import type { Cache } from '../../src/platform/cache/cache.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createFieldCipher } from '../../src/platform/crypto.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { Emit } from '../../src/platform/events/event.ts';
import { createMemoryBus } from '../../src/platform/events/memory-bus.ts';
import { createTransact } from '../../src/platform/events/transact.ts';
import { createPoller } from '../../src/platform/poller.ts';
import type { Platform } from '../../src/platform/module.ts';
import { createLocalRealtime } from '../../src/platform/realtime/local-realtime.ts';
import { createLocalStorage } from '../../src/platform/storage/local-storage.ts';

/**
 * A platform for testing one module alone: the real database given, in-memory cache and bus, local
 * storage under `dataDir`, a fresh encryption key, and a counter of the relay wake-ups that transactions
 * which wrote events asked for (no relay runs: tests read the outbox).
 */
export function testPlatform(options: { dataDir: string; database: Database; clock: Clock; cache?: Cache }): {
  platform: Platform;
  relayWakes: () => number;
} {
  const { dataDir, database, clock } = options;
  const logger = pino({ level: 'silent' });
  let relayWakes = 0;
  const metrics = new Registry();
  const platform: Platform = {
    config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_DATA: 'false' }),
    database,
    cache: options.cache ?? createMemoryCache(clock),
    storage: createLocalStorage(join(dataDir, 'files')),
    bus: createMemoryBus({ database, logger, clock }),
    clock,
    logger,
    cipher: createFieldCipher(randomBytes(32)),
    realtime: createLocalRealtime(),
    metrics,
    transact: createTransact({ database, clock, eventsCommitted: () => void (relayWakes += 1) }),
    poller: (spec) => createPoller(spec, { logger, metrics }),
  };
  return { platform, relayWakes: () => relayWakes };
}

/** For calling a consumer's handler directly when it must not emit: an emit fails the test. */
export const noEmit: Emit = () => {
  throw new Error('the handler emitted an event where none was expected');
};
