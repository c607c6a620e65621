import Type, { type Static } from 'typebox';
import { ROLES } from '../../platform/access.ts';
import { PROFILE_STATUSES } from '../caregivers/contract.ts';
import { RESERVATION_STATUSES } from '../reservations/contract.ts';

// The admin module owns no data: it reads other modules through their contracts. Nothing depends on it.

const Count = Type.Integer({ minimum: 0 });
const Won = (description: string) => Type.Integer({ description: `KRW: ${description}` });
/** Every key required: a status or role with nothing in it answers 0, never goes missing. */
const CountsOf = <K extends string>(keys: readonly K[], description: string) =>
  // Built from the list, typed by it: the type has exactly these keys, as the schema does.
  Type.Object(Object.fromEntries(keys.map((key) => [key, Count])) as Record<K, typeof Count>, { description, additionalProperties: false });

/** GET /admin/stats: counts and money over the whole platform, as of `generatedAt`. */
export const PlatformStats = Type.Object(
  {
    reservations: Type.Object({ byStatus: CountsOf(RESERVATION_STATUSES, 'reservations per status, every status present') }),
    payments: Type.Object({
      grossAmount: Won('approved amounts of every DONE, PARTIAL_CANCELED or CANCELED payment (gross merchandise value)'),
      refundedAmount: Won('the sum of every refund (cancel) of those payments'),
      netAmount: Won('grossAmount - refundedAmount'),
    }),
    users: Type.Object({
      active: Type.Integer({ minimum: 0, description: 'ACTIVE accounts: not suspended, not withdrawn' }),
      byRole: CountsOf(ROLES, 'ACTIVE accounts per role; they add up to `active`'),
    }),
    caregivers: Type.Object({ byStatus: CountsOf(PROFILE_STATUSES, 'caregiver profiles per review status, withdrawn caregivers left out') }),
    generatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'PlatformStats' },
);
export type PlatformStats = Static<typeof PlatformStats>;
