import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError, conflict, invalid } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { IDENTITY_EVENTS, type UserRegisteredV1 } from '../contract.ts';
import { insertUser } from '../db/identity.repo.ts';
import { insertConsents } from '../db/consents.repo.ts';
import { consentRecord, missingConsents } from '../domain/consents.ts';
import { normaliseEmail, passwordProblems, signupRoleDecision } from '../domain/account.ts';
import type { IdentityDeps } from './deps.ts';
import { signupMetrics } from './metrics.ts';
import { hashPassword } from './passwords.ts';
import type { SignupInput } from './schemas.ts';
import { toUserView, type UserView } from './user-view.ts';

export type { SignupInput };

/** Compares secrets in constant time (hashing first makes the lengths equal). */
function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The checks a signup passes before its password is hashed; the normalised email. */
export function checkSignup(input: SignupInput, adminSignupSecret: string): string {
  const email = normaliseEmail(input.email);
  const problems = passwordProblems(input.password, email);
  if (problems.length > 0) {
    throw invalid('The password is too weak', problems.map((message) => ({ field: 'password', message })));
  }
  const missing = missingConsents(input.role, input.consents);
  if (missing.length > 0) {
    throw invalid('The required consents were not given', missing.map((field) => ({ field, message: 'must be agreed to' })), 'CONSENT_REQUIRED');
  }
  if (signupRoleDecision(input.role, secretMatches(input.adminSecret, adminSignupSecret)) !== 'allowed') {
    throw new AppError('forbidden', 'ADMIN_SECRET_INVALID', 'The admin signup secret is missing or wrong');
  }
  return email;
}

/** Stores a checked signup with its password hash: the user, the consents and `user.registered`, in one transaction. */
export async function registerUser({ platform }: IdentityDeps, input: SignupInput, email: string, passwordHash: string): Promise<UserView> {
  const now = platform.clock.now();
  const row = {
    id: newId(),
    email,
    password_hash: passwordHash,
    name: input.name.trim(),
    phone: input.phone?.trim() || null,
    role: input.role,
    preferred_language: input.preferredLanguage ?? 'ko',
    slack_user_id: null,
    status: 'ACTIVE' as const,
    tokens_valid_after: null,
    created_at: now,
    updated_at: now,
    withdrawn_at: null,
    suspended_at: null,
    suspension_reason: null,
  };
  await platform.transact(async (tx, emit) => {
    if ((await insertUser(tx, row)) === 'email-taken') {
      throw conflict('EMAIL_TAKEN', 'An account with this email already exists');
    }
    await insertConsents(tx, row.id, consentRecord(row.role, input.consents), now);
    const payload: UserRegisteredV1 = {
      userId: row.id,
      role: row.role,
      name: row.name,
      preferredLanguage: row.preferred_language,
    };
    emit(IDENTITY_EVENTS.userRegistered.of(row.id, payload));
  });
  signupMetrics(platform.metrics).inc({ role: row.role });
  return toUserView(row);
}

export function makeSignup(deps: IdentityDeps) {
  return async function signup(input: SignupInput): Promise<UserView> {
    const email = checkSignup(input, deps.adminSignupSecret);
    return registerUser(deps, input, email, await hashPassword(input.password));
  };
}
