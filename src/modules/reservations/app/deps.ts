import type { Platform } from '../../../platform/module.ts';
import type { CaregiversApi } from '../../caregivers/contract.ts';
import type { TimeSettings } from '../domain/deadlines.ts';
import { DEFAULT_BOOKING_WINDOW, DEFAULT_PRICING, checkPricingSettings, type BookingWindow, type PricingSettings } from '../domain/pricing.ts';
import { DEFAULT_REFUND_POLICY, checkRefundPolicy, type RefundPolicySettings } from '../domain/refund-policy.ts';

// Everything the reservations use cases are built from, passed in explicitly.

export interface ReservationSettings extends TimeSettings {
  readonly pricing: PricingSettings;
  readonly bookingWindow: BookingWindow;
  readonly refundPolicy: RefundPolicySettings;
  /** How often the timers poll (ms). */
  readonly timerIntervalMs: number;
  /** Rows one timer transaction claims at most. */
  readonly timerBatchSize: number;
}

export interface ReservationsDeps {
  readonly platform: Platform;
  /** The caregivers module's contract: profiles (status, service types, rates, name) and region names. */
  readonly caregivers: Pick<CaregiversApi, 'getProfile' | 'normaliseRegion'>;
  readonly settings: ReservationSettings;
}

/** The tier names clients see: GUARDIAN_72H_OR_MORE, GUARDIAN_24H_OR_MORE, and GUARDIAN_UNDER_24H for the last. */
function tierName(tier: { minHoursBefore: number }, previous: { minHoursBefore: number } | undefined): string {
  if (tier.minHoursBefore > 0) return `GUARDIAN_${tier.minHoursBefore}H_OR_MORE`;
  return previous ? `GUARDIAN_UNDER_${previous.minHoursBefore}H` : 'GUARDIAN_ANY_TIME';
}

/** The settings: durations from the platform config (API.md names), the rest module defaults. */
export function reservationSettings(platform: Platform, overrides: Partial<ReservationSettings> = {}): ReservationSettings {
  const booking = platform.config.reservations;
  const { requestTtlMs, paymentTtlMs, minLeadMs, checkinOpensBeforeMs, autoCompleteAfterMs } = booking;
  const pricing = { ...DEFAULT_PRICING, nightSurchargeRate: booking.nightSurchargeRate, holidaySurchargeRate: booking.holidaySurchargeRate };
  const refundPolicy: RefundPolicySettings = {
    ...DEFAULT_REFUND_POLICY,
    guardianTiers: booking.refundTiers.map((tier, i, all) => ({ name: tierName(tier, all[i - 1]), ...tier })),
  };
  const problems = [...(checkPricingSettings(pricing).ok ? [] : ['pricing']), ...checkRefundPolicy(refundPolicy).map((e) => e.message)];
  if (problems.length > 0) throw new Error(`invalid booking settings: ${problems.join('; ')}`);
  return {
    requestTtlMs,
    paymentTtlMs,
    checkinOpensBeforeMs,
    autoCompleteAfterMs,
    pricing,
    bookingWindow: { ...DEFAULT_BOOKING_WINDOW, minLeadMs },
    refundPolicy,
    timerIntervalMs: 5_000,
    timerBatchSize: 50,
    ...overrides,
  };
}
