import Type, { type Static } from 'typebox';
import type { AccessTokenVerifier, Role } from '../../platform/access.ts';
import { defineEvent } from '../../platform/events/event.ts';
import type { StatsRange } from '../../platform/stats-range.ts';
import { AdminUserView } from './app/schemas.ts';

export { AdminUserView };

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

const RoleSchema = Type.Union([Type.Literal('GUARDIAN'), Type.Literal('CAREGIVER'), Type.Literal('ADMIN')]);

export const UserRegisteredV1 = Type.Object({
  userId: Type.String(),
  role: RoleSchema,
  name: Type.String(),
  preferredLanguage: Type.String(),
});
export type UserRegisteredV1 = Static<typeof UserRegisteredV1>;

/** Published when an account is withdrawn: every module drops or anonymises what it keeps of the user. */
export const UserWithdrawnV1 = Type.Object({ userId: Type.String(), role: RoleSchema });
export type UserWithdrawnV1 = Static<typeof UserWithdrawnV1>;

/**
 * Published when an admin suspends an account: its tokens and sockets are already cut; other modules hide
 * what the user offers (a caregiver's profile) and end what cannot go on (open reservation requests).
 */
export const UserSuspendedV1 = Type.Object({ userId: Type.String(), role: RoleSchema, reason: Type.String() });
export type UserSuspendedV1 = Static<typeof UserSuspendedV1>;

/** Published when a suspension is lifted: what was hidden reappears exactly as it was (ended reservations stay ended). */
export const UserUnsuspendedV1 = Type.Object({ userId: Type.String(), role: RoleSchema });
export type UserUnsuspendedV1 = Static<typeof UserUnsuspendedV1>;

/** Aggregate id: the user. */
export const IDENTITY_EVENTS = {
  userRegistered: defineEvent('user.registered.v1', UserRegisteredV1),
  userWithdrawn: defineEvent('user.withdrawn.v1', UserWithdrawnV1),
  userSuspended: defineEvent('user.suspended.v1', UserSuspendedV1),
  userUnsuspended: defineEvent('user.unsuspended.v1', UserUnsuspendedV1),
} as const;

/** Asked before a withdrawal; a reason blocks it (e.g. the reservations module: unfinished reservations). */
export type WithdrawalBlocker = (userId: string, role: Role) => Promise<{ code: string; message: string } | undefined>;

export interface IdentityApi {
  readonly verifyAccessToken: AccessTokenVerifier;
  findUsers(ids: readonly string[]): Promise<UserSummary[]>;
  /** An ACTIVE account's name and phone (a caregiver's view of a confirmed booking's family); undefined otherwise. */
  findContact(id: string): Promise<{ name: string; phone: string | null } | undefined>;
  /**
   * Ids of the accounts (any role and status) whose name or email contains `q` (case-insensitive) or, when it
   * looks like a phone number, whose phone contains its digits: the admin lists' `q` filter. At most `limit`.
   */
  searchUserIds(q: string, limit: number): Promise<string[]>;
  /** Whether an account (any status) uses this email. */
  emailRegistered(email: string): Promise<boolean>;
  /** How many accounts exist, withdrawn ones included. */
  userCount(): Promise<number>;
  /** ACTIVE accounts (not suspended, not withdrawn), in all and per role (every role present, 0 when none). */
  activeUserCounts(): Promise<{ active: number; byRole: Record<Role, number> }>;
  /** Any account (any status, withdrawn ones anonymised) as the back office sees it. */
  findUserForAdmin(id: string): Promise<AdminUserView | undefined>;
  /** Accounts created in [from, to) per Seoul-time bucket, start as ISO UTC; only buckets with at least one. */
  newUserSeries(range: StatsRange): Promise<Array<{ start: string; count: number }>>;
}
