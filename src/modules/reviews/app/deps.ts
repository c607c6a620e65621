import type { Platform } from '../../../platform/module.ts';
import type { AiApi } from '../../ai/contract.ts';
import type { CaregiversApi } from '../../caregivers/contract.ts';
import type { IdentityApi } from '../../identity/contract.ts';
import type { ReservationsApi } from '../../reservations/contract.ts';

// Everything the reviews use cases are built from, passed in explicitly.
export interface ReviewsDeps {
  readonly platform: Platform;
  /** The author's name, masked for the public when the review is written. */
  readonly identity: Pick<IdentityApi, 'findUsers'>;
  /** Whether a caregiver is public (the review list of an unknown or unapproved caregiver is 404). */
  readonly caregivers: Pick<CaregiversApi, 'getProfile'>;
  /** Only to tell "your reservation is not finished" (409) from "not yours" (404). */
  readonly reservations: Pick<ReservationsApi, 'participants'>;
  /** GET /reviews/:id/translation. */
  readonly ai: Pick<AiApi, 'translate'>;
}
