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
  /** Asks the outbox relay to publish soon; use cases call it after a commit that wrote events. */
  readonly eventsWritten: () => void;
}

// What a module gives the app. Its public API for other modules is in its contract.ts.
export interface Module {
  readonly name: string;
  /** Registers routes relative to /api/v1. Every route sets `config.access`. */
  routes(app: FastifyInstance): void | Promise<void>;
  readonly consumers?: readonly EventConsumer[];
  /** Background work (timers, pollers), started after the event bus and stopped before it. */
  readonly workers?: readonly Worker[];
}

export interface Worker {
  readonly name: string;
  start(): void;
  stop(): Promise<void>;
}
