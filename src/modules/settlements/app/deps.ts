import type { Platform } from '../../../platform/module.ts';
import type { Schedule } from '../domain/period.ts';
import type { PayoutProvider } from '../providers/payout-provider.ts';

// Everything the settlements use cases are built from, passed in explicitly.
export interface SettlementsDeps {
  readonly platform: Platform;
  /** The current commission rate in basis points (1000 = 10 %); a settlement keeps the rate it was made with. */
  readonly commissionBps: number;
  readonly schedule: Schedule;
  readonly payout: PayoutProvider;
}
