import type { Platform } from '../../../platform/module.ts';
import type { WithdrawalBlocker } from '../contract.ts';
import type { TokenService } from './tokens.ts';
import type { IdentitySettings } from '../settings.ts';

// Everything identity's use cases are built from, passed in explicitly.
export interface IdentityDeps {
  readonly platform: Platform;
  readonly settings: IdentitySettings;
  readonly tokens: TokenService;
  readonly adminSignupSecret: string;
  readonly withdrawalBlockers: readonly WithdrawalBlocker[];
}

export const cacheKeys = {
  deniedToken: (jti: string) => `identity:denied-token:${jti}`,
  userTokensRevoked: (userId: string) => `identity:user-revoked:${userId}`,
  loginFailuresByEmail: (email: string) => `identity:login-failures:email:${email}`,
  loginFailuresByIp: (ip: string) => `identity:login-failures:ip:${ip}`,
};
