import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, Consumer, Producer, stringDeserializers, stringSerializers, type Message, type MessagesStream } from '@platformatic/kafka';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { eventMetrics } from '../observability/event-metrics.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { EventBus } from './bus.ts';
import { checkRetryPolicy, createLimiter, DEFAULT_RETRY, deliver, describeError, type RetryPolicy } from './delivery.ts';
import type { DomainEvent, EventConsumer, NewEvent } from './event.ts';

// The bus for several replicas. Event type = topic (created on demand, `partitions` each), key =
// aggregate id, so one aggregate's events share a partition and stay ordered; value = the event as
// JSON. Each consumer is a consumer group `carenest.<name>`: the replicas share its partitions, and a
// partition's messages are handled one after another, each through the inbox (a redelivery after a
// crash or rebalance changes nothing). A message that keeps failing goes, after the retries, to
// `<topic>.dlq` and platform.dead_letters, and the partition moves on. Offsets are committed only
// after handling, so a crash redelivers rather than loses.

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  readonly database: Database;
  readonly logger: Logger;
  readonly clientId?: string;
  readonly retry?: RetryPolicy;
  readonly clock?: Clock;
  /** Registers published / consumed / dead-lettered counters and a lag gauge here. */
  readonly metricsRegistry?: Registry;
  /** Put before every topic and group name; tests use it to keep runs apart. */
  readonly namespace?: string;
  readonly partitions?: number;
  /** Messages fetched but not yet handled, per consumer, before fetching pauses. */
  readonly maxInFlight?: number;
  /**
   * Handler transactions running at once across all consumers (one per partition at most), bounded
   * so consumers cannot take every pool connection from HTTP requests and the relay.
   */
  readonly concurrency?: number;
  /** Called after a handler committed events it emitted (wakes the outbox relay). */
  readonly eventsCommitted?: (events: readonly NewEvent[]) => void;
}

export interface KafkaBus extends EventBus {
  readonly kind: 'kafka';
  /** The topic an event type is published on. */
  topicOf(type: string): string;
  /** The consumer group a consumer joins. */
  groupOf(consumer: Pick<EventConsumer, 'name'>): string;
}

const DLQ_SUFFIX = '.dlq';

