import type { Platform } from '../../../platform/module.ts';
import { createDatabaseSandboxStore } from '../db/sandbox-store.repo.ts';
import type { PaymentProvider } from '../providers/provider.ts';
import { createSandboxProvider, type SandboxProvider } from '../providers/sandbox.ts';
import { createTossProvider } from '../providers/toss.ts';
import type { PaymentsSettings } from '../settings.ts';
import { SANDBOX_CLIENT_KEY } from './deps.ts';

export interface ChosenProvider {
  readonly provider: PaymentProvider;
  readonly sandbox: SandboxProvider | undefined;
  readonly clientKey: string;
  /** Stops the provider's timers (the Toss circuit breaker). */
  close(): void;
}

/** The provider PAYMENT_PROVIDER asks for: the real Toss API, or the embedded sandbox. */
export function chooseProvider(platform: Platform, payment: PaymentsSettings): ChosenProvider {
  if (payment.provider === 'toss') {
    // settings.ts refuses to start without both keys when the provider is toss.
    const toss = createTossProvider({
      secretKey: payment.tossSecretKey ?? '',
      apiUrl: payment.tossApiUrl,
      logger: platform.logger.child({ component: 'toss' }),
    });
    return { provider: toss, sandbox: undefined, clientKey: payment.tossClientKey ?? '', close: () => toss.close() };
  }
  // The sandbox keeps its state in a table, so its payments outlive a restart like Toss's would.
  const sandbox = createSandboxProvider({ clock: platform.clock, store: createDatabaseSandboxStore(platform.database.db) });
  return { provider: sandbox, sandbox, clientKey: SANDBOX_CLIENT_KEY, close: () => undefined };
}
