import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkBookingWindow,
  checkPricingSettings,
  checkQuoteInput,
  DAY_MS,
  DEFAULT_BOOKING_WINDOW,
  DEFAULT_PRICING,
  HOUR_MS,
  quote,
  type PricingSettings,
  type Quote,
  type QuoteInput,
  type RateType,
} from './pricing.ts';
import { isKoreanHoliday } from './holidays.ts';
import { kstClock } from '../../../platform/kst.ts';

/** A KST wall-clock time, e.g. kst('2026-03-10T09:00'). */
const kst = (local: string) => new Date(`${local}:00+09:00`);
const HOURLY = 15_000;
const DAILY = 120_000;

function hourly(from: string, to: string, hourlyRate = HOURLY): QuoteInput {
  return { rateType: 'HOURLY', startAt: kst(from), endAt: kst(to), hourlyRate, dailyRate: DAILY };
}

function daily(from: string, days: number, dailyRate = DAILY): QuoteInput {
  const startAt = kst(from);
  return { rateType: 'DAILY', startAt, endAt: new Date(startAt.getTime() + days * DAY_MS), hourlyRate: HOURLY, dailyRate };
}

const summary = (q: Quote) => q.lines.map((l) => `${l.kind} ${l.units} x ${l.unitPrice} = ${l.amount}`);
const unitsOf = (q: Quote, kind: string) => q.lines.find((l) => l.kind === kind)?.units ?? 0;
const errorsOf = (input: QuoteInput, settings: PricingSettings = DEFAULT_PRICING) => {
  const check = checkQuoteInput(input, settings);
  return check.ok ? [] : check.errors;
};

