import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DisconnectTarget, RealtimePublisher, ServerFrame } from './realtime.ts';
import { attachLocalRealtime, type LocalRealtime } from './local-realtime.ts';

// Cross-replica fan-out over Redis pub/sub. A publish delivers to this replica's connections at once
// and goes out on one channel; every other replica subscribed to it delivers to the connections it
// holds. Best effort like the hub itself: while Redis is down, other replicas miss frames (the
// notification rows stay the source of truth) and the failure is logged, never thrown at the caller.

export const DEFAULT_REALTIME_CHANNEL = 'carenest:realtime';
/** How long a replica's presence entry lasts without a refresh (refreshed every third of it). */
const PRESENCE_TTL_MS = 60_000;

type Target = { userIds: readonly string[] } | { admins: true };

interface Envelope {
  /** The publishing replica, which has delivered locally already. */
  readonly o: string;
  readonly t: Target;
  readonly f: ServerFrame;
}

export interface RedisRealtime extends RealtimePublisher {
  /** Resolves once this replica listens to the channel; rejects when Redis cannot be reached. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface RedisRealtimeOptions {
  /** Replicas sharing a channel see each other's frames (tests may isolate themselves with their own). */
  readonly channel?: string;
  readonly logger?: Logger;
}

/** A request to close connections (disconnectUsers), on the same channel as frames. */
interface DisconnectEnvelope {
  readonly o: string;
  readonly d: DisconnectTarget;
  /** The close reason. */
  readonly r: string;
}

function isDisconnectEnvelope(value: unknown): value is DisconnectEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const { o, d, r } = value as Record<string, unknown>;
  if (typeof o !== 'string' || typeof r !== 'string' || typeof d !== 'object' || d === null) return false;
  const target = d as Record<string, unknown>;
  return (
    Array.isArray(target.userIds) &&
    target.userIds.every((id) => typeof id === 'string') &&
    (target.sessionId === undefined || typeof target.sessionId === 'string')
  );
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const { o, t, f } = value as Record<string, unknown>;
  if (typeof o !== 'string' || typeof t !== 'object' || t === null || typeof f !== 'object' || f === null) return false;
  const target = t as Record<string, unknown>;
  return target.admins === true || (Array.isArray(target.userIds) && target.userIds.every((id) => typeof id === 'string'));
}

export function createRedisRealtime(redisUrl: string, local: LocalRealtime, options: RedisRealtimeOptions = {}): RedisRealtime {
  const channel = options.channel ?? DEFAULT_REALTIME_CHANNEL;
  const origin = randomUUID();
  const connection = {
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
  };
  // A subscribed ioredis connection can run no other command: one connection publishes, one listens.
  const publisher = new Redis(redisUrl, connection);
  const subscriber = new Redis(redisUrl, connection);
  // The URL may hold a password: errors reach callers as rejected commands, never the console.
  publisher.on('error', () => {});
  subscriber.on('error', () => {});

  subscriber.on('message', (_channel: string, message: string) => {
    let envelope: unknown;
    try {
      envelope = JSON.parse(message);
    } catch {
      options.logger?.warn('ignored a realtime message that is not JSON');
      return;
    }
    if (isDisconnectEnvelope(envelope)) {
      if (envelope.o !== origin) local.disconnectLocally(envelope.d, envelope.r);
      return;
    }
    if (!isEnvelope(envelope)) {
      options.logger?.warn('ignored a malformed realtime message');
      return;
    }
    if (envelope.o === origin) return;
    local.deliverLocally(envelope.t, envelope.f);
  });
  const ready = subscriber.subscribe(channel).then(() => undefined);
  ready.catch(() => {});

  // Presence across replicas: a hash per user, one field per replica holding a connection of theirs,
  // valued with the field's expiry (ms). Each replica refreshes its fields; a replica that dies stops
  // refreshing, so its fields count as offline after PRESENCE_TTL_MS without anyone cleaning up.
  const presenceKey = (userId: string) => `${channel}:presence:${userId}`;
  const markOnline = (userId: string): Promise<unknown> =>
    publisher
      .multi()
      .hset(presenceKey(userId), origin, String(Date.now() + PRESENCE_TTL_MS))
      .pexpire(presenceKey(userId), PRESENCE_TTL_MS)
      .exec();
  const quietly = (work: Promise<unknown>): void => {
    work.catch((error: unknown) => options.logger?.warn({ err: error }, 'realtime presence not updated'));
  };
  local.onPresence((userId, online) => quietly(online ? markOnline(userId) : publisher.hdel(presenceKey(userId), origin)));
  const refresh = setInterval(() => {
    for (const userId of local.onlineUsers()) quietly(markOnline(userId));
  }, PRESENCE_TTL_MS / 3);
  refresh.unref();

  async function publish(target: Target, frame: ServerFrame): Promise<void> {
    local.deliverLocally(target, frame);
    const envelope: Envelope = { o: origin, t: target, f: frame };
    try {
      await publisher.publish(channel, JSON.stringify(envelope));
    } catch (error) {
      options.logger?.warn({ err: error, frame: frame.type }, 'realtime frame not published to other replicas');
    }
  }

  const realtime: RedisRealtime = {
    ready,
    async toUsers(userIds, frame) {
      if (userIds.length === 0) return;
      await publish({ userIds }, frame);
    },
    async toAdmins(frame) {
      await publish({ admins: true }, frame);
    },
    async disconnectUsers(userIds, reason, disconnectOptions) {
      if (userIds.length === 0) return;
      const target: DisconnectTarget = { userIds, ...(disconnectOptions?.sessionId !== undefined ? { sessionId: disconnectOptions.sessionId } : {}) };
      local.disconnectLocally(target, reason);
      const envelope: DisconnectEnvelope = { o: origin, d: target, r: reason };
      try {
        await publisher.publish(channel, JSON.stringify(envelope));
      } catch (error) {
        options.logger?.warn({ err: error }, 'realtime disconnect not published to other replicas');
      }
    },
    async isOnline(userId) {
      if (await local.isOnline(userId)) return true;
      try {
        const expiries = await publisher.hvals(presenceKey(userId));
        const now = Date.now();
        return expiries.some((value) => Number(value) > now);
      } catch (error) {
        options.logger?.warn({ err: error }, 'realtime presence unknown: Redis unreachable');
        return false;
      }
    },
    async close() {
      clearInterval(refresh);
      await Promise.all(local.onlineUsers().map((userId) => publisher.hdel(presenceKey(userId), origin).catch(() => 0)));
      await Promise.all([subscriber.quit().catch(() => subscriber.disconnect()), publisher.quit().catch(() => publisher.disconnect())]);
    },
  };
  attachLocalRealtime(realtime, local);
  return realtime;
}
