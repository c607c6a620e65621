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
  /** The user's status and tokens-valid-after (JSON), read by the verifier (app/revocations.ts). */
  userState: (userId: string) => `identity:user-state:${userId}`,
  /** '1' denied / '0' not denied: the cached answer of identity.revocations for (kind, id). */
  denied: (kind: 'token' | 'session', id: string) => `identity:denied:${kind}:${id}`,
  loginFailuresByEmail: (email: string) => `identity:login-failures:email:${email}`,
  loginFailuresByAddress: (address: string) => `identity:login-failures:ip:${address}`,
  loginFailuresByPair: (email: string, address: string) => `identity:login-failures:pair:${address}|${email}`,
  /** Until when (ms) the (email, address) pair must wait before its next attempt. */
  loginWaitByPair: (email: string, address: string) => `identity:login-wait:${address}|${email}`,
};
