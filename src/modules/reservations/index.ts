import { defineManifest, type Module, type Platform } from '../../platform/module.ts';
import { defaultSettings } from '../../platform/settings.ts';
import { NO_USERS, type UserDirectory } from '../../platform/user-names.ts';
import type { ReservationsApi } from './contract.ts';
import { makeReservationsApi } from './app/api.ts';
import type { ReservationsDeps } from './app/deps.ts';
import { makeLiveState } from './app/live-state.ts';
import { makePaymentConfirmedConsumer } from './app/payment-confirmed.ts';
import { makeReservationTimers, type ReservationTimers } from './app/timers.ts';
import { makeReservationsUseCases, type ReservationsUseCases } from './app/use-cases.ts';
import { makeUserWithdrawnConsumer } from './app/user-withdrawn.ts';
import { makeAccountSuspendedConsumer } from './app/account-suspended.ts';
import { reservationRoutes } from './http/routes.ts';
import { reservationSettings, type ReservationSettings } from './settings.ts';
import { reservationsRetentionRules } from './db/retention.repo.ts';

export type { ReservationsUseCases } from './app/use-cases.ts';
export type { ReservationSettings } from './settings.ts';
export type { ReservationTimers } from './app/timers.ts';

export interface ReservationsOptions {
  readonly caregivers: ReservationsDeps['caregivers'];
  /** The identity module's contract (findUsers, searchUserIds) for the admin list; nobody is known when absent. */
  readonly users?: UserDirectory;
  /** The start-up settings (settings.ts), or some of them over the defaults (tests). */
  readonly settings?: Partial<ReservationSettings>;
  /** Earnings and the family's contact in the caregiver's view; left out when absent. */
  readonly caregiverView?: ReservationsDeps['caregiverView'];
}

export const reservationsManifest = defineManifest('reservations', { settings: reservationSettings, tablesAt: import.meta.url });

export function createReservationsModule(
  platform: Platform,
  options: ReservationsOptions,
): Module & { api: ReservationsApi; useCases: ReservationsUseCases; timers: ReservationTimers; settings: ReservationSettings } {
  const settings: ReservationSettings = { ...defaultSettings(reservationSettings), ...options.settings };
  const deps: ReservationsDeps = { platform, caregivers: options.caregivers, settings, users: options.users ?? NO_USERS, ...(options.caregiverView ? { caregiverView: options.caregiverView } : {}) };
  const live = makeLiveState(deps);
  const useCases = makeReservationsUseCases(deps, live);
  const timers = makeReservationTimers(deps);
  return {
    name: 'reservations',
    routes: (app) => reservationRoutes(app, useCases),
    consumers: [makePaymentConfirmedConsumer(deps), live.consumer, makeUserWithdrawnConsumer(deps), makeAccountSuspendedConsumer(deps)],
    workers: [timers],
    retention: reservationsRetentionRules,
    api: makeReservationsApi(deps),
    useCases,
    timers,
    settings,
  };
}
