// Pure rules of login throttling (decision 0020): an exponential slow-down per (email, address), a limit
// per address across emails, and a per-email ceiling that a known device is exempt from.

export interface LoginLimits {
  /** Failures of one (email, address) pair before each further attempt must wait 2^k seconds. */
  readonly slowdownAfter: number;
  /** Failures from one address (any emails) in the window before every attempt from it is refused. */
  readonly maxPerAddress: number;
  /** Failures for one email (any addresses) in the window before attempts without a known device are refused. */
  readonly maxPerEmail: number;
  readonly windowMs: number;
}

export interface LoginCounts {
  readonly address: number;
  readonly email: number;
  /** Until when the pair must wait (ms), when a wait is running. */
  readonly pairWaitUntilMs: number | undefined;
}

/** Why an attempt is refused before the password is even checked, and when to come back; undefined to go on. */
export function loginRefusal(
  counts: LoginCounts,
  knownDevice: boolean,
  nowMs: number,
  limits: LoginLimits,
): { reason: 'address' | 'pair' | 'email'; retryAfterSeconds: number } | undefined {
  const windowSeconds = Math.ceil(limits.windowMs / 1000);
  if (counts.address >= limits.maxPerAddress) return { reason: 'address', retryAfterSeconds: windowSeconds };
  if (counts.pairWaitUntilMs !== undefined && counts.pairWaitUntilMs > nowMs) {
    return { reason: 'pair', retryAfterSeconds: Math.max(1, Math.ceil((counts.pairWaitUntilMs - nowMs) / 1000)) };
  }
  if (counts.email >= limits.maxPerEmail && !knownDevice) return { reason: 'email', retryAfterSeconds: windowSeconds };
  return undefined;
}

/** How long the pair must wait after its `failures`-th failure: 0 before the slow-down, then 2 s, 4 s, 8 s... up to the window. */
export function slowdownMs(failures: number, limits: LoginLimits): number {
  if (failures < limits.slowdownAfter) return 0;
  const exponent = Math.min(failures - limits.slowdownAfter + 1, 30);
  return Math.min(2 ** exponent * 1000, limits.windowMs);
}
