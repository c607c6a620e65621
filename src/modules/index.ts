import type { Module, ModuleManifest, Platform, Worker } from '../platform/module.ts';
import { platformSettings } from '../platform/config.ts';
import { composeSettings, type SettingsOf } from '../platform/settings.ts';
import type { AccessTokenVerifier } from '../platform/access.ts';
import type { EventConsumer } from '../platform/events/event.ts';
import type { UserDirectory } from '../platform/user-names.ts';
import { createRetentionWorker } from '../platform/retention/retention.ts';
import { platformRetentionRules } from '../platform/retention/platform-rules.ts';
import { retentionSettings } from '../platform/retention/settings.ts';
import type { WithdrawalBlocker } from './identity/contract.ts';
import { createIdentityModule, identityManifest } from './identity/index.ts';
import { caregiversManifest, createCaregiversModule } from './caregivers/index.ts';
import { createReservationsModule, reservationsManifest } from './reservations/index.ts';
import { createPaymentsModule, paymentsManifest } from './payments/index.ts';
import { createNotificationsModule, notificationsManifest } from './notifications/index.ts';
import { createReviewsModule, reviewsManifest } from './reviews/index.ts';
import { adminManifest, createAdminModule } from './admin/index.ts';
import { aiManifest, createAiModule } from './ai/index.ts';
import { chatManifest, createChatModule } from './chat/index.ts';
import { createSettlementsModule, settlementsManifest } from './settlements/index.ts';

// The one place that knows every module and wires them through their contracts.

/** Every module's manifest, in the order their tables are created, after the platform's (migrations.ts). */
export const MODULE_MANIFESTS: readonly ModuleManifest[] = [
  identityManifest,
  caregiversManifest,
  reservationsManifest,
  paymentsManifest,
  notificationsManifest,
  reviewsManifest,
  settlementsManifest,
  adminManifest,
  aiManifest,
  chatManifest,
];

/** Every module's settings under its name. */
export const moduleSettings = composeSettings({
  identity: identityManifest.settings,
  caregivers: caregiversManifest.settings,
  reservations: reservationsManifest.settings,
  payments: paymentsManifest.settings,
  notifications: notificationsManifest.settings,
  ai: aiManifest.settings,
  settlements: settlementsManifest.settings,
  // Retention periods of every module's records: one policy, read by the platform's retention worker.
  retention: retentionSettings,
});

export type ModuleSettings = SettingsOf<typeof moduleSettings>;

/** What start-up reads from the environment, in one pass: `loadSettings(process.env, startupSettings)`. */
export const startupSettings = composeSettings({ config: platformSettings, modules: moduleSettings });

export interface ModuleSecrets {
  readonly jwtSecret: string;
  readonly adminSignupSecret: string;
}

export function createModules(platform: Platform, secrets: ModuleSecrets, settings: ModuleSettings) {
  const caregivers = createCaregiversModule(platform, { settings: settings.caregivers });
  // Identity is built after reservations (its withdrawal check asks them); the admin lists reach it when asked.
  const users: UserDirectory = { findUsers: (ids) => identity.api.findUsers(ids), searchUserIds: (q, limit) => identity.api.searchUserIds(q, limit) };
  // The caregiver's view of a booking: earnings (settlements) and the family's contact (identity), both built later.
  const caregiverView = {
    earningsOf: (gross: number) => settlements.api.expectedEarnings(gross),
    contactOf: (userId: string) => identity.api.findContact(userId),
  };
  const reservations = createReservationsModule(platform, { caregivers: caregivers.api, settings: settings.reservations, users, caregiverView });
  const payments = createPaymentsModule(platform, { reservations: reservations.api, settings: settings.payments, users });
  // API.md: DELETE /users/me is 409 ACTIVE_RESERVATIONS while the user has reservations not yet finished.
  const unfinishedReservations: WithdrawalBlocker = async (userId) =>
    (await reservations.api.hasUnfinishedReservations(userId))
      ? { code: 'ACTIVE_RESERVATIONS', message: 'Finish or cancel your reservations before withdrawing' }
      : undefined;
  const identity = createIdentityModule(platform, { ...secrets, withdrawalBlockers: [unfinishedReservations], settings: settings.identity });
  const ai = createAiModule(platform, { settings: settings.ai, caregivers: caregivers.api });
  const reviews = createReviewsModule(platform, { identity: identity.api, caregivers: caregivers.api, reservations: reservations.api, ai: ai.api });
  const notifications = createNotificationsModule(platform, { identity: identity.api, settings: settings.notifications });
  const chat = createChatModule(platform, { identity: identity.api, caregivers: caregivers.api, ai: ai.api });
  const settlements = createSettlementsModule(platform, { settings: settings.settlements });
  const admin = createAdminModule(platform, {
    reservations: reservations.api,
    payments: payments.api,
    identity: identity.api,
    caregivers: caregivers.api,
    reviews: reviews.api,
    settlements: settlements.api,
  });
  const modules: Module[] = [identity, caregivers, reservations, payments, reviews, notifications, admin, ai, chat, settlements];
  const consumers: EventConsumer[] = modules.flatMap((m) => m.consumers ?? []);
  const retention = createRetentionWorker(platform, settings.retention, [...platformRetentionRules, ...modules.flatMap((m) => m.retention ?? [])]);
  const workers: Worker[] = [...modules.flatMap((m) => m.workers ?? []), ...(settings.retention.enabled ? [retention] : [])];
  const verifyAccessToken: AccessTokenVerifier = identity.api.verifyAccessToken;
  return { modules, consumers, workers, retention, verifyAccessToken, identity, caregivers, reservations, payments, reviews, notifications, admin, ai, chat, settlements };
}
