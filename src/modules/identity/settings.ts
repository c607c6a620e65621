import { defineSettings, type SettingsOf } from '../../platform/settings.ts';

// Identity's settings: token lifetimes and login throttling (README, Configuration; decision 0020).
export const identitySettings = defineSettings((read) => ({
  accessTokenTtlMs: read.duration('ACCESS_TOKEN_TTL', '15m'),
  refreshTokenTtlMs: read.duration('REFRESH_TOKEN_TTL', '14d'),
  /** Failed logins of one (email, address) pair before each further attempt must wait 2, 4, 8... seconds. */
  loginMaxFailures: read.integer('LOGIN_MAX_FAILURES', 5, 1, 1000),
  /** Failed logins from one address (any emails) within the window before every attempt from it gets 429. */
  loginMaxFailuresPerAddress: read.integer('LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100_000),
  /** Failed logins for one email (any addresses) within the window before logins without a known device get 429. */
  loginMaxFailuresPerEmail: read.integer('LOGIN_MAX_FAILURES_PER_EMAIL', 50, 1, 100_000),
  loginFailureWindowMs: read.duration('LOGIN_FAILURE_WINDOW', '15m'),
  /** How long the device token returned at login proves a known device. */
  deviceTokenTtlMs: read.duration('DEVICE_TOKEN_TTL', '90d'),
}));

export type IdentitySettings = SettingsOf<typeof identitySettings>;
