import type { FieldError } from '../../../platform/errors.ts';
import { kstShortTime } from '../../../platform/kst.ts';
import {
  checkBookingWindow,
  checkQuoteInput,
  type BookingWindow,
  type PricingSettings,
  type QuoteInput,
} from './pricing.ts';

// The time rules of a reservation. Pure: every instant is passed in.

export interface TimeSettings {
  /** An unanswered request expires this long after it was made (RESERVATION_REQUEST_TTL). */
  readonly requestTtlMs: number;
  /** An accepted, unpaid reservation expires this long after acceptance (RESERVATION_PAYMENT_TTL). */
  readonly paymentTtlMs: number;
  /** Check-in opens this long before the start (CHECKIN_OPENS_BEFORE). */
  readonly checkinOpensBeforeMs: number;
  /** A CONFIRMED or IN_PROGRESS reservation nobody checked out of completes this long after its end. */
  readonly autoCompleteAfterMs: number;
}

const min = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);

/**
 * When a new request expires: `requestTtlMs` after it was made, or at the start, whichever is first
 * (a request nobody answered before the care was to begin is of no use).
 */
export function requestExpiresAt(createdAt: Date, startAt: Date, settings: Pick<TimeSettings, 'requestTtlMs'>): Date {
  return min(new Date(createdAt.getTime() + settings.requestTtlMs), startAt);
}

/** When an accepted reservation expires unless paid: `paymentTtlMs` after acceptance or the start, whichever is first. */
export function paymentExpiresAt(acceptedAt: Date, startAt: Date, settings: Pick<TimeSettings, 'paymentTtlMs'>): Date {
  return min(new Date(acceptedAt.getTime() + settings.paymentTtlMs), startAt);
}

export type CheckInWindow = { readonly open: true } | { readonly open: false; readonly reason: 'TOO_EARLY' | 'ENDED'; readonly opensAt: Date };

/** Check-in is possible from `checkinOpensBeforeMs` before the start until the end (exclusive). */
export function checkInWindow(startAt: Date, endAt: Date, now: Date, settings: Pick<TimeSettings, 'checkinOpensBeforeMs'>): CheckInWindow {
  const opensAt = new Date(startAt.getTime() - settings.checkinOpensBeforeMs);
  if (now.getTime() < opensAt.getTime()) return { open: false, reason: 'TOO_EARLY', opensAt };
  if (now.getTime() >= endAt.getTime()) return { open: false, reason: 'ENDED', opensAt };
  return { open: true };
}

export type CheckOutWindow = { readonly open: true } | { readonly open: false; readonly opensAt: Date };

/**
 * Check-out is possible from the start on, however early the caregiver checked in: before it, checking out
 * would complete (and pay for) care not given, and take away the family's right to cancel.
 */
export function checkOutWindow(startAt: Date, now: Date): CheckOutWindow {
  return now.getTime() < startAt.getTime() ? { open: false, opensAt: startAt } : { open: true };
}

/** When a reservation still CONFIRMED or IN_PROGRESS completes by itself. */
export function autoCompletesAt(endAt: Date, settings: Pick<TimeSettings, 'autoCompleteAfterMs'>): Date {
  return new Date(endAt.getTime() + settings.autoCompleteAfterMs);
}

export const REMINDER_HOURS = [24, 1] as const;
export type ReminderHours = (typeof REMINDER_HOURS)[number];

export interface ReminderState {
  readonly startAt: Date;
  readonly reminded24h: boolean;
  readonly reminded1h: boolean;
}

/**
 * Which reminders of a CONFIRMED reservation to act on now. `send` goes out as events; `skip` is only
 * marked done: a 24 h reminder not sent by the time the 1 h one is due is superseded by it. Nothing is
 * sent once the start has passed.
 */
export function dueReminders(state: ReminderState, now: Date): { send: ReminderHours[]; skip: ReminderHours[] } {
  const left = state.startAt.getTime() - now.getTime();
  if (left <= 0) return { send: [], skip: [] };
  if (left <= 3_600_000) {
    return { send: state.reminded1h ? [] : [1], skip: state.reminded24h ? [] : [24] };
  }
  if (left <= 24 * 3_600_000 && !state.reminded24h) return { send: [24], skip: [] };
  return { send: [], skip: [] };
}

/**
 * A booking request's times and rate type: whole hours or 24 h days, at most the longest reservation,
 * and a start inside the booking window seen from `now`. Every problem at once.
 */
export function checkBookingTimes(
  input: Pick<QuoteInput, 'rateType' | 'startAt' | 'endAt'>,
  now: Date,
  pricing: PricingSettings,
  window: BookingWindow,
): readonly FieldError[] {
  // Rates are the caregiver's and checked when priced; placeholders keep this check to the times.
  const quoteCheck = checkQuoteInput({ ...input, hourlyRate: 1, dailyRate: 1 }, pricing);
  const errors = quoteCheck.ok ? [] : [...quoteCheck.errors];
  if (!errors.some((e) => e.field === 'startAt')) {
    const windowCheck = checkBookingWindow(input.startAt, now, window);
    if (!windowCheck.ok) errors.unshift(...windowCheck.errors);
  }
  return errors;
}

/** What the payer sees at checkout (Toss: at most 100 characters), e.g. "간병 예약 12/01 09:00 (김영희)", KST. */
export function orderName(startAt: Date, caregiverName: string): string {
  return `간병 예약 ${kstShortTime(startAt)} (${caregiverName})`.slice(0, 100);
}
