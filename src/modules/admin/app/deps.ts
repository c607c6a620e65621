import type { Platform } from '../../../platform/module.ts';
import type { CaregiversApi } from '../../caregivers/contract.ts';
import type { IdentityApi } from '../../identity/contract.ts';
import type { PaymentsApi } from '../../payments/contract.ts';
import type { ReservationsApi } from '../../reservations/contract.ts';
import type { ReviewsApi } from '../../reviews/contract.ts';
import type { SettlementsApi } from '../../settlements/contract.ts';

// What the admin use cases read from: other modules' contracts only (in-process now, HTTP when split).
export interface AdminDeps {
  readonly platform: Platform;
  readonly reservations: Pick<ReservationsApi, 'countByStatus' | 'statsSeries' | 'activeCaregiverCount' | 'listForUser'>;
  readonly payments: Pick<PaymentsApi, 'paymentTotals' | 'moneySeries' | 'listForUser'>;
  readonly identity: Pick<IdentityApi, 'activeUserCounts' | 'findUserForAdmin' | 'newUserSeries'>;
  readonly caregivers: Pick<CaregiversApi, 'countByStatus' | 'findProfileByUserId'>;
  readonly reviews: Pick<ReviewsApi, 'listForUser'>;
  readonly settlements: Pick<SettlementsApi, 'commissionSeries' | 'listForCaregiverUser'>;
}
