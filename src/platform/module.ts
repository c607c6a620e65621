import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import type { Cache } from './cache/cache.ts';
import type { FileStorage } from './storage/storage.ts';
import type { EventBus } from './events/bus.ts';
import type { EventConsumer } from './events/event.ts';
import type { FieldCipher } from './crypto.ts';
import type { RealtimePublisher } from './realtime/realtime.ts';
import type { SocketFrameHandlers } from './realtime/socket-frames.ts';
import type { Settings } from './settings.ts';
import { migrationsAt, type MigrationSource } from './db/migrator.ts';
import type { Transact } from './events/transact.ts';
import type { Poller, PollerSpec } from './poller.ts';
import type { RetentionRule } from './retention/retention.ts';

// What every module is given: infrastructure only, no other module.
export interface Platform {
  readonly config: Config;
  readonly database: Database;
  readonly cache: Cache;
  readonly storage: FileStorage;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The Prometheus registry served at /metrics; infrastructure (event bus) and modules add to it. */
  readonly metrics: Registry;
  /** Pushes frames to connected users (WebSocket), across replicas. Best effort. */
  readonly realtime: RealtimePublisher;
  /** Encrypts sensitive fields at rest (AES-256-GCM). */
  readonly cipher: FieldCipher;
  /**
   * Runs a use case's writes in one transaction with the events it emits (outbox), and wakes the relay
   * after the commit: `await platform.transact(async (tx, emit) => { ...; emit(SomethingHappened.of(id, payload)); })`.
   */
  readonly transact: Transact;
  /** A background loop (name, interval, runOnce, kick, graceful stop, metrics). List it in the module's `workers`. */
  poller<T>(spec: PollerSpec<T>): Poller<T>;
}

// What a module gives the app. Its public API for other modules is in its contract.ts.
export interface Module {
  readonly name: string;
  /** Registers routes relative to /api/v1. Every route sets `config.access`. */
  routes(app: FastifyInstance): void | Promise<void>;
  readonly consumers?: readonly EventConsumer[];
  /** Background work (timers, pollers), started after the event bus and stopped before it. */
  readonly workers?: readonly Worker[];
  /** Client frames of /ws it answers, by type (platform/realtime/socket-frames.ts). */
  readonly socketFrames?: SocketFrameHandlers;
  /** What of its data is deleted or anonymised when, applied by the platform's retention worker (docs/data-retention.md). */
  readonly retention?: readonly RetentionRule[];
}

/** Background work the app starts and stops with the platform; a Poller is one. */
export interface Worker {
  readonly name: string;
  start(): void;
  stop(): Promise<void>;
}

/**
 * What start-up needs of a module before building it; its index.ts exports one. Its settings (settings.ts)
 * are read with the platform's and every other module's in one pass; its migrations (db/migrations) are
 * applied after the platform's, in the order src/modules/index.ts lists the manifests.
 */
export interface ModuleManifest<S = unknown> {
  readonly name: string;
  readonly settings?: Settings<S>;
  readonly migrations?: MigrationSource;
}

/**
 * A module's manifest. `tablesAt` is its index.ts's `import.meta.url` when it owns tables: its migrations
 * are then `db/migrations` beside it, recorded under the module's name.
 */
export function defineManifest<const M extends { readonly settings?: Settings<unknown> }>(
  name: string,
  spec: M & { readonly tablesAt?: string },
): ModuleManifest & Omit<M, 'tablesAt'> {
  const { tablesAt, ...rest } = spec;
  return { name, ...rest, ...(tablesAt ? { migrations: migrationsAt(name, new URL('./db/migrations', tablesAt)) } : {}) };
}
