import type { Platform } from '../../../platform/module.ts';
import type { CaregiversApi } from '../../caregivers/contract.ts';
import type { IdentityApi } from '../../identity/contract.ts';
import type { PaymentsApi } from '../../payments/contract.ts';
import type { ReservationsApi } from '../../reservations/contract.ts';

// What the admin use cases read from: other modules' contracts only (in-process now, HTTP when split).
export interface AdminDeps {
  readonly platform: Platform;
  readonly reservations: Pick<ReservationsApi, 'countByStatus'>;
  readonly payments: Pick<PaymentsApi, 'paymentTotals'>;
  readonly identity: Pick<IdentityApi, 'activeUserCounts'>;
  readonly caregivers: Pick<CaregiversApi, 'countByStatus'>;
}
