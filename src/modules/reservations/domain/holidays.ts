import { KOREAN_HOLIDAYS, type KoreanHoliday } from './holidays.data.ts';

export type { HolidayKind, KoreanHoliday } from './holidays.data.ts';

// The Korean public holiday calendar (공휴일). Sundays are not listed: a caller that treats Sundays as
// holidays (pricing does) tests the weekday itself. Outside HOLIDAY_YEARS every function throws, so nothing
// is ever priced against a calendar we do not have.

/** The years the calendar covers, both inclusive. */
export const HOLIDAY_YEARS = { from: 2025, to: 2030 } as const;

/** Asked about a date the calendar does not cover (or a malformed date). */
export class HolidayCalendarRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'HolidayCalendarRangeError';
  }
}

const byDate = new Map<string, KoreanHoliday[]>();
for (const holiday of KOREAN_HOLIDAYS) {
  const list = byDate.get(holiday.date);
  if (list) list.push(holiday);
  else byDate.set(holiday.date, [holiday]);
}

/** Whether a year is covered by the calendar. */
export function isCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= HOLIDAY_YEARS.from && year <= HOLIDAY_YEARS.to;
}

function coveredYear(year: number): number {
  if (!isCalendarYear(year)) {
    throw new HolidayCalendarRangeError(
      `No Korean holiday calendar for ${year}: it covers ${HOLIDAY_YEARS.from} to ${HOLIDAY_YEARS.to}`,
    );
  }
  return year;
}

function checkedDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!match || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new HolidayCalendarRangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  coveredYear(Number(match[1]));
  return date;
}

/** Whether a KST calendar date (`YYYY-MM-DD`) is a public holiday other than a plain Sunday. */
export function isKoreanHoliday(date: string): boolean {
  return byDate.has(checkedDate(date));
}

/** The holidays on a KST calendar date: usually none or one, two when holidays coincide. */
export function holidaysOn(date: string): readonly KoreanHoliday[] {
  return byDate.get(checkedDate(date)) ?? [];
}

/** All holidays of a year, sorted by date. */
export function holidaysOf(year: number): readonly KoreanHoliday[] {
  const prefix = `${coveredYear(year)}-`;
  return KOREAN_HOLIDAYS.filter((holiday) => holiday.date.startsWith(prefix));
}
