import type { Role } from '../contract.ts';

// Pure rules of accounts: who may become what, what a password must be, what a refresh token may do.

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const WITHDRAWN_NAME = '탈퇴한 사용자';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Problems with a new password, as field messages (empty when fine). */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN) problems.push(`must be at least ${PASSWORD_MIN} characters`);
  if ([...password].length > PASSWORD_MAX) problems.push(`must be at most ${PASSWORD_MAX} characters`);
  if (password.trim().length === 0) problems.push('must not be blank');
  else if (new Set(password).size === 1) problems.push('must not repeat one character');
  const local = normaliseEmail(email).split('@')[0] ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) problems.push('must not contain your email name');
  return problems;
}

/** Anyone may sign up as a guardian or caregiver; an admin needs the configured secret. */
export function signupRoleDecision(role: Role, adminSecretMatches: boolean): 'allowed' | 'admin-secret-invalid' {
  if (role !== 'ADMIN') return 'allowed';
  return adminSecretMatches ? 'allowed' : 'admin-secret-invalid';
}

/** The placeholder that replaces a withdrawn user's email: unique, unroutable, frees the real address. */
export function withdrawnEmail(userId: string): string {
  return `withdrawn-${userId}@deleted.invalid`;
}

export interface RefreshTokenState {
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly revokedAt: Date | null;
}

export type RefreshVerdict = 'rotate' | 'reused' | 'revoked' | 'expired';

/**
 * What presenting a refresh token means. A token already used is a replay (someone holds a copy):
 * the family must die. A revoked one (logout, withdrawal) is simply refused.
 */
export function refreshVerdict(token: RefreshTokenState, now: Date): RefreshVerdict {
  if (token.usedAt) return 'reused';
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}
