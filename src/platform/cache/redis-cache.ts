import { Redis } from 'ioredis';
import { assertTtl, type Cache } from './cache.ts';

// The cache shared by every instance. Redis keeps its own time, so no clock is taken here.

export interface RedisCacheOptions {
  /** Prepended to every key, so several apps (or test runs) can share one Redis. */
  readonly keyPrefix?: string;
}

// INCR, then give the key an expiry only if it has none: the first increment of a window starts
// the ttl and later ones never extend it. One script, so no other client runs in between
// (MULTI + PEXPIRE NX would do the same but needs Redis 7).
const INCREMENT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) == -1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n
`;

interface ScriptedRedis {
  carenestIncrement(key: string, ttlMs: number): Promise<number>;
}

export function createRedisCache(url: string, options: RedisCacheOptions = {}): Cache {
  const client = new Redis(url, {
    keyPrefix: options.keyPrefix ?? 'carenest:',
    // Connect now, so a wrong URL shows up at start, not at the first login.
    lazyConnect: false,
    // A command waiting for a down Redis fails after one reconnect attempt instead of hanging a request.
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    // Keep reconnecting in the background (capped backoff) so the cache heals when Redis is back.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener ioredis prints every connection error to the console, and the URL may hold a
  // password. Failures reach callers as rejected commands, and ping() is what health checks use.
  client.on('error', () => {});
  client.defineCommand('carenestIncrement', { numberOfKeys: 1, lua: INCREMENT_SCRIPT });
  const scripted = client as unknown as ScriptedRedis;

  return {
    kind: 'redis',
    async get(key) {
      return (await client.get(key)) ?? undefined;
    },
    async set(key, value, ttlMs) {
      if (ttlMs === undefined) {
        await client.set(key, value);
        return;
      }
      assertTtl(ttlMs);
      await client.set(key, value, 'PX', ttlMs);
    },
    async setIfAbsent(key, value, ttlMs) {
      assertTtl(ttlMs);
      return (await client.set(key, value, 'PX', ttlMs, 'NX')) === 'OK';
    },
    async delete(key) {
      await client.del(key);
    },
    async increment(key, ttlMs) {
      assertTtl(ttlMs);
      return Number(await scripted.carenestIncrement(key, ttlMs));
    },
    async ping() {
      const reply = await client.ping();
      if (reply !== 'PONG') throw new Error(`unexpected Redis PING reply: ${reply}`);
    },
    async close() {
      // QUIT lets queued commands finish; a client that never connected has nothing to finish and
      // would wait for a reconnect, so it is just disconnected.
      if (client.status === 'ready') {
        try {
          await client.quit();
          return;
        } catch {
          // fall through: the connection went away while quitting
        }
      }
      client.disconnect();
    },
  };
}
