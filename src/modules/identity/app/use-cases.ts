import type { IdentityDeps } from './deps.ts';
import { makeLogin } from './login.ts';
import { makeLogout } from './logout.ts';
import { makeGetMyAccount, makeUpdateMyAccount } from './my-account.ts';
import { makeRefresh } from './refresh.ts';
import { makeSignup } from './signup.ts';
import { makeSignupMany } from './signup-many.ts';
import { makeVerifyAccessToken } from './verify-access-token.ts';
import { makeWithdraw } from './withdraw.ts';
import { makeListUsersForAdmin } from './list-users-for-admin.ts';
import { makeSuspendUser } from './suspend-user.ts';
import { makeUnsuspendUser } from './unsuspend-user.ts';

export type IdentityUseCases = ReturnType<typeof makeIdentityUseCases>;

export function makeIdentityUseCases(deps: IdentityDeps) {
  return {
    signup: makeSignup(deps),
    signupMany: makeSignupMany(deps),
    login: makeLogin(deps),
    refresh: makeRefresh(deps),
    logout: makeLogout(deps),
    getMyAccount: makeGetMyAccount(deps),
    updateMyAccount: makeUpdateMyAccount(deps),
    withdraw: makeWithdraw(deps),
    verifyAccessToken: makeVerifyAccessToken(deps),
    listUsersForAdmin: makeListUsersForAdmin(deps),
    suspendUser: makeSuspendUser(deps),
    unsuspendUser: makeUnsuspendUser(deps),
  };
}
