import type { Module, ModuleManifest, Platform, Worker } from '../platform/module.ts';
import { platformSettings } from '../platform/config.ts';
import { composeSettings, type SettingsOf } from '../platform/settings.ts';
import type { AccessTokenVerifier } from '../platform/access.ts';
import type { EventConsumer } from '../platform/events/event.ts';
import type { UserDirectory } from '../platform/user-names.ts';
import { createRetentionWorker } from '../platform/retention/retention.ts';
import { platformRetentionRules } from '../platform/retention/platform-rules.ts';
import { retentionSettings } from '../platform/retention/settings.ts';
import type { IdentityApi, WithdrawalBlocker } from './identity/contract.ts';
import type { CaregiversApi } from './caregivers/contract.ts';
import type { ReservationsApi } from './reservations/contract.ts';
import type { PaymentsApi } from './payments/contract.ts';
import type { ReviewsApi } from './reviews/contract.ts';
import type { SettlementsApi } from './settlements/contract.ts';
import type { AiApi } from './ai/contract.ts';
import { identityRemote } from './identity/remote.ts';
import { caregiversRemote } from './caregivers/remote.ts';
import { reservationsRemote } from './reservations/remote.ts';
import { paymentsRemote } from './payments/remote.ts';
import { reviewsRemote } from './reviews/remote.ts';
import { settlementsRemote } from './settlements/remote.ts';
import { aiRemote } from './ai/remote.ts';
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

/** The contracts other processes may call in split mode, by module (each module's remote.ts). */
export const REMOTE_CONTRACTS = {
  identity: identityRemote,
  caregivers: caregiversRemote,
  reservations: reservationsRemote,
  payments: paymentsRemote,
  reviews: reviewsRemote,
  settlements: settlementsRemote,
  ai: aiRemote,
} as const;

/** The api each remote-callable module gives the others. */
export interface ContractApis {
  readonly identity: IdentityApi;
  readonly caregivers: CaregiversApi;
  readonly reservations: ReservationsApi;
  readonly payments: PaymentsApi;
  readonly reviews: ReviewsApi;
  readonly settlements: SettlementsApi;
  readonly ai: AiApi;
}
export type RemoteModuleName = keyof ContractApis;

/** The module names `serve --modules` accepts, in the order their tables are created. */
export const MODULE_NAMES: readonly string[] = MODULE_MANIFESTS.map((manifest) => manifest.name);

/** Split mode (`serve --modules`): the modules this process runs, and the others' contracts over HTTP. */
export interface SplitModules {
  readonly modules: readonly string[];
  /** The module's contract client (src/split-serve.ts builds them from MODULE_URLS). */
  remote<K extends RemoteModuleName>(name: K): ContractApis[K];
}

interface BuiltModules {
  readonly identity: ReturnType<typeof createIdentityModule>;
  readonly caregivers: ReturnType<typeof createCaregiversModule>;
  readonly reservations: ReturnType<typeof createReservationsModule>;
  readonly payments: ReturnType<typeof createPaymentsModule>;
  readonly reviews: ReturnType<typeof createReviewsModule>;
  readonly notifications: ReturnType<typeof createNotificationsModule>;
  readonly admin: ReturnType<typeof createAdminModule>;
  readonly ai: ReturnType<typeof createAiModule>;
  readonly chat: ReturnType<typeof createChatModule>;
  readonly settlements: ReturnType<typeof createSettlementsModule>;
}

/** What a process runs: its modules with their consumers and workers, and how it checks access tokens. */
export interface ServiceModules {
  readonly modules: Module[];
  readonly consumers: EventConsumer[];
  readonly workers: Worker[];
  readonly retention: ReturnType<typeof createRetentionWorker>;
  readonly verifyAccessToken: AccessTokenVerifier;
}