describe('quote: examples', () => {
  it('a weekday day shift is the base rate only', () => {
    const q = quote(hourly('2026-03-10T09:00', '2026-03-10T18:00'), DEFAULT_PRICING); // Tuesday
    expect(q.lines).toEqual([{ kind: 'BASE', description: '기본 요금 (시간제)', units: 9, unitPrice: 15_000, amount: 135_000 }]);
    expect(q.totalAmount).toBe(135_000);
  });

  it('an overnight shift pays the night surcharge for 22:00-06:00 only', () => {
    const q = quote(hourly('2026-03-10T20:00', '2026-03-11T08:00'), DEFAULT_PRICING);
    expect(q.lines).toEqual([
      { kind: 'BASE', description: '기본 요금 (시간제)', units: 12, unitPrice: 15_000, amount: 180_000 },
      { kind: 'NIGHT_SURCHARGE', description: '야간 할증 (22:00-06:00, 20%)', units: 8, unitPrice: 3_000, amount: 24_000 },
    ]);
    expect(q.totalAmount).toBe(204_000);
  });

  it('a Sunday pays the holiday surcharge for every hour', () => {
    const q = quote(hourly('2026-03-15T10:00', '2026-03-15T14:00'), DEFAULT_PRICING);
    expect(q.lines).toEqual([
      { kind: 'BASE', description: '기본 요금 (시간제)', units: 4, unitPrice: 15_000, amount: 60_000 },
      { kind: 'HOLIDAY_SURCHARGE', description: '휴일 할증 (일요일·공휴일, 30%)', units: 4, unitPrice: 4_500, amount: 18_000 },
    ]);
    expect(q.totalAmount).toBe(78_000);
  });

  it('a 설날 night pays both surcharges for the night hours still on the holiday', () => {
    // 2026-02-18 is the last day of 설날; 02-19 is an ordinary Thursday.
    const q = quote(hourly('2026-02-18T20:00', '2026-02-19T02:00'), DEFAULT_PRICING);
    expect(summary(q)).toEqual(['BASE 6 x 15000 = 90000', 'NIGHT_SURCHARGE 4 x 3000 = 12000', 'HOLIDAY_SURCHARGE 4 x 4500 = 18000']);
    expect(q.totalAmount).toBe(120_000);
  });

  it('a daily booking across 추석 pays the surcharge for each day that starts on a holiday', () => {
    // Days start 09-23 (Wed), 09-24, 09-25, 09-26 (추석, the last a Saturday).
    const q = quote(daily('2026-09-23T09:00', 4), DEFAULT_PRICING);
    expect(q.lines).toEqual([
      { kind: 'BASE', description: '기본 요금 (일당제, 24시간)', units: 4, unitPrice: 120_000, amount: 480_000 },
      { kind: 'HOLIDAY_SURCHARGE', description: '휴일 할증 (일요일·공휴일, 30%)', units: 3, unitPrice: 36_000, amount: 108_000 },
    ]);
    expect(q.totalAmount).toBe(588_000);
  });

  it('a daily booking has no night line, however many nights it spans', () => {
    const q = quote(daily('2026-03-09T09:00', 5), DEFAULT_PRICING); // Monday to Saturday
    expect(summary(q)).toEqual(['BASE 5 x 120000 = 600000']);
  });

  it('judges a day by the KST instant it starts: Saturday 09:00 is not a Sunday day, Sunday 00:00 is', () => {
    expect(unitsOf(quote(daily('2026-03-14T09:00', 1), DEFAULT_PRICING), 'HOLIDAY_SURCHARGE')).toBe(0);
    expect(unitsOf(quote(daily('2026-03-15T00:00', 1), DEFAULT_PRICING), 'HOLIDAY_SURCHARGE')).toBe(1);
  });

  it('turns the KST day at 15:00 UTC, with no daylight saving', () => {
    const base = { rateType: 'HOURLY' as const, hourlyRate: HOURLY, dailyRate: DAILY };
    // Saturday 23:00 KST -> Sunday 01:00 KST: two night hours, the second on a Sunday.
    const q = quote({ ...base, startAt: new Date('2026-03-14T14:00:00Z'), endAt: new Date('2026-03-14T16:00:00Z') }, DEFAULT_PRICING);
    expect(summary(q)).toEqual(['BASE 2 x 15000 = 30000', 'NIGHT_SURCHARGE 2 x 3000 = 6000', 'HOLIDAY_SURCHARGE 1 x 4500 = 4500']);
    const day = (startAt: string) => ({ ...base, rateType: 'DAILY' as const, startAt: new Date(startAt), endAt: new Date(Date.parse(startAt) + DAY_MS) });
    expect(unitsOf(quote(day('2026-03-14T14:59:00Z'), DEFAULT_PRICING), 'HOLIDAY_SURCHARGE')).toBe(0);
    expect(unitsOf(quote(day('2026-03-14T15:00:00Z'), DEFAULT_PRICING), 'HOLIDAY_SURCHARGE')).toBe(1);
    // 2025-12-31T15:00Z is 2026-01-01 00:00 KST, 신정; in July (northern summer) the offset is the same.
    expect(unitsOf(quote(day('2025-12-31T15:00:00Z'), DEFAULT_PRICING), 'HOLIDAY_SURCHARGE')).toBe(1);
    expect(unitsOf(quote(day('2026-07-16T15:00:00Z'), DEFAULT_PRICING), 'HOLIDAY_SURCHARGE')).toBe(1); // 제헌절
    expect(kstClock(new Date('2026-03-14T14:59:59.999Z'))).toEqual({ date: '2026-03-14', hour: 23, weekday: 6 });
    expect(kstClock(new Date('2026-03-14T15:00:00Z'))).toEqual({ date: '2026-03-15', hour: 0, weekday: 0 });
  });

  it('counts hours in 60-minute blocks from a start off the whole hour, judged by where each block starts', () => {
    expect(summary(quote(hourly('2026-03-10T21:30', '2026-03-10T23:30'), DEFAULT_PRICING))).toEqual([
      'BASE 2 x 15000 = 30000',
      'NIGHT_SURCHARGE 1 x 3000 = 3000', // 22:30-23:30; 21:30-22:30 is a day block
    ]);
    expect(unitsOf(quote(hourly('2026-03-11T05:30', '2026-03-11T07:30'), DEFAULT_PRICING), 'NIGHT_SURCHARGE')).toBe(1);
  });

  it('treats substitute, election and temporary days as holidays', () => {
    for (const date of ['2026-03-02', '2026-06-03', '2025-01-27']) {
      expect(unitsOf(quote(hourly(`${date}T10:00`, `${date}T12:00`), DEFAULT_PRICING), 'HOLIDAY_SURCHARGE'), date).toBe(2);
    }
    expect(unitsOf(quote(hourly('2026-03-14T10:00', '2026-03-14T12:00'), DEFAULT_PRICING), 'HOLIDAY_SURCHARGE')).toBe(0); // Saturday
  });

  it('rounds each surcharge unit price half up to the won, in exact arithmetic', () => {
    // Sunday 22:00: 12345 x 0.2 = 2469, 12345 x 0.3 = 3703.5 -> 3704.
    expect(summary(quote(hourly('2026-03-15T22:00', '2026-03-15T23:00', 12_345), DEFAULT_PRICING))).toEqual([
      'BASE 1 x 12345 = 12345',
      'NIGHT_SURCHARGE 1 x 2469 = 2469',
      'HOLIDAY_SURCHARGE 1 x 3704 = 3704',
    ]);
    // 10250 x 0.35 is 3587.4999999999995 in floating point; the won is still rounded up to 3588.
    const q = quote(hourly('2026-03-15T10:00', '2026-03-15T11:00', 10_250), { ...DEFAULT_PRICING, holidaySurchargeRate: 0.35 });
    expect(summary(q)).toEqual(['BASE 1 x 10250 = 10250', 'HOLIDAY_SURCHARGE 1 x 3588 = 3588']);
    expect(q.lines[1]!.description).toBe('휴일 할증 (일요일·공휴일, 35%)');
  });

  it('follows the settings: another night window, fractional percentages, a zero rate leaves the line out', () => {
    const settings = { ...DEFAULT_PRICING, nightStartHour: 0, nightEndHour: 6, nightSurchargeRate: 0.125, holidaySurchargeRate: 0 };
    const q = quote(hourly('2026-03-14T22:00', '2026-03-15T08:00'), settings); // Saturday night into Sunday
    expect(q.lines.map((l) => l.description)).toEqual(['기본 요금 (시간제)', '야간 할증 (00:00-06:00, 12.5%)']);
    expect(summary(q)).toEqual(['BASE 10 x 15000 = 150000', 'NIGHT_SURCHARGE 6 x 1875 = 11250']);
    const empty = { ...DEFAULT_PRICING, nightStartHour: 6, nightEndHour: 6 };
    expect(unitsOf(quote(hourly('2026-03-10T00:00', '2026-03-11T00:00'), empty), 'NIGHT_SURCHARGE')).toBe(0);
  });

  it('accepts exactly the longest booking, 31 days, hourly or daily', () => {
    expect(quote(hourly('2026-03-01T00:00', '2026-04-01T00:00'), DEFAULT_PRICING).lines[0]!.units).toBe(744);
    expect(quote(daily('2026-03-01T00:00', 31), DEFAULT_PRICING).lines[0]!.units).toBe(31);
  });
});

