import { defineSettings } from '../../platform/settings.ts';
import type { TimeSettings } from './domain/deadlines.ts';
import { DEFAULT_BOOKING_WINDOW, DEFAULT_PRICING, checkPricingSettings, type BookingWindow, type PricingSettings } from './domain/pricing.ts';
import { DEFAULT_REFUND_POLICY, checkRefundPolicy, type RefundPolicySettings } from './domain/refund-policy.ts';

// The reservations module's settings: booking times, surcharges and refund tiers from the environment
// (API.md's names, README's Configuration table), the rest module defaults.

export interface ReservationSettings extends TimeSettings {
  readonly pricing: PricingSettings;
  readonly bookingWindow: BookingWindow;
  readonly refundPolicy: RefundPolicySettings;
  /** How often the timers poll (ms). */
  readonly timerIntervalMs: number;
  /** Rows one timer transaction claims at most. */
  readonly timerBatchSize: number;
}

export const reservationSettings = defineSettings((read): ReservationSettings => {
  const pricing: PricingSettings = {
    ...DEFAULT_PRICING,
    nightSurchargeRate: read.rate('NIGHT_SURCHARGE_RATE', 0.2),
    holidaySurchargeRate: read.rate('HOLIDAY_SURCHARGE_RATE', 0.3),
  };
  const tiers = read.parsed(
    'CANCELLATION_REFUND_TIERS',
    '72h:100,24h:50,0h:0',
    parseRefundTiers,
    'list hours:percent from the longest notice down to 0h, like 72h:100,24h:50,0h:0',
  );
  const refundPolicy: RefundPolicySettings = {
    ...DEFAULT_REFUND_POLICY,
    guardianTiers: tiers.map((tier, i, all) => ({ name: tierName(tier, all[i - 1]), ...tier })),
  };
  // The domain's own checks catch what the readers cannot (e.g. a rate finer than 0.0001).
  const pricingCheck = checkPricingSettings(pricing);
  for (const error of [...(pricingCheck.ok ? [] : pricingCheck.errors), ...checkRefundPolicy(refundPolicy)]) {
    read.problem(`booking settings: ${error.field} ${error.message}`);
  }
  return {
    requestTtlMs: read.duration('RESERVATION_REQUEST_TTL', '24h'),
    paymentTtlMs: read.duration('RESERVATION_PAYMENT_TTL', '24h'),
    checkinOpensBeforeMs: read.duration('CHECKIN_OPENS_BEFORE', '1h'),
    autoCompleteAfterMs: read.duration('RESERVATION_AUTO_COMPLETE_AFTER', '6h'),
    pricing,
    bookingWindow: { ...DEFAULT_BOOKING_WINDOW, minLeadMs: read.duration('RESERVATION_MIN_LEAD', '1h') },
    refundPolicy,
    timerIntervalMs: 5_000,
    timerBatchSize: 50,
  };
});

/** `72h:100,24h:50,0h:0` -> tiers, longest notice first, ending at 0 h; undefined when malformed. */
export function parseRefundTiers(text: string): { minHoursBefore: number; refundPercent: number }[] | undefined {
  const tiers: { minHoursBefore: number; refundPercent: number }[] = [];
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)h:(\d{1,3})\s*$/.exec(part);
    if (!match) return undefined;
    const tier = { minHoursBefore: Number(match[1]), refundPercent: Number(match[2]) };
    const previous = tiers[tiers.length - 1];
    if (tier.refundPercent > 100 || (previous && tier.minHoursBefore >= previous.minHoursBefore)) return undefined;
    tiers.push(tier);
  }
  return tiers[tiers.length - 1]?.minHoursBefore === 0 ? tiers : undefined;
}

/** The tier names clients see: GUARDIAN_72H_OR_MORE, GUARDIAN_24H_OR_MORE, and GUARDIAN_UNDER_24H for the last. */
function tierName(tier: { minHoursBefore: number }, previous: { minHoursBefore: number } | undefined): string {
  if (tier.minHoursBefore > 0) return `GUARDIAN_${tier.minHoursBefore}H_OR_MORE`;
  return previous ? `GUARDIAN_UNDER_${previous.minHoursBefore}H` : 'GUARDIAN_ANY_TIME';
}
