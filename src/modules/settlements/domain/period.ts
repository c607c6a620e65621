import type { FieldError } from '../../../platform/errors.ts';
import { kstClock } from '../../../platform/kst.ts';

// Settlement periods: half-open [start, end) instants. The schedule settles calendar weeks (Monday 00:00
// KST to Monday 00:00 KST) or months (1st 00:00 KST) three hours after they end, at 03:00 KST. Pure: the
// clock is passed in.

export const SCHEDULES = ['off', 'weekly', 'monthly'] as const;
export type Schedule = (typeof SCHEDULES)[number];

export interface Period {
  readonly start: Date;
  readonly end: Date;
}

const KST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** KST midnight starting the calendar date `YYYY-MM-DD`, plus whole days. */
function kstMidnight(date: string, plusDays = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - KST_OFFSET_MS + plusDays * DAY_MS);
}

/** The start of the KST week (Monday 00:00) or month (1st 00:00) holding an instant. */
function bucketStart(instant: Date, unit: 'week' | 'month'): Date {
  const { date, weekday } = kstClock(instant);
  return unit === 'week' ? kstMidnight(date, -((weekday + 6) % 7)) : kstMidnight(`${date.slice(0, 8)}01`);
}

/** The start of the KST week or month after the one starting at `start`. */
function nextBucketStart(start: Date, unit: 'week' | 'month'): Date {
  if (unit === 'week') return new Date(start.getTime() + 7 * DAY_MS);
  // Any instant 32 days into a month lies in the next one.
  return bucketStart(new Date(start.getTime() + 32 * DAY_MS), 'month');
}

/** A scheduled run starts this long after its period ends (03:00 KST). */
export const SCHEDULE_DELAY_MS = 3 * 3_600_000;

/** Why a period cannot be settled at `now`: empty or reversed, or not over yet. */
export function periodProblem(period: Period, now: Date): FieldError | undefined {
  if (period.end <= period.start) return { field: 'periodEnd', message: 'must be after periodStart' };
  if (period.end > now) return { field: 'periodEnd', message: 'must not be in the future' };
  return undefined;
}

function unitOf(schedule: Exclude<Schedule, 'off'>): 'week' | 'month' {
  return schedule === 'weekly' ? 'week' : 'month';
}

/** The start of the KST week or month before the one starting at `start`. */
function previousStart(start: Date, unit: 'week' | 'month'): Date {
  return bucketStart(new Date(start.getTime() - 1), unit);
}

/**
 * The latest period whose scheduled run is due at `now` (its end + 3 h is not after now), or undefined when
 * the schedule is off. weekly: the previous Monday-to-Monday week in KST; monthly: the previous KST month.
 */
export function latestDuePeriod(schedule: Schedule, now: Date): Period | undefined {
  if (schedule === 'off') return undefined;
  const unit = unitOf(schedule);
  let end = bucketStart(now, unit);
  if (now.getTime() < end.getTime() + SCHEDULE_DELAY_MS) end = previousStart(end, unit);
  return { start: previousStart(end, unit), end };
}

/** When the next scheduled run is due after `now` (Monday or the 1st, 03:00 KST), or null when off. */
export function nextScheduledRun(schedule: Schedule, now: Date): Date | null {
  if (schedule === 'off') return null;
  const unit = unitOf(schedule);
  const start = bucketStart(now, unit);
  const due = new Date(start.getTime() + SCHEDULE_DELAY_MS);
  return due > now ? due : new Date(nextBucketStart(start, unit).getTime() + SCHEDULE_DELAY_MS);
}

/** The KST calendar month holding `now`, [1st 00:00 KST, next 1st 00:00 KST). */
export function kstMonthOf(now: Date): Period {
  const start = bucketStart(now, 'month');
  return { start, end: nextBucketStart(start, 'month') };
}
