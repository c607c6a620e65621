import type { FieldError } from '../../../platform/errors.ts';
import { kstClock, kstYear } from '../../../platform/kst.ts';
import { HOLIDAY_YEARS, isCalendarYear, isKoreanHoliday } from './holidays.ts';

// Prices are fixed and all-in: the server computes every amount from the caregiver's rates and the platform
// settings. Pure: no clock, no I/O. Times are judged on the business calendar, Asia/Seoul (KST = UTC+9 all
// year; Korea keeps no daylight saving time, so a fixed offset is exact).
//
// Units. HOURLY: the booking is cut into 60-minute blocks counted from startAt (startAt need not be on a whole
// hour); DAILY: into 24-hour days counted from startAt. A unit is judged by the KST instant it starts:
// - NIGHT_SURCHARGE (hourly only): the block starts in the night window [nightStartHour, nightEndHour), e.g.
//   22:00-06:00 (a block starting 21:30 is a day block, one starting 05:30 a night block);
// - HOLIDAY_SURCHARGE: the unit starts on a Sunday or a Korean public holiday (holidays.ts). A DAILY day that
//   starts on Saturday 09:00 carries no surcharge even though most of it is Sunday; one starting Sunday does.
// A night block on a holiday carries both surcharges.
//
// Amounts are whole KRW: a surcharge's unit price is rate x surcharge rate rounded half up to the won, and a
// line's amount is units x unit price. Lines with no units (or a zero unit price) are left out.

export type RateType = 'HOURLY' | 'DAILY';
export const RATE_TYPES: readonly RateType[] = ['HOURLY', 'DAILY'];

export type QuoteLineKind = 'BASE' | 'NIGHT_SURCHARGE' | 'HOLIDAY_SURCHARGE';

export interface QuoteInput {
  readonly rateType: RateType;
  readonly startAt: Date;
  readonly endAt: Date;
  /** KRW per hour, used by HOURLY bookings. */
  readonly hourlyRate: number;
  /** KRW per 24 hours, used by DAILY bookings. */
  readonly dailyRate: number;
}

export interface PricingSettings {
  /** Fraction of the hourly rate added per night hour: 0.2 = +20 %. */
  readonly nightSurchargeRate: number;
  /** Fraction of the rate added per hour or day on a Sunday or holiday: 0.3 = +30 %. */
  readonly holidaySurchargeRate: number;
  /** KST hour the night window starts (inclusive), 0-23. */
  readonly nightStartHour: number;
  /** KST hour the night window ends (exclusive), 0-23; may be before nightStartHour (window over midnight). */
  readonly nightEndHour: number;
  /** Longest reservation, in days. */
  readonly maxDays: number;
}

export const DEFAULT_PRICING: PricingSettings = Object.freeze({
  nightSurchargeRate: 0.2,
  holidaySurchargeRate: 0.3,
  nightStartHour: 22,
  nightEndHour: 6,
  maxDays: 31,
});

export interface QuoteLine {
  readonly kind: QuoteLineKind;
  readonly description: string;
  readonly units: number;
  readonly unitPrice: number;
  readonly amount: number;
}

export interface Quote {
  readonly lines: readonly QuoteLine[];
  readonly totalAmount: number;
}

export type Check<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Highest accepted rate; keeps every amount far inside exact integer arithmetic. */
export const MAX_RATE = 100_000_000;
/** Surcharge rates are kept to 0.01 % steps so that unit prices are computed in exact integers. */
const RATE_SCALE = 10_000;

function timeOf(value: unknown): number {
  return value instanceof Date ? value.getTime() : Number.NaN;
}

const isHour = (hour: number) => Number.isInteger(hour) && hour >= 0 && hour <= 23;
const isScaledRate = (rate: number) =>
  Number.isFinite(rate) && rate >= 0 && rate <= 10 && Math.abs(rate * RATE_SCALE - Math.round(rate * RATE_SCALE)) < 1e-6;

