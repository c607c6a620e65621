import type { FieldError } from '../../../platform/errors.ts';

// What a cancellation refunds, by API.md's policy (tiers are settings). Pure: `now` is passed in.
// - before payment (REQUESTED, ACCEPTED): nothing was paid, nothing is kept: tier BEFORE_PAYMENT;
// - the guardian cancelling a paid (CONFIRMED) reservation: the first tier, highest first, whose
//   `minHoursBefore` the time left before the start reaches (defaults: >= 72 h 100 %, >= 24 h 50 %, else 0 %;
//   a start already passed counts as 0 h left);
// - the caregiver (or an admin) cancelling a paid reservation: the full amount back.
// After check-in the state machine allows no cancellation at all, so no tier exists for it.
// The refund is rounded down to the won; the fee is the rest, so refund + fee = what was paid.

export interface RefundTier {
  readonly name: string;
  readonly minHoursBefore: number;
  /** 0-100 */
  readonly refundPercent: number;
}

export interface RefundPolicySettings {
  /** Highest minHoursBefore first; the last tier has minHoursBefore 0. */
  readonly guardianTiers: readonly RefundTier[];
  readonly caregiverRefundPercent: number;
  readonly adminRefundPercent: number;
}

export const DEFAULT_REFUND_POLICY: RefundPolicySettings = Object.freeze({
  guardianTiers: Object.freeze([
    { name: 'GUARDIAN_72H_OR_MORE', minHoursBefore: 72, refundPercent: 100 },
    { name: 'GUARDIAN_24H_OR_MORE', minHoursBefore: 24, refundPercent: 50 },
    { name: 'GUARDIAN_UNDER_24H', minHoursBefore: 0, refundPercent: 0 },
  ]),
  caregiverRefundPercent: 100,
  adminRefundPercent: 100,
});

export const BEFORE_PAYMENT_TIER = 'BEFORE_PAYMENT';
export const CAREGIVER_TIER = 'CAREGIVER_CANCELLED';
export const ADMIN_TIER = 'ADMIN_CANCELLED';

export type Canceller = 'GUARDIAN' | 'CAREGIVER' | 'ADMIN';

export interface CancellationInput {
  readonly paid: boolean;
  readonly paidAmount: number;
  readonly cancelledBy: Canceller;
  readonly startAt: Date;
  readonly now: Date;
}

export interface CancellationQuote {
  readonly refundAmount: number;
  readonly feeAmount: number;
  readonly tier: string;
}

const HOUR_MS = 3_600_000;
const isPercent = (p: number) => Number.isInteger(p) && p >= 0 && p <= 100;

export function checkRefundPolicy(settings: RefundPolicySettings): readonly FieldError[] {
  const errors: FieldError[] = [];
  const tiers = settings.guardianTiers;
  if (tiers.length === 0) errors.push({ field: 'guardianTiers', message: 'needs at least one tier' });
  tiers.forEach((tier, i) => {
    if (!isPercent(tier.refundPercent)) errors.push({ field: `guardianTiers[${i}].refundPercent`, message: 'must be an integer 0-100' });
    if (!(Number.isFinite(tier.minHoursBefore) && tier.minHoursBefore >= 0)) {
      errors.push({ field: `guardianTiers[${i}].minHoursBefore`, message: 'must be >= 0' });
    }
    const previous = tiers[i - 1];
    if (previous && !(previous.minHoursBefore > tier.minHoursBefore)) {
      errors.push({ field: `guardianTiers[${i}].minHoursBefore`, message: 'must be lower than the tier before' });
    }
  });
  if (tiers.length > 0 && tiers[tiers.length - 1]!.minHoursBefore !== 0) {
    errors.push({ field: `guardianTiers[${tiers.length - 1}].minHoursBefore`, message: 'the last tier must start at 0 hours' });
  }
  for (const field of ['caregiverRefundPercent', 'adminRefundPercent'] as const) {
    if (!isPercent(settings[field])) errors.push({ field, message: 'must be an integer 0-100' });
  }
  return errors;
}

function split(paidAmount: number, percent: number, tier: string): CancellationQuote {
  const refundAmount = Math.floor((paidAmount * percent) / 100);
  return { refundAmount, feeAmount: paidAmount - refundAmount, tier };
}

/** What cancelling now would refund and keep. Throws a RangeError on settings that checkRefundPolicy refuses. */
export function refundPolicy(input: CancellationInput, settings: RefundPolicySettings = DEFAULT_REFUND_POLICY): CancellationQuote {
  const problems = checkRefundPolicy(settings);
  if (problems.length > 0) throw new RangeError(`Invalid refund policy: ${JSON.stringify(problems)}`);
  if (!Number.isSafeInteger(input.paidAmount) || input.paidAmount < 0) throw new RangeError('paidAmount must be a whole number of KRW');
  if (!input.paid) return { refundAmount: 0, feeAmount: 0, tier: BEFORE_PAYMENT_TIER };
  if (input.cancelledBy === 'CAREGIVER') return split(input.paidAmount, settings.caregiverRefundPercent, CAREGIVER_TIER);
  if (input.cancelledBy === 'ADMIN') return split(input.paidAmount, settings.adminRefundPercent, ADMIN_TIER);
  const hoursLeft = Math.max(0, input.startAt.getTime() - input.now.getTime()) / HOUR_MS;
  const tiers = settings.guardianTiers;
  const tier = tiers.find((t) => hoursLeft >= t.minHoursBefore) ?? tiers[tiers.length - 1]!;
  return split(input.paidAmount, tier.refundPercent, tier.name);
}
