// Slack delivery policy: bounded attempts with exponential backoff. Pure; the worker applies it.

export const SLACK_MAX_ATTEMPTS = 6;
export const SLACK_BASE_BACKOFF_MS = 10_000;
export const SLACK_MAX_BACKOFF_MS = 30 * 60_000;
/** A claimed row is retried after this if its sender died before recording the result. */
export const SLACK_CLAIM_LEASE_MS = 2 * 60_000;

/** After the `attempts`-th failed attempt (1-based): retry at `now + delay`, or give up. */
export function nextSlackAttempt(attempts: number, now: Date): { retryAt: Date } | { giveUp: true } {
  if (attempts >= SLACK_MAX_ATTEMPTS) return { giveUp: true };
  const delay = Math.min(SLACK_BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), SLACK_MAX_BACKOFF_MS);
  return { retryAt: new Date(now.getTime() + delay) };
}
