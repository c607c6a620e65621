import type { Redis } from 'ioredis';

// GATEWAY_RATE_LIMIT requests per client IP per fixed minute window. With REDIS_URL the counters live in
// Redis (INCR + PEXPIRE), so every gateway replica counts against one budget; else in this process's memory.
// A Redis error lets the request through (the services keep their own limits on sign-in and the like).

export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until the window resets (Retry-After) when refused. */
  readonly retryAfterSeconds: number;
}

export type RateLimiter = (clientIp: string) => Promise<RateDecision>;

const WINDOW_MS = 60_000;

export function memoryRateLimiter(limit: number, now: () => number = Date.now): RateLimiter {
  const counts = new Map<string, number>();
  let window = Math.floor(now() / WINDOW_MS);
  return async (ip) => {
    const current = Math.floor(now() / WINDOW_MS);
    if (current !== window) {
      counts.clear();
      window = current;
    }
    const count = (counts.get(ip) ?? 0) + 1;
    counts.set(ip, count);
    return decide(count, limit, current, now());
  };
}

export function redisRateLimiter(redis: Redis, limit: number, now: () => number = Date.now): RateLimiter {
  return async (ip) => {
    const window = Math.floor(now() / WINDOW_MS);
    const key = `carenest:gateway:rate:${window}:${ip}`;
    try {
      const result = await redis.multi().incr(key).pexpire(key, WINDOW_MS * 2).exec();
      const count = Number(result?.[0]?.[1] ?? 0);
      return decide(count, limit, window, now());
    } catch {
      return { allowed: true, retryAfterSeconds: 0 };
    }
  };
}

function decide(count: number, limit: number, window: number, nowMs: number): RateDecision {
  if (count <= limit) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - nowMs) / 1000)) };
}