export function createKafkaBus(options: KafkaBusOptions): KafkaBus {
  const { database, logger } = options;
  if (options.brokers.length === 0) throw new Error('the Kafka bus needs at least one broker');
  const brokers = [...options.brokers];
  const clock = options.clock ?? systemClock;
  const retry = checkRetryPolicy(options.retry ?? DEFAULT_RETRY);
  const namespace = options.namespace ?? '';
  const clientId = options.clientId ?? 'carenest';
  const partitions = options.partitions ?? 3;
  const maxInFlight = options.maxInFlight ?? 500;
  const metrics = eventMetrics(options.metricsRegistry);
  const delivery = {
    database,
    logger,
    clock,
    retry,
    slots: createLimiter(options.concurrency ?? 4),
    ...(options.eventsCommitted ? { eventsCommitted: options.eventsCommitted } : {}),
  };
  const common = { clientId, bootstrapBrokers: brokers, retries: 3, retryDelay: 250, connectTimeout: 5_000, requestTimeout: 10_000 };

  const admin = new Admin(common);
  const producer = new Producer<string, string, string, string>({
    ...common,
    serializers: stringSerializers,
    acks: -1,
    idempotent: true,
    autocreateTopics: false,
  });
  const known = new Set<string>();
  const subscriptions: EventConsumer[] = [];
  const running: RunningConsumer[] = [];
  let started = false;
  let closed = false;

  const topicOf = (type: string): string => `${namespace}${type}`;
  const groupOf = (consumer: Pick<EventConsumer, 'name'>): string => `carenest.${namespace}${consumer.name}`;

  async function ensureTopics(topics: readonly string[]): Promise<void> {
    const missing = topics.filter((topic) => !known.has(topic));
    if (missing.length === 0) return;
    const existing = new Set(await admin.listTopics());
    const create = [...new Set(missing)].filter((topic) => !existing.has(topic));
    if (create.length > 0) {
      try {
        await admin.createTopics({ topics: create, partitions, replicas: 1 });
      } catch (error) {
        // Another replica or service may have created some of them in between ("already exists"): fine once
        // they all exist, which the metadata we read may show only a moment later.
        if (!(await allExist(create))) throw error;
      }
    }
    for (const topic of missing) known.add(topic);
  }

  async function allExist(topics: readonly string[]): Promise<boolean> {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const now = new Set(await admin.listTopics());
      if (topics.every((topic) => now.has(topic))) return true;
      await sleep(200);
    }
    return false;
  }

  async function handleMessage(consumer: EventConsumer, group: string, message: Message<string, string, string, string>): Promise<void> {
    let event: DomainEvent;
    try {
      event = parseEvent(message.value);
    } catch (error) {
      // Unreadable: no retry can help. Park the raw message and go on.
      logger.error({ err: error, consumer: consumer.name, topic: message.topic, offset: String(message.offset) }, 'unreadable event dead-lettered');
      await sendToDlq(message.topic, message.key, message.value, consumer, error, 0);
      return;
    }
    const outcome = await deliver(delivery, consumer, event, () => closed);
    if (typeof outcome === 'string') {
      metrics.consumed.inc({ group, type: event.type, outcome });
      return;
    }
    await sendToDlq(message.topic, message.key, message.value, consumer, outcome.deadLettered, outcome.attempts);
  }

  async function sendToDlq(topic: string, key: string, value: string, consumer: EventConsumer, error: unknown, attempts: number): Promise<void> {
    const dlq = `${topic}${DLQ_SUFFIX}`;
    metrics.deadLettered.inc({ group: groupOf(consumer), topic });
    // Keeps trying: moving on without the dead letter anywhere would lose the event.
    for (let attempt = 1; ; attempt++) {
      try {
        await ensureTopics([dlq]);
        await producer.send({
          messages: [
            {
              topic: dlq,
              key,
              value,
              headers: { consumer: consumer.name, error: describeError(error).slice(0, 4000), attempts: String(attempts) },
            },
          ],
        });
        return;
      } catch (sendError) {
        if (closed) throw sendError;
        logger.error({ err: sendError, dlq, attempt }, 'could not write to the dead-letter topic; will retry');
        await sleep(Math.min(5_000, 250 * attempt));
      }
    }
  }

  async function runConsumer(consumer: EventConsumer): Promise<RunningConsumer> {
    const group = groupOf(consumer);
    const topics = consumer.types.map(topicOf);
    await ensureTopics(topics);
    const state: RunningConsumer = { group, stop: async () => {} };
    let kafkaConsumer: Consumer<string, string, string, string> | undefined;
    let stream: MessagesStream<string, string, string, string> | undefined;
    let lanes = new Map<string, Promise<void>>();
    let inFlight = 0;
    let stopping = false;

    const connect = async (): Promise<void> => {
      kafkaConsumer = new Consumer<string, string, string, string>({
        ...common,
        clientId: `${clientId}.${consumer.name}`,
        groupId: group,
        deserializers: stringDeserializers,
        sessionTimeout: 10_000,
        rebalanceTimeout: 10_000,
        heartbeatInterval: 1_000,
        autocommit: false,
      });
      kafkaConsumer.on('consumer:lag', (lag) => {
        for (const [topic, perPartition] of lag) {
          perPartition.forEach((value, partition) => metrics.lag.set({ group, topic, partition: String(partition) }, Number(value)));
        }
      });
      kafkaConsumer.on('consumer:lag:error', () => {});
      // The client emits 'error' itself too (a connection closed during a group re-join, a broker going away
      // while closing): without a listener Node would end the process. The stream's handler below reconnects.
      kafkaConsumer.on('error', (error: Error) => {
        if (stopping) return;
        logger.warn({ err: error, group }, 'Kafka consumer failed; reconnecting');
        void reconnect();
      });
      stream = await kafkaConsumer.consume({ topics, mode: 'committed', fallbackMode: 'earliest', maxWaitTime: 200 });
      if (options.metricsRegistry) kafkaConsumer.startLagMonitoring({ topics }, 5_000);
      const current = stream;
      lanes = new Map();
      current.on('data', (message: Message<string, string, string, string>) => {
        const lane = `${message.topic}:${message.partition}`;
        inFlight++;
        if (inFlight >= maxInFlight) current.pause();
        const tail = (lanes.get(lane) ?? Promise.resolve())
          .then(async () => {
            if (stopping) return; // left uncommitted: the group redelivers it
            await handleMessage(consumer, group, message);
            // Coalesced per partition by the client; a failure (e.g. after a rebalance) only means redelivery.
            void Promise.resolve(message.commit()).catch((error: unknown) =>
              logger.warn({ err: error, group, lane }, 'offset commit failed; the message may be redelivered'),
            );
          })
          .catch((error: unknown) => logger.error({ err: error, group, lane }, 'event delivery stopped'))
          .finally(() => {
            inFlight--;
            if (lanes.get(lane) === tail) lanes.delete(lane);
            if (inFlight < maxInFlight / 2 && current.isPaused() && !stopping) current.resume();
          });
        lanes.set(lane, tail);
      });
      current.on('error', (error: Error) => {
        if (stopping) return;
        logger.warn({ err: error, group }, 'Kafka consumer stream failed; reconnecting');
        void reconnect();
      });
    };

    let reconnecting = false;
    const disconnect = async (): Promise<void> => {
      const [s, c] = [stream, kafkaConsumer];
      stream = undefined;
      kafkaConsumer = undefined;
      await Promise.allSettled([...lanes.values()]);
      if (s) await s.close().catch(() => undefined);
      if (c) await c.close(true).catch(() => undefined);
    };
    const reconnect = async (): Promise<void> => {
      if (reconnecting) return;
      reconnecting = true;
      try {
        await disconnect();
        for (let attempt = 1; !stopping; attempt++) {
          try {
            await connect();
            logger.info({ group }, 'Kafka consumer reconnected');
            return;
          } catch (error) {
            logger.warn({ err: error, group, attempt }, 'Kafka consumer could not reconnect; will retry');
            await disconnect();
            await sleep(Math.min(5_000, 500 * attempt));
          }
        }
      } finally {
        reconnecting = false;
      }
    };

    await connect();
    state.stop = async () => {
      stopping = true;
      await disconnect();
    };
    return state;
  }

  return {
    kind: 'kafka',
    topicOf,
    groupOf,
    async publish(events) {
      if (closed) throw new Error('event bus is closed');
      if (events.length === 0) return;
      await ensureTopics(events.map((event) => topicOf(event.type)));
      // One request: the messages of one partition keep their order, and the call resolves when acked.
      await producer.send({
        messages: events.map((event) => ({
          topic: topicOf(event.type),
          key: event.aggregateId,
          value: JSON.stringify(event),
          headers: { 'event-id': event.id, 'event-type': event.type },
        })),
      });
      for (const event of events) metrics.published.inc({ type: event.type });
    },
    subscribe(consumer) {
      if (started) throw new Error(`subscribe ${consumer.name} before the event bus starts`);
      if (subscriptions.some((s) => s.name === consumer.name)) {
        throw new Error(`event consumer name ${consumer.name} is already subscribed`);
      }
      subscriptions.push(consumer);
    },
    async start() {
      if (started) return;
      started = true;
      for (const consumer of subscriptions) running.push(await runConsumer(consumer));
    },
    async ping() {
      if (closed) throw new Error('event bus is closed');
      await admin.listTopics();
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled(running.map((r) => r.stop()));
      await Promise.allSettled([producer.close(), admin.close()]);
    },
  };
}

interface RunningConsumer {
  readonly group: string;
  stop(): Promise<void>;
}

function parseEvent(value: string | undefined): DomainEvent {
  if (value === undefined) throw new Error('message has no value');
  const parsed: unknown = JSON.parse(value);
  if (typeof parsed !== 'object' || parsed === null) throw new Error('event is not a JSON object');
  const e = parsed as Record<string, unknown>;
  for (const field of ['id', 'type', 'aggregateId', 'occurredAt'] as const) {
    if (typeof e[field] !== 'string' || e[field] === '') throw new Error(`event field ${field} is missing`);
  }
  return parsed as DomainEvent;
}

