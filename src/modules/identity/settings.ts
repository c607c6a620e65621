import { defineSettings, type SettingsOf } from '../../platform/settings.ts';

// Identity's settings: token lifetimes and login throttling (README, Configuration).
export const identitySettings = defineSettings((read) => ({
  accessTokenTtlMs: read.duration('ACCESS_TOKEN_TTL', '15m'),
  refreshTokenTtlMs: read.duration('REFRESH_TOKEN_TTL', '14d'),
  /** Failed logins per email within the window before 429 TOO_MANY_ATTEMPTS (an IP address gets more). */
  loginMaxFailures: read.integer('LOGIN_MAX_FAILURES', 5, 1, 1000),
  loginFailureWindowMs: read.duration('LOGIN_FAILURE_WINDOW', '15m'),
}));

export type IdentitySettings = SettingsOf<typeof identitySettings>;
