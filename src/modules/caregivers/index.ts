import { defineManifest, type Module, type Platform } from '../../platform/module.ts';
import { defaultSettings } from '../../platform/settings.ts';
import { PROFILE_STATUSES, type CaregiversApi, type ProfileStatus } from './contract.ts';
import type { CaregiversDeps } from './app/deps.ts';
import { toContractProfile } from './app/profile-view.ts';
import { makeCaregiversUseCases, type CaregiversUseCases } from './app/use-cases.ts';
import { makeUserWithdrawnConsumer } from './app/user-withdrawn.ts';
import { makeBusySlotsConsumer } from './app/busy-slots-consumer.ts';
import { makeReviewRatingsConsumer } from './app/review-ratings-consumer.ts';
import { makeAccountSuspensionConsumer } from './app/account-suspension-consumer.ts';
import { caregiversRetentionRules } from './db/retention.repo.ts';
import { countProfilesByStatus, findProfileByUserId, findProfilesByIds, readProfileById } from './db/caregivers.repo.ts';
import { normaliseRegion } from './domain/regions.ts';
import { REGION_CATALOGUE } from './domain/regions.data.ts';
import { caregiverRoutes } from './http/routes.ts';
import { caregiversSettings, type CaregiversSettings } from './settings.ts';

export type { CaregiversUseCases } from './app/use-cases.ts';

export const caregiversManifest = defineManifest('caregivers', { settings: caregiversSettings, tablesAt: import.meta.url });

export function createCaregiversModule(
  platform: Platform,
  /** The start-up settings (settings.ts); their defaults when absent. */
  options: { settings?: CaregiversSettings } = {},
): Module & { api: CaregiversApi; useCases: CaregiversUseCases } {
  const deps: CaregiversDeps = { platform, settings: options.settings ?? defaultSettings(caregiversSettings) };
  const useCases = makeCaregiversUseCases(deps);
  const { db } = platform.database;
  const api: CaregiversApi = {
    async getProfile(id) {
      const row = await readProfileById(platform.database, id);
      return row && toContractProfile(row);
    },
    async findProfileByUserId(userId) {
      const row = await findProfileByUserId(db, userId);
      return row && toContractProfile(row);
    },
    normaliseRegion,
    regionCatalogue: () => REGION_CATALOGUE,
    // The same use case as GET /caregivers: same filters, same public items (certificate numbers masked).
    search: (filters) => useCases.searchProfiles(filters),
    async countByStatus() {
      const counts = Object.fromEntries(PROFILE_STATUSES.map((status) => [status, 0])) as Record<ProfileStatus, number>;
      for (const row of await countProfilesByStatus(db)) counts[row.status] = row.count;
      return counts;
    },
    async findApprovedProfiles(ids) {
      return (await findProfilesByIds(db, ids, { approvedOnly: true })).map(toContractProfile);
    },
  };
  return {
    name: 'caregivers',
    routes: (app) => caregiverRoutes(app, useCases),
    consumers: [makeUserWithdrawnConsumer(deps), makeBusySlotsConsumer(deps), makeReviewRatingsConsumer(deps), makeAccountSuspensionConsumer(deps)],
    retention: caregiversRetentionRules,
    api,
    useCases,
  };
}
