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

const ByStatus = CountsOf(RESERVATION_STATUSES, 'by their current status, every status present');

/** The figures of one period (a bucket, or the whole period summed). */
export const PeriodFigures = Type.Object({
  reservations: Type.Object({
    created: Type.Integer({ minimum: 0, description: 'reservations created in the period (bookings)' }),
    byStatus: ByStatus,
  }),
  grossAmount: Won('approved amounts of payments approved in the period (gross merchandise value)'),
  refundedAmount: Won('refunds made in the period, whenever their payment was approved'),
  commissionAmount: Won('platform commission of settlement lines of reservations finished in the period (settled ones only)'),
  newUsers: Type.Integer({ minimum: 0, description: 'accounts created in the period (withdrawn ones included)' }),
  activeCaregivers: Type.Integer({
    minimum: 0,
    description: 'distinct caregivers with a CONFIRMED, IN_PROGRESS or COMPLETED reservation starting in the period',
  }),
});
export type PeriodFigures = Static<typeof PeriodFigures>;

export const StatsBucket = Type.Object({
  start: Type.String({ format: 'date-time', description: 'the bucket start: KST midnight of a day, a Monday or a 1st' }),
  end: Type.String({ format: 'date-time', description: 'the next bucket start, or the period end for the last bucket' }),
  ...PeriodFigures.properties,
});
export type StatsBucket = Static<typeof StatsBucket>;

export const StatsPeriod = Type.Object({
  from: Type.String({ format: 'date-time', description: 'the start of the first bucket' }),
  to: Type.String({ format: 'date-time', description: 'the end (exclusive) of the period' }),
  granularity: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')]),
});
export type StatsPeriod = Static<typeof StatsPeriod>;

/** GET /admin/stats: counts and money over the whole platform, as of `generatedAt`, and over a period by bucket. */
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
    period: StatsPeriod,
    series: Type.Array(StatsBucket, { description: 'every bucket of the period in order, zeros where nothing happened' }),
    periodTotals: Type.Object(PeriodFigures.properties, {
      description: 'the series summed; activeCaregivers counted distinct over the whole period (not summed)',
    }),
  },
  { title: 'PlatformStats' },
);
export type PlatformStats = Static<typeof PlatformStats>;
