import { kstClock } from '../../../src/platform/kst.ts';
import { nextDay, seoulDayStart } from '../i18n/seoul-time.ts';

// The period of a settlement run as the admin picks it: two Seoul calendar days, the half-open
// [start 00:00, end 00:00) the API takes, so consecutive runs (Monday to Monday) neither overlap nor leave gaps.

export interface PeriodDays {
  /** yyyy-mm-dd, Seoul: the period starts at 00:00 of this day */
  readonly start: string;
  /** yyyy-mm-dd, Seoul: the period ends at 00:00 of this day (not included) */
  readonly end: string;
}

function addDays(day: string, days: number): string {
  let result = day;
  for (let i = 0; i < days; i += 1) result = nextDay(result);
  for (let i = 0; i > days; i -= 1) {
    const at = new Date(`${result}T00:00:00Z`);
    at.setUTCDate(at.getUTCDate() - 1);
    result = at.toISOString().slice(0, 10);
  }
  return result;
}

/** The last whole Seoul week before `now`: from the Monday before last to the last Monday (00:00 KST). */
export function previousWeek(now: Date): PeriodDays {
  const { date, weekday } = kstClock(now);
  const thisMonday = addDays(date, -((weekday + 6) % 7));
  return { start: addDays(thisMonday, -7), end: thisMonday };
}

export type PeriodError = 'required' | 'endNotAfterStart' | 'endInFuture';

/** What is wrong with the picked days, per field (checked again by the server). */
export function periodErrors(days: PeriodDays, now: Date): { start?: PeriodError; end?: PeriodError } {
  const errors: { start?: PeriodError; end?: PeriodError } = {};
  if (!days.start) errors.start = 'required';
  if (!days.end) errors.end = 'required';
  else if (days.start && days.end <= days.start) errors.end = 'endNotAfterStart';
  else if (new Date(seoulDayStart(days.end)).getTime() > now.getTime()) errors.end = 'endInFuture';
  return errors;
}

/** The API body of the picked days. */
export function periodOf(days: PeriodDays): { periodStart: string; periodEnd: string } {
  return { periodStart: seoulDayStart(days.start), periodEnd: seoulDayStart(days.end) };
}

/** The last day a half-open period includes (its end minus a moment), to show "1 Dec – 7 Dec". */
export function lastIncludedInstant(periodEnd: string): Date {
  return new Date(new Date(periodEnd).getTime() - 1);
}