describe('checkQuoteInput', () => {
  const byDay = (input: QuoteInput): QuoteInput => ({ ...input, rateType: 'DAILY' });

  it('accepts a valid request', () => {
    const input = hourly('2026-03-10T09:00', '2026-03-10T10:00');
    expect(checkQuoteInput(input, DEFAULT_PRICING)).toEqual({ ok: true, value: input });
  });

  it.each([
    ['an end equal to the start', hourly('2026-03-10T09:00', '2026-03-10T09:00'), 'endAt', /after startAt/],
    ['an end before the start', hourly('2026-03-10T09:00', '2026-03-10T08:00'), 'endAt', /after startAt/],
    ['90 minutes by the hour', hourly('2026-03-10T09:00', '2026-03-10T10:30'), 'endAt', /whole number of hours/],
    ['36 hours by the day', byDay(hourly('2026-03-10T09:00', '2026-03-11T21:00')), 'endAt', /whole number of 24-hour days/],
    ['12 hours by the day', byDay(hourly('2026-03-10T09:00', '2026-03-10T21:00')), 'endAt', /whole number of 24-hour days/],
    ['745 hours', hourly('2026-03-01T00:00', '2026-04-01T01:00'), 'endAt', /at most 31 days/],
    ['32 days', daily('2026-03-01T00:00', 32), 'endAt', /at most 31 days/],
    ['a start before the calendar', hourly('2024-12-31T23:00', '2025-01-01T01:00'), 'startAt', /holiday calendar covers \(2025-2030/],
    ['an end after the calendar', hourly('2030-12-31T23:00', '2031-01-01T01:00'), 'endAt', /holiday calendar covers/],
    ['a zero hourly rate', hourly('2026-03-10T09:00', '2026-03-10T10:00', 0), 'hourlyRate', /positive whole number/],
    ['a fractional hourly rate', hourly('2026-03-10T09:00', '2026-03-10T10:00', 15_000.5), 'hourlyRate', /positive whole number/],
    ['a negative daily rate', daily('2026-03-10T09:00', 1, -1), 'dailyRate', /positive whole number/],
    ['a NaN daily rate', daily('2026-03-10T09:00', 1, Number.NaN), 'dailyRate', /positive whole number/],
    ['a rate beyond the cap', hourly('2026-03-10T09:00', '2026-03-10T10:00', 100_000_001), 'hourlyRate', /up to 100000000/],
  ])('refuses %s', (_name, input, field, message) => {
    expect(errorsOf(input)).toContainEqual({ field, message: expect.stringMatching(message) });
  });

  it('refuses invalid dates and an unknown rate type, and reports every problem at once', () => {
    const bad = { ...hourly('2026-03-10T09:00', '2026-03-10T10:00', 0), startAt: new Date('nope'), rateType: 'WEEKLY' as RateType };
    expect(errorsOf(bad).map((e) => e.field).sort()).toEqual(['rateType', 'startAt']);
    expect(errorsOf({ ...bad, rateType: 'HOURLY', endAt: new Date(Number.NaN) }).map((e) => e.field).sort()).toEqual([
      'endAt',
      'hourlyRate',
      'startAt',
    ]);
  });

  it('checks only the rate the booking uses, and a booking may end on 2031-01-01 00:00 KST', () => {
    expect(errorsOf({ ...hourly('2026-03-10T09:00', '2026-03-10T10:00'), dailyRate: 0 })).toEqual([]);
    expect(errorsOf(hourly('2030-12-31T22:00', '2031-01-01T00:00'))).toEqual([]);
    expect(errorsOf(hourly('2025-01-01T00:00', '2025-01-01T01:00'))).toEqual([]);
  });

  it('is what quote() enforces: quote() throws a RangeError on refused input or settings', () => {
    expect(() => quote(hourly('2026-03-10T09:00', '2026-03-10T09:30'), DEFAULT_PRICING)).toThrow(RangeError);
    expect(() => quote(hourly('2031-03-10T09:00', '2031-03-10T10:00'), DEFAULT_PRICING)).toThrow(/holiday calendar/);
    expect(() => quote(hourly('2026-03-10T09:00', '2026-03-10T10:00'), { ...DEFAULT_PRICING, nightEndHour: 24 })).toThrow(
      /Invalid pricing settings/,
    );
  });
});

describe('checkPricingSettings', () => {
  it('accepts the defaults and refuses nonsense', () => {
    expect(checkPricingSettings(DEFAULT_PRICING).ok).toBe(true);
    const check = checkPricingSettings({
      nightSurchargeRate: -0.1,
      holidaySurchargeRate: 0.33333,
      nightStartHour: 22.5,
      nightEndHour: -1,
      maxDays: 0,
    });
    expect(check.ok ? [] : check.errors.map((e) => e.field)).toEqual([
      'nightSurchargeRate',
      'holidaySurchargeRate',
      'nightStartHour',
      'nightEndHour',
      'maxDays',
    ]);
  });
});

// Properties over bookings anywhere in the calendar, starting on any minute.
const FIRST = kst('2025-01-01T00:00').getTime();
const LAST_START = kst('2030-11-30T00:00').getTime(); // leaves room for 31 days
const startArb = fc
  .integer({ min: 0, max: (LAST_START - FIRST) / 60_000 })
  .chain((minute) => fc.constantFrom(minute, minute - (minute % 60))) // half the time on a whole hour
  .map((minute) => new Date(FIRST + minute * 60_000));
const rateArb = fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 10_000, max: 1_000_000 }));
const settingsArb = fc.record({
  nightSurchargeRate: fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 10_000),
  holidaySurchargeRate: fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 10_000),
  nightStartHour: fc.integer({ min: 0, max: 23 }),
  nightEndHour: fc.integer({ min: 0, max: 23 }),
  maxDays: fc.constant(31),
});

