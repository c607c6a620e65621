import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Executor } from '../db/database.ts';

// Domain events, declared once as schemas. An event is a fact that already happened and committed; it
// travels outbox -> relay -> bus -> consumers, at least once, so consumers are idempotent (inbox.ts).
//
//   contract.ts:  export const ReservationCancelled = defineEvent('reservation.cancelled.v1', Type.Object({...}));
//   producer:     await platform.transact(async (tx, emit) => { ...; emit(ReservationCancelled.of(id, payload)); });
//   consumer:     defineConsumer({ name: 'payments.refund-cancelled-reservation', events: [ReservationCancelled],
//                   async handle(event, tx) { event.payload.refundAmount ... } })
//
// Payloads are checked against their schema when emitted and again when delivered: a payload that fails
// its schema on delivery is dead-lettered with the reason, never handed to a consumer.

export interface DomainEvent<P = unknown, T extends string = string> {
  readonly id: string;
  /** `<aggregate>.<verb>.v<N>`, e.g. 'caregiver.approved.v1'; with Kafka it is also the topic name. */
  readonly type: T;
  /** Ordering key: one aggregate's events reach each consumer in the order they were written. */
  readonly aggregateId: string;
  /** ISO 8601 instant, from the clock of the use case that wrote the event. */
  readonly occurredAt: string;
  /** Plain JSON: stored as jsonb and serialised onto Kafka. */
  readonly payload: P;
}

/** An event about to be written; made only by a definition's `of`, so its payload is the declared shape. */
export interface NewEvent<P = unknown, T extends string = string> {
  readonly type: T;
  readonly aggregateId: string;
  readonly payload: P;
}

/** Adds events to the transaction being run (platform.transact); they are written to the outbox with it. */
export type Emit = (...events: readonly NewEvent[]) => void;

export interface EventDefinition<T extends string = string, S extends TSchema = TSchema> {
  readonly type: T;
  readonly schema: S;
  /** The event for `aggregateId` (the ordering key) with a payload of the declared shape. */
  of(aggregateId: string, payload: Static<S>): NewEvent<Static<S>, T>;
  /** Why `payload` does not fit the schema, or undefined when it does. */
  problem(payload: unknown): string | undefined;
}

/** The delivered event of one definition, or of any of a list of them (discriminated by `type`). */
export type EventOf<D extends EventDefinition> = D extends EventDefinition<infer T, infer S> ? DomainEvent<Static<S>, T> : never;
export type PayloadOf<D extends EventDefinition> = Static<D['schema']>;

// Three dot-separated parts, so a type maps to exactly one Kafka topic name ([a-z0-9._] is legal
// there). A breaking payload change gets a new version, and both can be consumed during a migration.
const EVENT_TYPE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.v[1-9][0-9]*$/;

export function isEventType(type: string): boolean {
  return EVENT_TYPE.test(type);
}

export function assertEventType(type: string): void {
  if (!isEventType(type)) {
    throw new Error(`event type must look like <aggregate>.<verb>.v<N>, e.g. caregiver.approved.v1 (got "${type}")`);
  }
}

export function defineEvent<const T extends string, S extends TSchema>(type: T, schema: S): EventDefinition<T, S> {
  assertEventType(type);
  const validator = Compile(schema);
  const problem = (payload: unknown): string | undefined => {
    if (validator.Check(payload)) return undefined;
    const errors = validator.Errors(payload).slice(0, 5);
    return errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ') || 'does not match its schema';
  };
  return {
    type,
    schema,
    problem,
    of(aggregateId, payload) {
      const wrong = problem(payload);
      if (wrong !== undefined) throw new Error(`event ${type} payload does not match its schema: ${wrong}`);
      return { type, aggregateId, payload };
    },
  };
}

/** The runtime face of a consumer, as the buses see it. Modules declare consumers with `defineConsumer`. */
export interface EventConsumer {
  /**
   * Stable name: the inbox key (renaming it re-handles every event) and, with Kafka, the consumer
   * group id. Use `<module>.<purpose>`, e.g. 'notifications.caregiver-approved'.
   */
  readonly name: string;
  readonly types: readonly string[];
  /** Why this event cannot be handled as declared (unknown type, payload off its schema), or undefined. */
  problem(event: DomainEvent): string | undefined;
  /**
   * Runs inside the transaction that records the event in the inbox: write only through `tx` (on PGlite
   * the outer handle would deadlock), emit follow-up events with `emit`, throw to have it retried.
   */
  handle(event: DomainEvent, tx: Executor, emit: Emit): Promise<void>;
  /**
   * `false`: the consumer writes nothing to the database and is idempotent by nature (it pushes frames,
   * refreshes a cache from the current row), so it runs without an inbox row or a transaction: `tx` is the
   * plain handle and emitting is an error. Saves a transaction per event (decision 0030).
   */
  readonly inbox?: false;
  /**
   * `true`: the handler's only effects are its writes through `tx`, so several events delivered together
   * may share one inbox transaction (decision 0030). When that transaction fails, all its events are rolled
   * back and delivered again one by one, so a handler with effects outside `tx` (frames, HTTP calls) must
   * not declare it: those would repeat for events that had succeeded. With `inbox: false` the events of a
   * delivery come together too, without a transaction (for a handleBatch that reads them in one query).
   */
  readonly batch?: true;
  /**
   * Optional, with `batch`: handles several new events of one delivery in one go (multi-row writes), with
   * the same effect as handle() on each in turn. Called with two events or more, in delivery order.
   */
  handleBatch?(events: readonly DomainEvent[], tx: Executor, emit: Emit): Promise<void>;
}

export function defineConsumer<const D extends readonly EventDefinition[]>(spec: {
  readonly name: string;
  readonly events: D;
  /** `false` for consumers that write nothing and are idempotent by nature (EventConsumer.inbox). */
  readonly inbox?: false;
  /** `true` for consumers whose only effects are writes through `tx` (EventConsumer.batch). */
  readonly batch?: true;
  handle(event: EventOf<D[number]>, tx: Executor, emit: Emit): Promise<void>;
  /** Several events at once, same effect as handle() on each in turn (EventConsumer.handleBatch); needs `batch`. */
  handleBatch?(events: readonly EventOf<D[number]>[], tx: Executor, emit: Emit): Promise<void>;
}): EventConsumer {
  const { handleBatch } = spec;
  if (handleBatch && spec.batch !== true) throw new Error(`event consumer ${spec.name}: handleBatch needs batch: true`);
  const byType = new Map<string, EventDefinition>(spec.events.map((definition) => [definition.type, definition]));
  return {
    name: spec.name,
    types: [...byType.keys()],
    ...(spec.inbox === false ? { inbox: false as const } : {}),
    ...(spec.batch === true ? { batch: true as const } : {}),
    problem(event) {
      const definition = byType.get(event.type);
      if (!definition) return `${spec.name} does not consume ${event.type}`;
      const wrong = definition.problem(event.payload);
      return wrong === undefined ? undefined : `payload does not match ${event.type}: ${wrong}`;
    },
    // Checked by the bus with problem() before it calls handle(), so the cast states a verified fact.
    handle: (event, tx, emit) => spec.handle(event as EventOf<D[number]>, tx, emit),
    ...(handleBatch ? { handleBatch: (events: readonly DomainEvent[], tx: Executor, emit: Emit) => handleBatch(events as EventOf<D[number]>[], tx, emit) } : {}),
  };
}
