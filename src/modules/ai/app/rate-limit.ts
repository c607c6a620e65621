import { AppError } from '../../../platform/errors.ts';
import type { AiDeps } from './deps.ts';

// Calls that reach an external provider are limited per user (AI_RATE_LIMIT, default 60 a minute): a
// fixed window counted in the shared cache (Redis with several replicas), like the login throttling.
// Cached translations and text that needs none are never counted.

export function makeRateLimiter({ platform, settings, metrics }: Pick<AiDeps, 'platform' | 'settings' | 'metrics'>) {
  const { count, windowMs } = settings.rateLimit;
  /** Counts one provider call for `subject` (a user id, or `ip:<address>`); 429 AI_RATE_LIMITED past the limit. */
  return async function takeProviderCall(subject: string): Promise<void> {
    const now = platform.clock.now().getTime();
    const window = Math.floor(now / windowMs);
    const used = await platform.cache.increment(`ai:rate:${window}:${subject}`, windowMs);
    if (used <= count) return;
    metrics.rateLimited.inc();
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
    throw new AppError('too_many_requests', 'AI_RATE_LIMITED', `At most ${count} AI requests in ${windowMs / 1000} s. Try again in ${retryAfterSeconds} s.`, {
      extra: { retryAfterSeconds },
    });
  };
}