function booking(rateType: RateType, startAt: Date, units: number, rate: number): QuoteInput {
  const unitMs = rateType === 'HOURLY' ? HOUR_MS : DAY_MS;
  return { rateType, startAt, endAt: new Date(startAt.getTime() + units * unitMs), hourlyRate: rate, dailyRate: rate };
}

const bookingArb = fc
  .record({ rateType: fc.constantFrom<RateType>('HOURLY', 'DAILY'), startAt: startArb, rate: rateArb, n: fc.integer({ min: 1, max: 744 }) })
  .map(({ rateType, startAt, rate, n }) => booking(rateType, startAt, rateType === 'HOURLY' ? n : 1 + (n % 31), rate));

describe('quote: properties', () => {
  it('the total is the sum of whole, non-negative line amounts, each units x unit price', () => {
    fc.assert(
      fc.property(bookingArb, settingsArb, (input, settings) => {
        const q = quote(input, settings);
        expect(q.totalAmount).toBe(q.lines.reduce((sum, l) => sum + l.amount, 0));
        expect(Number.isSafeInteger(q.totalAmount) && q.totalAmount > 0).toBe(true);
        expect(q.lines[0]!.kind).toBe('BASE');
        expect(new Set(q.lines.map((l) => l.kind)).size).toBe(q.lines.length);
        for (const l of q.lines) {
          expect(Number.isInteger(l.unitPrice) && Number.isInteger(l.units) && l.units > 0 && l.unitPrice > 0).toBe(true);
          expect(l.amount).toBe(l.units * l.unitPrice);
        }
      }),
    );
  });

  it('surcharge units never exceed base units, and a daily booking has no night line', () => {
    fc.assert(
      fc.property(bookingArb, settingsArb, (input, settings) => {
        const q = quote(input, settings);
        const base = unitsOf(q, 'BASE');
        expect(unitsOf(q, 'NIGHT_SURCHARGE')).toBeLessThanOrEqual(base);
        expect(unitsOf(q, 'HOLIDAY_SURCHARGE')).toBeLessThanOrEqual(base);
        if (input.rateType === 'DAILY') expect(unitsOf(q, 'NIGHT_SURCHARGE')).toBe(0);
      }),
    );
  });

  it('grows with the duration: one more unit never lowers the total and always raises the base', () => {
    fc.assert(
      fc.property(fc.constantFrom<RateType>('HOURLY', 'DAILY'), startArb, rateArb, fc.integer({ min: 1, max: 743 }), settingsArb, (rateType, startAt, rate, n, settings) => {
        const units = rateType === 'HOURLY' ? n : 1 + (n % 30);
        const shorter = quote(booking(rateType, startAt, units, rate), settings);
        const longer = quote(booking(rateType, startAt, units + 1, rate), settings);
        expect(longer.totalAmount).toBeGreaterThanOrEqual(shorter.totalAmount);
        expect(longer.lines[0]!.amount).toBeGreaterThan(shorter.lines[0]!.amount);
        expect(longer.totalAmount - shorter.totalAmount).toBeGreaterThanOrEqual(rate);
      }),
    );
  });

  it('is additive: a booking costs what its two halves cost, split on a unit boundary', () => {
    fc.assert(
      fc.property(fc.constantFrom<RateType>('HOURLY', 'DAILY'), startArb, rateArb, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), (rateType, startAt, rate, a, b) => {
        const [first, second] = rateType === 'HOURLY' ? [a, b] : [1 + (a % 15), 1 + (b % 15)];
        const whole = quote(booking(rateType, startAt, first + second, rate), DEFAULT_PRICING);
        const head = quote(booking(rateType, startAt, first, rate), DEFAULT_PRICING);
        const tail = quote(booking(rateType, booking(rateType, startAt, first, rate).endAt, second, rate), DEFAULT_PRICING);
        expect(whole.totalAmount).toBe(head.totalAmount + tail.totalAmount);
        for (const kind of ['BASE', 'NIGHT_SURCHARGE', 'HOLIDAY_SURCHARGE']) {
          expect(unitsOf(whole, kind)).toBe(unitsOf(head, kind) + unitsOf(tail, kind));
        }
      }),
    );
  });

  it('counts night and holiday units as the Asia/Seoul time zone database does', () => {
    const seoul = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Seoul',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    const wall = (ms: number) => {
      const p = Object.fromEntries(seoul.formatToParts(ms).map((part) => [part.type, part.value]));
      return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), sunday: p.weekday === 'Sun' };
    };
    fc.assert(
      fc.property(fc.constantFrom<RateType>('HOURLY', 'DAILY'), startArb, fc.integer({ min: 1, max: 72 }), (rateType, startAt, n) => {
        const units = rateType === 'HOURLY' ? n : 1 + (n % 31);
        const unitMs = rateType === 'HOURLY' ? HOUR_MS : DAY_MS;
        let night = 0;
        let holiday = 0;
        for (let i = 0; i < units; i++) {
          const at = wall(startAt.getTime() + i * unitMs);
          if (rateType === 'HOURLY' && (at.hour >= 22 || at.hour < 6)) night++;
          if (at.sunday || isKoreanHoliday(at.date)) holiday++;
        }
        const q = quote(booking(rateType, startAt, units, HOURLY), DEFAULT_PRICING);
        expect(unitsOf(q, 'NIGHT_SURCHARGE')).toBe(night);
        expect(unitsOf(q, 'HOLIDAY_SURCHARGE')).toBe(holiday);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses every duration that is not a whole number of units', () => {
    fc.assert(
      fc.property(fc.constantFrom<RateType>('HOURLY', 'DAILY'), startArb, fc.integer({ min: 1, max: 31 * 24 * 60 - 1 }), (rateType, startAt, minutes) => {
        const unitMinutes = rateType === 'HOURLY' ? 60 : 24 * 60;
        fc.pre(minutes % unitMinutes !== 0);
        const input = { ...booking(rateType, startAt, 1, HOURLY), endAt: new Date(startAt.getTime() + minutes * 60_000) };
        expect(checkQuoteInput(input, DEFAULT_PRICING).ok).toBe(false);
      }),
    );
  });
});

