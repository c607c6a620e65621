import type { IdentityDeps } from './deps.ts';
import { hashPassword } from './passwords.ts';
import type { SignupInput } from './schemas.ts';
import { checkSignup, registerUser } from './signup.ts';
import type { UserView } from './user-view.ts';

/**
 * Accounts made together by the platform itself, not over HTTP: the embedded demo's families and caregivers,
 * who all share one printed password. Each is checked as a signup is; each distinct password is hashed once
 * (argon2id costs ~50 ms of CPU and 19 MB: forty identical hashes were 2 s of the first `npm start`,
 * decision 0035), so accounts sharing a password share its hash, which says no more than the shared password
 * itself. Every account is still stored in its own transaction with its own `user.registered`.
 */
export function makeSignupMany(deps: IdentityDeps) {
  return async function signupMany(inputs: readonly SignupInput[]): Promise<UserView[]> {
    const emails = inputs.map((input) => checkSignup(input, deps.adminSignupSecret));
    const hashes = new Map<string, Promise<string>>();
    for (const { password } of inputs) if (!hashes.has(password)) hashes.set(password, hashPassword(password));
    return Promise.all(inputs.map(async (input, i) => registerUser(deps, input, emails[i]!, await hashes.get(input.password)!)));
  };
}
