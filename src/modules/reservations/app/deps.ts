import type { Platform } from '../../../platform/module.ts';
import type { UserDirectory } from '../../../platform/user-names.ts';
import type { CaregiversApi } from '../../caregivers/contract.ts';
import type { CaregiverEarnings } from '../../settlements/contract.ts';
import type { ReservationSettings } from '../settings.ts';

// Everything the reservations use cases are built from, passed in explicitly.

export interface ReservationsDeps {
  readonly platform: Platform;
  /** The caregivers module's contract: profiles (status, service types, rates, name) and region names. */
  readonly caregivers: Pick<CaregiversApi, 'getProfile' | 'normaliseRegion'>;
  readonly settings: ReservationSettings;
  /** Accounts by id and by name/email/phone (the identity module's contract): the admin list's names and `q`. */
  readonly users: UserDirectory;
  /** The caregiver's view (caregiver-extras.ts): earnings by the settlements contract, the family's contact from identity. */
  readonly caregiverView?: CaregiverViewPorts;
}

export interface CaregiverViewPorts {
  earningsOf(grossAmount: number): Promise<CaregiverEarnings>;
  contactOf(userId: string): Promise<{ name: string; phone: string | null } | undefined>;
}