describe('checkBookingWindow', () => {
  const now = new Date('2026-03-10T00:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('accepts a start from 1 hour to 90 days ahead, both ends included', () => {
    expect(checkBookingWindow(at(HOUR_MS), now)).toEqual({ ok: true, value: at(HOUR_MS) });
    expect(checkBookingWindow(at(90 * DAY_MS), now).ok).toBe(true);
    expect(DEFAULT_BOOKING_WINDOW).toEqual({ minLeadMs: HOUR_MS, maxAheadDays: 90 });
  });

  it('refuses a start too soon, in the past, too far ahead or invalid', () => {
    expect(checkBookingWindow(at(HOUR_MS - 1), now)).toEqual({
      ok: false,
      errors: [{ field: 'startAt', message: 'must be at least 1 hour from now' }],
    });
    expect(checkBookingWindow(at(-DAY_MS), now).ok).toBe(false);
    expect(checkBookingWindow(at(90 * DAY_MS + 1), now)).toEqual({
      ok: false,
      errors: [{ field: 'startAt', message: 'must be at most 90 days from now' }],
    });
    expect(checkBookingWindow(new Date(Number.NaN), now).ok).toBe(false);
  });

  it('takes its limits as arguments', () => {
    const window = { minLeadMs: 30 * 60_000, maxAheadDays: 7 };
    expect(checkBookingWindow(at(30 * 60_000), now, window).ok).toBe(true);
    expect(checkBookingWindow(at(29 * 60_000), now, window)).toEqual({
      ok: false,
      errors: [{ field: 'startAt', message: 'must be at least 30 minutes from now' }],
    });
    expect(checkBookingWindow(at(8 * DAY_MS), now, window).ok).toBe(false);
  });

  it('accepts exactly the starts inside the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: -DAY_MS, max: 100 * DAY_MS }), (ahead) => {
        expect(checkBookingWindow(at(ahead), now).ok).toBe(ahead >= HOUR_MS && ahead <= 90 * DAY_MS);
      }),
    );
  });
});