/** Checks platform settings (for the config parser); quote() throws on settings that fail it. */
export function checkPricingSettings(settings: PricingSettings): Check<PricingSettings> {
  const errors: FieldError[] = [];
  for (const field of ['nightSurchargeRate', 'holidaySurchargeRate'] as const) {
    if (!isScaledRate(settings[field])) errors.push({ field, message: 'must be a fraction from 0 to 10 in steps of 0.0001' });
  }
  for (const field of ['nightStartHour', 'nightEndHour'] as const) {
    if (!isHour(settings[field])) errors.push({ field, message: 'must be an hour from 0 to 23' });
  }
  if (!Number.isInteger(settings.maxDays) || settings.maxDays < 1) errors.push({ field: 'maxDays', message: 'must be a positive integer' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: settings };
}

/** Checks a quote request: the rules of API.md "Quotes and reservations" that need no clock. */
export function checkQuoteInput(input: QuoteInput, settings: PricingSettings): Check<QuoteInput> {
  const errors: FieldError[] = [];
  const hourly = input.rateType === 'HOURLY';
  const knownRateType = RATE_TYPES.includes(input.rateType);
  if (!knownRateType) {
    errors.push({ field: 'rateType', message: 'must be HOURLY or DAILY' });
  } else {
    // Only the rate the booking uses must be valid.
    const rateField = hourly ? 'hourlyRate' : 'dailyRate';
    const rate = input[rateField];
    if (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE) {
      errors.push({ field: rateField, message: `must be a positive whole number of KRW up to ${MAX_RATE}` });
    }
  }
  const start = timeOf(input.startAt);
  const end = timeOf(input.endAt);
  if (Number.isNaN(start)) errors.push({ field: 'startAt', message: 'must be a valid date-time' });
  if (Number.isNaN(end)) errors.push({ field: 'endAt', message: 'must be a valid date-time' });
  if (errors.some((e) => e.field === 'startAt' || e.field === 'endAt')) return { ok: false, errors };

  const duration = end - start;
  if (duration <= 0) {
    errors.push({ field: 'endAt', message: 'must be after startAt' });
  } else if (knownRateType && duration % (hourly ? HOUR_MS : DAY_MS) !== 0) {
    const unit = hourly ? 'hours' : '24-hour days';
    errors.push({ field: 'endAt', message: `must be a whole number of ${unit} (at least 1) after startAt` });
  } else if (duration > settings.maxDays * DAY_MS) {
    errors.push({ field: 'endAt', message: `must be at most ${settings.maxDays} days after startAt` });
  }
  const range = `${HOLIDAY_YEARS.from}-${HOLIDAY_YEARS.to}`;
  if (!isCalendarYear(kstYear(start))) {
    errors.push({ field: 'startAt', message: `must fall in the years the holiday calendar covers (${range}, KST)` });
  } else if (duration > 0 && !isCalendarYear(kstYear(end - 1))) {
    errors.push({ field: 'endAt', message: `must fall in the years the holiday calendar covers (${range}, KST)` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: input };
}

function isNightHour(hour: number, { nightStartHour: from, nightEndHour: to }: PricingSettings): boolean {
  return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
}

/** rate x fraction, rounded half up to the won, in exact integer arithmetic. */
function surchargeUnitPrice(rate: number, fraction: number): number {
  const scaled = Math.round(fraction * RATE_SCALE);
  return Math.floor((rate * scaled + RATE_SCALE / 2) / RATE_SCALE);
}

const pad = (hour: number) => String(hour).padStart(2, '0');
const percent = (fraction: number) => `${Number((fraction * 100).toFixed(2))}%`;

function line(kind: QuoteLineKind, description: string, units: number, unitPrice: number): QuoteLine {
  return { kind, description, units, unitPrice, amount: units * unitPrice };
}

/** Prices a booking. Throws a RangeError on input that checkQuoteInput refuses or on bad settings. */
export function quote(input: QuoteInput, settings: PricingSettings): Quote {
  const settingsCheck = checkPricingSettings(settings);
  if (!settingsCheck.ok) throw new RangeError(`Invalid pricing settings: ${JSON.stringify(settingsCheck.errors)}`);
  const inputCheck = checkQuoteInput(input, settings);
  if (!inputCheck.ok) throw new RangeError(`Invalid quote input: ${JSON.stringify(inputCheck.errors)}`);

  const hourly = input.rateType === 'HOURLY';
  const unitMs = hourly ? HOUR_MS : DAY_MS;
  const rate = hourly ? input.hourlyRate : input.dailyRate;
  const start = input.startAt.getTime();
  const units = (input.endAt.getTime() - start) / unitMs;

  let nightUnits = 0;
  let holidayUnits = 0;
  for (let i = 0; i < units; i++) {
    const at = kstClock(start + i * unitMs);
    if (hourly && isNightHour(at.hour, settings)) nightUnits++;
    if (at.weekday === 0 || isKoreanHoliday(at.date)) holidayUnits++;
  }

  const { nightSurchargeRate, holidaySurchargeRate, nightStartHour, nightEndHour } = settings;
  const lines = [
    line('BASE', hourly ? '기본 요금 (시간제)' : '기본 요금 (일당제, 24시간)', units, rate),
    line(
      'NIGHT_SURCHARGE',
      `야간 할증 (${pad(nightStartHour)}:00-${pad(nightEndHour)}:00, ${percent(nightSurchargeRate)})`,
      nightUnits,
      surchargeUnitPrice(rate, nightSurchargeRate),
    ),
    line(
      'HOLIDAY_SURCHARGE',
      `휴일 할증 (일요일·공휴일, ${percent(holidaySurchargeRate)})`,
      holidayUnits,
      surchargeUnitPrice(rate, holidaySurchargeRate),
    ),
  ].filter((l) => l.amount > 0);
  return { lines, totalAmount: lines.reduce((sum, l) => sum + l.amount, 0) };
}

export interface BookingWindow {
  /** Least time from now to the start, in ms. */
  readonly minLeadMs: number;
  /** Furthest start from now, in days of 24 hours. */
  readonly maxAheadDays: number;
}

/** API.md: a reservation starts between 1 hour and 90 days from now. */
export const DEFAULT_BOOKING_WINDOW: BookingWindow = Object.freeze({ minLeadMs: HOUR_MS, maxAheadDays: 90 });

function describeMs(ms: number): string {
  if (ms % HOUR_MS === 0) return ms === HOUR_MS ? '1 hour' : `${ms / HOUR_MS} hours`;
  return `${Math.ceil(ms / 60_000)} minutes`;
}

/** Whether startAt lies within the booking window seen from `now` (both ends inclusive). */
export function checkBookingWindow(startAt: Date, now: Date, window: BookingWindow = DEFAULT_BOOKING_WINDOW): Check<Date> {
  const start = timeOf(startAt);
  if (Number.isNaN(start)) return { ok: false, errors: [{ field: 'startAt', message: 'must be a valid date-time' }] };
  const ahead = start - now.getTime();
  if (ahead < window.minLeadMs) {
    return { ok: false, errors: [{ field: 'startAt', message: `must be at least ${describeMs(window.minLeadMs)} from now` }] };
  }
  if (ahead > window.maxAheadDays * DAY_MS) {
    return { ok: false, errors: [{ field: 'startAt', message: `must be at most ${window.maxAheadDays} days from now` }] };
  }
  return { ok: true, value: startAt };
}
