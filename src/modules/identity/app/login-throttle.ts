import { AppError } from '../../../platform/errors.ts';
import { findUserByEmail } from '../db/identity.repo.ts';
import { loginRefusal, slowdownMs, type LoginLimits } from '../domain/login-throttle.ts';
import { cacheKeys, type IdentityDeps } from './deps.ts';

// Login throttling (decision 0020) over the shared cache: failures counted per address, per email and per
// (email, address) pair in a window; the pair's slow-down kept as an instant to wait for.

export interface LoginThrottle {
  /** The 429 to answer before the password is checked, or undefined to go on. */
  refusal(email: string, address: string, deviceToken: string | undefined): Promise<AppError | undefined>;
  failed(email: string, address: string): Promise<void>;
  succeeded(email: string, address: string): Promise<void>;
}

export function makeLoginThrottle(deps: IdentityDeps): LoginThrottle {
  const { platform, settings, tokens } = deps;
  const { cache, clock } = platform;
  const limits: LoginLimits = {
    slowdownAfter: settings.loginMaxFailures,
    maxPerAddress: settings.loginMaxFailuresPerAddress,
    maxPerEmail: settings.loginMaxFailuresPerEmail,
    windowMs: settings.loginFailureWindowMs,
  };

  /** A device token proves a known device when it was issued to the ACTIVE account of this email. */
  const knownDevice = async (email: string, deviceToken: string): Promise<boolean> => {
    const userId = await tokens.verifyDevice(deviceToken);
    if (!userId) return false;
    const user = await findUserByEmail(platform.database.db, email);
    return user?.id === userId && user.status === 'ACTIVE';
  };

  return {
    async refusal(email, address, deviceToken) {
      const [byAddress, byEmail, waitUntil] = await Promise.all([
        cache.get(cacheKeys.loginFailuresByAddress(address)),
        cache.get(cacheKeys.loginFailuresByEmail(email)),
        cache.get(cacheKeys.loginWaitByPair(email, address)),
      ]);
      const counts = { address: Number(byAddress ?? 0), email: Number(byEmail ?? 0), pairWaitUntilMs: waitUntil === undefined ? undefined : Number(waitUntil) };
      // Only worth a signature check and a read when the email's ceiling is reached.
      const known = counts.email >= limits.maxPerEmail && deviceToken !== undefined && (await knownDevice(email, deviceToken));
      const refused = loginRefusal(counts, known, clock.now().getTime(), limits);
      if (!refused) return undefined;
      return new AppError('too_many_requests', 'TOO_MANY_ATTEMPTS', 'Too many failed logins. Try again later.', {
        extra: { retryAfterSeconds: refused.retryAfterSeconds },
      });
    },
    async failed(email, address) {
      const [, , pairFailures] = await Promise.all([
        cache.increment(cacheKeys.loginFailuresByAddress(address), limits.windowMs),
        cache.increment(cacheKeys.loginFailuresByEmail(email), limits.windowMs),
        cache.increment(cacheKeys.loginFailuresByPair(email, address), limits.windowMs),
      ]);
      const waitMs = slowdownMs(pairFailures, limits);
      if (waitMs > 0) await cache.set(cacheKeys.loginWaitByPair(email, address), String(clock.now().getTime() + waitMs), waitMs);
    },
    async succeeded(email, address) {
      // The password was right: this pair starts afresh and the email's ceiling is lifted.
      await Promise.all([
        cache.delete(cacheKeys.loginFailuresByPair(email, address)),
        cache.delete(cacheKeys.loginWaitByPair(email, address)),
        cache.delete(cacheKeys.loginFailuresByEmail(email)),
      ]);
    },
  };
}
