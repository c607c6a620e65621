import { defineManifest, type Module, type Platform } from '../../platform/module.ts';
import { defaultSettings } from '../../platform/settings.ts';
import { NO_USERS, type UserDirectory } from '../../platform/user-names.ts';
import type { ReservationsApi } from '../reservations/contract.ts';
import type { PaymentsApi } from './contract.ts';
import type { PaymentsDeps } from './app/deps.ts';
import { chooseProvider } from './app/provider-choice.ts';
import { instrumentPaymentProvider } from './providers/metrics.ts';
import { makePaymentRefusedConsumer, makeReservationCancelledConsumer } from './app/refund-requests.ts';
import { createSagaWorker } from './app/saga-worker.ts';
import { makePaymentsUseCases, type PaymentsUseCases } from './app/use-cases.ts';
import { paymentRoutes } from './http/routes.ts';
import type { PaymentProvider } from './providers/provider.ts';
import { paymentsSettings, type PaymentsSettings } from './settings.ts';
import { paymentsRetentionRules } from './db/retention.repo.ts';

export type { PaymentsUseCases } from './app/use-cases.ts';

export interface PaymentsOptions {
  readonly reservations: ReservationsApi;
  /** The identity module's contract (findUsers, searchUserIds) for the admin list; nobody is known when absent. */
  readonly users?: UserDirectory;
  /** Instead of the provider the configuration asks for (tests: a Toss client with short timeouts). */
  readonly provider?: PaymentProvider;
  /** The start-up settings (settings.ts); their defaults when absent. */
  readonly settings?: PaymentsSettings;
}

export const paymentsManifest = defineManifest('payments', { settings: paymentsSettings, tablesAt: import.meta.url });

export function createPaymentsModule(
  platform: Platform,
  options: PaymentsOptions,
): Module & { api: PaymentsApi; useCases: PaymentsUseCases; provider: PaymentProvider } {
  const settings = options.settings ?? defaultSettings(paymentsSettings);
  const chosen = options.provider
    ? { provider: options.provider, sandbox: undefined, clientKey: settings.tossClientKey ?? '', close: () => undefined }
    : chooseProvider(platform, settings);
  const logger = platform.logger.child({ module: 'payments' });
  let kick = (): void => undefined;
  const deps: PaymentsDeps = {
    platform,
    logger,
    // Measured (calls, latency, circuit state) for /metrics; the module's `provider` below stays the raw one.
    provider: instrumentPaymentProvider(chosen.provider, platform.metrics),
    sandbox: chosen.sandbox,
    reservations: options.reservations,
    users: options.users ?? NO_USERS,
    clientKey: chosen.clientKey,
    refundsRequested: () => kick(),
  };
  const useCases = makePaymentsUseCases(deps);
  const worker = createSagaWorker(platform.poller, useCases, { onStop: chosen.close });
  kick = worker.kick;
  return {
    name: 'payments',
    routes: (app) => paymentRoutes(app, useCases, { platform, sandbox: chosen.sandbox !== undefined }),
    consumers: [makeReservationCancelledConsumer(deps), makePaymentRefusedConsumer(deps)],
    workers: [worker],
    retention: paymentsRetentionRules,
    api: {
      settledAmounts: useCases.settledAmounts,
      paymentTotals: useCases.paymentTotals,
      moneySeries: useCases.moneySeries,
      listForUser: useCases.paymentsOfUser,
    },
    useCases,
    provider: chosen.provider,
  };
}
