import type { Platform } from '../../../platform/module.ts';
import type { CaregiversApi } from '../../caregivers/contract.ts';
import type { TimeSettings } from '../domain/deadlines.ts';
import { DEFAULT_BOOKING_WINDOW, DEFAULT_PRICING, type BookingWindow, type PricingSettings } from '../domain/pricing.ts';
import { DEFAULT_REFUND_POLICY, type RefundPolicySettings } from '../domain/refund-policy.ts';

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

const HOUR_MS = 3_600_000;

/** The settings: durations from the platform config (API.md names), the rest module defaults. */
export function reservationSettings(platform: Platform, overrides: Partial<ReservationSettings> = {}): ReservationSettings {
  const { requestTtlMs, paymentTtlMs, minLeadMs, checkinOpensBeforeMs } = platform.config.reservations;
  return {
    requestTtlMs,
    paymentTtlMs,
    checkinOpensBeforeMs,
    autoCompleteAfterMs: 6 * HOUR_MS,
    pricing: DEFAULT_PRICING,
    bookingWindow: { ...DEFAULT_BOOKING_WINDOW, minLeadMs },
    refundPolicy: DEFAULT_REFUND_POLICY,
    timerIntervalMs: 5_000,
    timerBatchSize: 50,
    ...overrides,
  };
}
