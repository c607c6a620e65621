import { defineManifest, type Module, type Platform } from '../../platform/module.ts';
import type { Poller } from '../../platform/poller.ts';
import type { SettlementsApi } from './contract.ts';
import type { SettlementsDeps } from './app/deps.ts';
import { makeFinishedReservationsConsumer, makeLedgerConsumer, makeUserWithdrawnConsumer } from './app/ledger.ts';
import { makeSchedulePoller, type ScheduleOutcome } from './app/schedule.ts';
import { makeSettlementsApi, makeSettlementsUseCases, type SettlementsUseCases } from './app/use-cases.ts';
import { rateToBasisPoints } from './domain/commission.ts';
import { settlementRoutes } from './http/routes.ts';
import { manualPayoutProvider } from './providers/manual.ts';
import type { PayoutProvider } from './providers/payout-provider.ts';
import { settlementsSettings, type SettlementsSettings } from './settings.ts';

export type { SettlementsUseCases } from './app/use-cases.ts';

export const settlementsManifest = defineManifest('settlements', { settings: settlementsSettings, tablesAt: import.meta.url });

export interface SettlementsOptions {
  readonly settings: SettlementsSettings;
  /** How settlements are paid out; manual bank transfer by default. */
  readonly payout?: PayoutProvider;
}

export function createSettlementsModule(
  platform: Platform,
  options: SettlementsOptions,
): Module & { useCases: SettlementsUseCases; api: SettlementsApi; schedule: Poller<ScheduleOutcome> } {
  const deps: SettlementsDeps = {
    platform,
    commissionBps: rateToBasisPoints(options.settings.commissionRate),
    schedule: options.settings.schedule,
    payout: options.payout ?? manualPayoutProvider,
  };
  const useCases = makeSettlementsUseCases(deps);
  const schedule = makeSchedulePoller(deps, useCases.runScheduled);
  return {
    name: 'settlements',
    routes: (app) => settlementRoutes(app, useCases),
    consumers: [makeLedgerConsumer(platform.clock), makeFinishedReservationsConsumer(), makeUserWithdrawnConsumer()],
    // Off (the default): no timer at all.
    workers: deps.schedule === 'off' ? [] : [schedule],
    useCases,
    api: makeSettlementsApi(deps, useCases),
    schedule,
  };
}
