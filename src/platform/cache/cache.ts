// A small key/value cache with expiry. In-process memory for one instance, Redis when several
// instances must share counters and locks (rate limits, login-failure windows, idempotency).

export interface Cache {
  readonly kind: 'memory' | 'redis' | 'off';
  get(key: string): Promise<string | undefined>;
  /** Without `ttlMs` the value never expires, and an earlier expiry on the key is dropped (as Redis SET). */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets only if absent; true when this call set it (locks, first-writer-wins). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Atomically adds 1 and returns the new value; the ttl starts with the first increment of a window. */
  increment(key: string, ttlMs: number): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Both implementations refuse the same ttls, so a caller that works on memory works on Redis:
 * Redis rejects PX 0, negatives and fractions, and a NaN would silently mean "never expires" in memory.
 */
export function assertTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`cache ttl must be a positive integer of milliseconds (got ${ttlMs})`);
  }
}