// The split overload first: `ReturnType<typeof createModules>` (tests, the demo seeder) is the last one, the monolith's.
export function createModules(platform: Platform, secrets: ModuleSecrets, settings: ModuleSettings, split: SplitModules): ServiceModules & Partial<BuiltModules>;
export function createModules(platform: Platform, secrets: ModuleSecrets, settings: ModuleSettings): ServiceModules & BuiltModules;
export function createModules(platform: Platform, secrets: ModuleSecrets, settings: ModuleSettings, split?: SplitModules) {
  // One process (no `split`): every module, calling the others in process. Split mode: only the listed modules
  // are built, and a module that is not here is reached through its contract client (`apiOf`).
  const runs = (name: keyof BuiltModules): boolean => !split || split.modules.includes(name);
  const apiOf = <K extends RemoteModuleName>(name: K, local: { readonly api: ContractApis[K] } | undefined): ContractApis[K] =>
    local ? local.api : split!.remote(name);
  const caregivers = runs('caregivers') ? createCaregiversModule(platform, { settings: settings.caregivers }) : undefined;
  // Identity is built after reservations (its withdrawal check asks them); the admin lists reach it when asked.
  const users: UserDirectory = {
    findUsers: (ids) => apiOf('identity', identity).findUsers(ids),
    searchUserIds: (q, limit) => apiOf('identity', identity).searchUserIds(q, limit),
  };
  // The caregiver's view of a booking: earnings (settlements) and the family's contact (identity), both built later.
  const caregiverView = {
    earningsOf: (gross: number) => apiOf('settlements', settlements).expectedEarnings(gross),
    contactOf: (userId: string) => apiOf('identity', identity).findContact(userId),
  };
  const reservations = runs('reservations')
    ? createReservationsModule(platform, { caregivers: apiOf('caregivers', caregivers), settings: settings.reservations, users, caregiverView })
    : undefined;
  const payments = runs('payments')
    ? createPaymentsModule(platform, { reservations: apiOf('reservations', reservations), settings: settings.payments, users })
    : undefined;
  // API.md: DELETE /users/me is 409 ACTIVE_RESERVATIONS while the user has reservations not yet finished.
  const unfinishedReservations: WithdrawalBlocker = async (userId) =>
    (await apiOf('reservations', reservations).hasUnfinishedReservations(userId))
      ? { code: 'ACTIVE_RESERVATIONS', message: 'Finish or cancel your reservations before withdrawing' }
      : undefined;
  const identity = runs('identity')
    ? createIdentityModule(platform, { ...secrets, withdrawalBlockers: [unfinishedReservations], settings: settings.identity })
    : undefined;
  const ai = runs('ai') ? createAiModule(platform, { settings: settings.ai, caregivers: apiOf('caregivers', caregivers) }) : undefined;
  const reviews = runs('reviews')
    ? createReviewsModule(platform, {
        identity: apiOf('identity', identity),
        caregivers: apiOf('caregivers', caregivers),
        reservations: apiOf('reservations', reservations),
        ai: apiOf('ai', ai),
      })
    : undefined;
  const notifications = runs('notifications')
    ? createNotificationsModule(platform, { identity: apiOf('identity', identity), settings: settings.notifications })
    : undefined;
  const chat = runs('chat')
    ? createChatModule(platform, { identity: apiOf('identity', identity), caregivers: apiOf('caregivers', caregivers), ai: apiOf('ai', ai) })
    : undefined;
  const settlements = runs('settlements') ? createSettlementsModule(platform, { settings: settings.settlements }) : undefined;
  const admin = runs('admin')
    ? createAdminModule(platform, {
        reservations: apiOf('reservations', reservations),
        payments: apiOf('payments', payments),
        identity: apiOf('identity', identity),
        caregivers: apiOf('caregivers', caregivers),
        reviews: apiOf('reviews', reviews),
        settlements: apiOf('settlements', settlements),
      })
    : undefined;
  const modules: Module[] = [identity, caregivers, reservations, payments, reviews, notifications, admin, ai, chat, settlements].filter(
    (module) => module !== undefined,
  );
  const consumers: EventConsumer[] = modules.flatMap((m) => m.consumers ?? []);
  const retention = createRetentionWorker(platform, settings.retention, [...platformRetentionRules, ...modules.flatMap((m) => m.retention ?? [])]);
  const workers: Worker[] = [...modules.flatMap((m) => m.workers ?? []), ...(settings.retention.enabled ? [retention] : [])];
  const verifyAccessToken: AccessTokenVerifier = apiOf('identity', identity).verifyAccessToken;
  return { modules, consumers, workers, retention, verifyAccessToken, identity, caregivers, reservations, payments, reviews, notifications, admin, ai, chat, settlements };
}
