import type { AccessTokenVerifier, Role } from '../../platform/http/access.ts';

// What other modules may know of identity: the user's public shape, its events, and the API.

export type { Role };
export type UserStatus = 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN';

export interface UserSummary {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly preferredLanguage: string;
  readonly status: UserStatus;
  /** Slack member id for DMs (notifications), or null. */
  readonly slackUserId: string | null;
}

export const IDENTITY_EVENTS = {
  userRegistered: 'user.registered.v1',
  userWithdrawn: 'user.withdrawn.v1',
} as const;

export interface UserRegisteredV1 {
  readonly userId: string;
  readonly role: Role;
  readonly name: string;
  readonly preferredLanguage: string;
}

/** Published when an account is withdrawn: every module drops or anonymises what it keeps of the user. */
export interface UserWithdrawnV1 {
  readonly userId: string;
  readonly role: Role;
}

/** Asked before a withdrawal; a reason blocks it (e.g. the reservations module: unfinished reservations). */
export type WithdrawalBlocker = (userId: string, role: Role) => Promise<{ code: string; message: string } | undefined>;

export interface IdentityApi {
  readonly verifyAccessToken: AccessTokenVerifier;
  findUsers(ids: readonly string[]): Promise<UserSummary[]>;
  /** Whether an account (any status) uses this email. */
  emailRegistered(email: string): Promise<boolean>;
  /** How many accounts exist, withdrawn ones included. */
  userCount(): Promise<number>;
  /** ACTIVE accounts (not suspended, not withdrawn), in all and per role (every role present, 0 when none). */
  activeUserCounts(): Promise<{ active: number; byRole: Record<Role, number> }>;
}
