import { createHash, timingSafeEqual } from 'node:crypto';
import { inTransaction } from '../../../platform/db/database.ts';
import { AppError, conflict, invalid } from '../../../platform/errors.ts';
import { appendToOutbox } from '../../../platform/events/outbox.ts';
import { newId } from '../../../platform/ids.ts';
import { IDENTITY_EVENTS, type Role, type UserRegisteredV1 } from '../contract.ts';
import { insertUser } from '../db/identity.repo.ts';
import { normaliseEmail, passwordProblems, signupRoleDecision } from '../domain/account.ts';
import type { IdentityDeps } from './deps.ts';
import { hashPassword } from './passwords.ts';
import { toUserView, type UserView } from './user-view.ts';

export interface SignupInput {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly phone?: string | undefined;
  readonly role: Role;
  readonly adminSecret?: string | undefined;
  readonly preferredLanguage?: string | undefined;
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function makeSignup({ platform, adminSignupSecret }: IdentityDeps) {
  return async function signup(input: SignupInput): Promise<UserView> {
    const email = normaliseEmail(input.email);
    const problems = passwordProblems(input.password, email);
    if (problems.length > 0) {
      throw invalid('The password is too weak', problems.map((message) => ({ field: 'password', message })));
    }
    if (signupRoleDecision(input.role, secretMatches(input.adminSecret, adminSignupSecret)) !== 'allowed') {
      throw new AppError('forbidden', 'ADMIN_SECRET_INVALID', 'The admin signup secret is missing or wrong');
    }
    const now = platform.clock.now();
    const row = {
      id: newId(),
      email,
      password_hash: await hashPassword(input.password),
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
    };
    await inTransaction(platform.database.db, async (tx) => {
      if ((await insertUser(tx, row)) === 'email-taken') {
        throw conflict('EMAIL_TAKEN', 'An account with this email already exists');
      }
      const payload: UserRegisteredV1 = {
        userId: row.id,
        role: row.role,
        name: row.name,
        preferredLanguage: row.preferred_language,
      };
      await appendToOutbox(tx, [{ type: IDENTITY_EVENTS.userRegistered, aggregateId: row.id, payload }], platform.clock);
    });
    platform.eventsWritten();
    return toUserView(row);
  };
}
