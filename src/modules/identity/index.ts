import { defineManifest, type Module, type Platform } from '../../platform/module.ts';
import { defaultSettings } from '../../platform/settings.ts';
import type { IdentityApi, UserSummary, WithdrawalBlocker } from './contract.ts';
import type { IdentityDeps } from './app/deps.ts';
import { createTokenService } from './app/tokens.ts';
import { makeIdentityUseCases, type IdentityUseCases } from './app/use-cases.ts';
import { countActiveUsersByRole, countUsers, findUserByEmail, findUserById, findUsersByIds } from './db/identity.repo.ts';
import { ROLES, type Role } from '../../platform/access.ts';
import { normaliseEmail } from './domain/account.ts';
import { identityRoutes } from './http/routes.ts';
import { adminIdentityRoutes } from './http/admin-routes.ts';
import { countNewUsers, listUsersForAdmin } from './db/admin-users.repo.ts';
import { userSearchTerms } from './domain/admin-search.ts';
import { toAdminUserView } from './app/user-view.ts';
import { isUuid } from '../../platform/uuid.ts';
import { identitySettings, type IdentitySettings } from './settings.ts';
import { identityRetentionRules } from './db/retention.repo.ts';

export interface IdentityOptions {
  readonly jwtSecret: string;
  readonly adminSignupSecret: string;
  readonly withdrawalBlockers?: readonly WithdrawalBlocker[];
  /** The start-up settings (settings.ts); their defaults when absent. */
  readonly settings?: IdentitySettings;
}

export const identityManifest = defineManifest('identity', { settings: identitySettings, tablesAt: import.meta.url });

export type { IdentityUseCases };

export function createIdentityModule(platform: Platform, options: IdentityOptions): Module & { api: IdentityApi; useCases: IdentityUseCases } {
  const settings = options.settings ?? defaultSettings(identitySettings);
  const deps: IdentityDeps = {
    platform,
    settings,
    tokens: createTokenService({
      secret: options.jwtSecret,
      accessTtlMs: settings.accessTokenTtlMs,
      refreshTtlMs: settings.refreshTokenTtlMs,
      deviceTtlMs: settings.deviceTokenTtlMs,
      clock: platform.clock,
    }),
    adminSignupSecret: options.adminSignupSecret,
    withdrawalBlockers: options.withdrawalBlockers ?? [],
  };
  const useCases = makeIdentityUseCases(deps);
  const api: IdentityApi = {
    verifyAccessToken: useCases.verifyAccessToken,
    async findUsers(ids): Promise<UserSummary[]> {
      const rows = await findUsersByIds(platform.database.db, ids);
      return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, preferredLanguage: r.preferred_language, status: r.status, slackUserId: r.slack_user_id }));
    },
    async findContact(id) {
      if (!isUuid(id)) return undefined;
      const row = await findUserById(platform.database.db, id);
      return row?.status === 'ACTIVE' ? { name: row.name, phone: row.phone } : undefined;
    },
    async searchUserIds(text, limit) {
      const terms = userSearchTerms(text);
      if (!terms) return [];
      const rows = await listUsersForAdmin(platform.database.db, { text: terms.text, phoneDigits: terms.phoneDigits }, { limit });
      return rows.slice(0, limit).map((row) => row.id);
    },
    async emailRegistered(email) {
      return (await findUserByEmail(platform.database.db, normaliseEmail(email))) !== undefined;
    },
    userCount: () => countUsers(platform.database.db),
    async activeUserCounts() {
      const byRole = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>;
      for (const row of await countActiveUsersByRole(platform.database.db)) byRole[row.role] = row.count;
      return { active: Object.values(byRole).reduce((sum, n) => sum + n, 0), byRole };
    },
    async findUserForAdmin(id) {
      if (!isUuid(id)) return undefined;
      const row = await findUserById(platform.database.db, id);
      return row ? toAdminUserView(row) : undefined;
    },
    async newUserSeries(range) {
      const rows = await countNewUsers(platform.database.db, range.from, range.to, range.granularity);
      return rows.map((row) => ({ start: row.start.toISOString(), count: row.count }));
    },
  };
  return { name: 'identity', routes: (app) => {
      identityRoutes(app, useCases);
      adminIdentityRoutes(app, useCases);
    },
    api, useCases, retention: identityRetentionRules };
}
