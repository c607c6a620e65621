import type { Platform } from '../../../platform/module.ts';
import type { CaregiversApi } from '../../caregivers/contract.ts';
import type { ReservationSettings } from '../settings.ts';

// Everything the reservations use cases are built from, passed in explicitly.

export interface ReservationsDeps {
  readonly platform: Platform;
  /** The caregivers module's contract: profiles (status, service types, rates, name) and region names. */
  readonly caregivers: Pick<CaregiversApi, 'getProfile' | 'normaliseRegion'>;
  readonly settings: ReservationSettings;
}
