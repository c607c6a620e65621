import type { Module, Platform, Worker } from '../platform/module.ts';
import type { AccessTokenVerifier } from '../platform/http/access.ts';
import type { EventConsumer } from '../platform/events/event.ts';
import type { WithdrawalBlocker } from './identity/contract.ts';
import { createIdentityModule } from './identity/index.ts';
import { createCaregiversModule } from './caregivers/index.ts';
import { createReservationsModule } from './reservations/index.ts';
import { createPaymentsModule } from './payments/index.ts';
import { createNotificationsModule } from './notifications/index.ts';
import { createReviewsModule } from './reviews/index.ts';
import { createAdminModule } from './admin/index.ts';

// The one place that knows every module and wires them through their contracts.

export interface ModuleSecrets {
  readonly jwtSecret: string;
  readonly adminSignupSecret: string;
}

export function createModules(platform: Platform, secrets: ModuleSecrets) {
  const caregivers = createCaregiversModule(platform);
  const reservations = createReservationsModule(platform, { caregivers: caregivers.api });
  const payments = createPaymentsModule(platform, { reservations: reservations.api });
  // API.md: DELETE /users/me is 409 ACTIVE_RESERVATIONS while the user has reservations not yet finished.
  const unfinishedReservations: WithdrawalBlocker = async (userId) =>
    (await reservations.api.hasUnfinishedReservations(userId))
      ? { code: 'ACTIVE_RESERVATIONS', message: 'Finish or cancel your reservations before withdrawing' }
      : undefined;
  const identity = createIdentityModule(platform, { ...secrets, withdrawalBlockers: [unfinishedReservations] });
  const reviews = createReviewsModule(platform, { identity: identity.api, caregivers: caregivers.api, reservations: reservations.api });
  const notifications = createNotificationsModule(platform, { identity: identity.api });
  const admin = createAdminModule(platform, {
    reservations: reservations.api,
    payments: payments.api,
    identity: identity.api,
    caregivers: caregivers.api,
  });
  const modules: Module[] = [identity, caregivers, reservations, payments, reviews, notifications, admin];
  const consumers: EventConsumer[] = modules.flatMap((m) => m.consumers ?? []);
  const workers: Worker[] = modules.flatMap((m) => m.workers ?? []);
  const verifyAccessToken: AccessTokenVerifier = identity.api.verifyAccessToken;
  return { modules, consumers, workers, verifyAccessToken, identity, caregivers, reservations, payments, reviews, notifications, admin };
}
