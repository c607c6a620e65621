import type { ProfileStatus } from '../caregivers/contract.ts';
import type { Role } from '../identity/contract.ts';
import type { PaymentTotals } from '../payments/contract.ts';
import type { ReservationStatus } from '../reservations/contract.ts';

// The admin module owns no data: it reads other modules through their contracts. Nothing depends on it.

/** GET /admin/stats: counts and money over the whole platform, as of `generatedAt`. */
export interface PlatformStats {
  readonly reservations: { readonly byStatus: Record<ReservationStatus, number> };
  readonly payments: PaymentTotals;
  readonly users: { readonly active: number; readonly byRole: Record<Role, number> };
  readonly caregivers: { readonly byStatus: Record<ProfileStatus, number> };
  readonly generatedAt: string;
}
