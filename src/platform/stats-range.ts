import { invalid, type FieldError } from './errors.ts';
import { kstClock } from './kst.ts';
import { YEAR_MAX, YEAR_MIN } from './http/input-rules.ts';

// A period cut into KST calendar buckets (day, ISO week starting Monday, month) for statistics over time.
// Pure: the clock is passed in. Buckets are [start, next start), the last one cut at `to`; repositories
// group rows by the same buckets in SQL (db/stats-buckets.ts: kstBucket) and fill the gaps with seriesOf.

export type Granularity = 'day' | 'week' | 'month';
export interface StatsRange {
  readonly from: Date;
  readonly to: Date;
  readonly granularity: Granularity;
}

export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];
/** At most this many buckets in one range (a year of days). */
export const MAX_BUCKETS = 366;

const KST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant at KST midnight of a KST calendar date `YYYY-MM-DD` (plus whole days). */
function kstMidnight(date: string, plusDays = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - KST_OFFSET_MS + plusDays * DAY_MS);
}

/** The start of the KST bucket (day, Monday-started week, month) holding an instant. */
export function bucketStart(instant: Date, granularity: Granularity): Date {
  const { date, weekday } = kstClock(instant);
  switch (granularity) {
    case 'day':
      return kstMidnight(date);
    case 'week':
      return kstMidnight(date, -((weekday + 6) % 7));
    case 'month':
      return kstMidnight(`${date.slice(0, 8)}01`);
  }
}

/** The start of the bucket after the one starting at `start` (a bucket start). */
export function nextBucketStart(start: Date, granularity: Granularity): Date {
  switch (granularity) {
    case 'day':
      return new Date(start.getTime() + DAY_MS);
    case 'week':
      return new Date(start.getTime() + 7 * DAY_MS);
    case 'month': {
      const { date } = kstClock(start);
      const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
      const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
      return kstMidnight(next);
    }
  }
}

/** Every bucket start from the bucket holding `from` up to (not including) `to`; stops after `max`+1. */
export function bucketStarts(range: StatsRange, max = Number.POSITIVE_INFINITY): Date[] {
  const starts: Date[] = [];
  for (let start = bucketStart(range.from, range.granularity); start < range.to && starts.length <= max; ) {
    starts.push(start);
    start = nextBucketStart(start, range.granularity);
  }
  return starts;
}

/** The buckets of a range as [start, end), the first starting at `from`'s bucket, the last cut at `to`. */
export function buckets(range: StatsRange): Array<{ start: Date; end: Date }> {
  return bucketStarts(range).map((start) => {
    const next = nextBucketStart(start, range.granularity);
    return { start, end: next < range.to ? next : range.to };
  });
}

/**
 * One value per bucket of the range, in order: the row whose `start` is that bucket's start (ISO string or
 * Date, as SQL gave it), else `zero(start)`. Rows outside the range are ignored.
 */
export function seriesOf<R extends { start: string | Date }>(range: StatsRange, rows: readonly R[], zero: (start: string) => R): R[] {
  const byStart = new Map(rows.map((row) => [new Date(row.start).toISOString(), row]));
  return bucketStarts(range).map((start) => {
    const key = start.toISOString();
    return byStart.get(key) ?? zero(key);
  });
}

/** The query of a statistics request, as strings (all optional). */
export interface StatsRangeQuery {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly granularity?: string | undefined;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO 8601 date-time with an offset, or a date `YYYY-MM-DD` read as KST midnight starting that date. */
function instant(value: string, field: string, errors: FieldError[]): Date | undefined {
  const at = DATE_ONLY.test(value) ? kstMidnight(value) : /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? new Date(value) : new Date(Number.NaN);
  const year = at.getUTCFullYear();
  if (Number.isNaN(at.getTime()) || year < YEAR_MIN || year > YEAR_MAX || (DATE_ONLY.test(value) && kstClock(at).date !== value)) {
    errors.push({ field, message: 'must be an ISO 8601 date-time with an offset, or a date YYYY-MM-DD (KST)' });
    return undefined;
  }
  return at;
}

/** The default span before `to` when `from` is not given: 30 days, 12 weeks or 12 months. */
function defaultFrom(to: Date, granularity: Granularity): Date {
  if (granularity === 'day') return new Date(to.getTime() - 30 * DAY_MS);
  if (granularity === 'week') return new Date(to.getTime() - 12 * 7 * DAY_MS);
  const { date } = kstClock(to);
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const back = year * 12 + (month - 1) - 12;
  const sameTime = to.getTime() - kstMidnight(`${date.slice(0, 8)}01`).getTime();
  const monthStart = kstMidnight(`${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}-01`);
  return new Date(monthStart.getTime() + Math.min(sameTime, 28 * DAY_MS));
}

/**
 * Reads `?from&to&granularity` into a range: granularity defaults to `day`, `to` to now, `from` to 30 days,
 * 12 weeks or 12 months before `to`. `from` is moved back to the start of its KST bucket, so every bucket
 * is whole but the last (cut at `to`). `to` (exclusive) must be after `from`; at most 366 buckets.
 * Anything else is a 400 VALIDATION_FAILED naming the field.
 */
export function parseStatsRange(query: StatsRangeQuery, now: Date): StatsRange {
  const errors: FieldError[] = [];
  const granularity = query.granularity ?? 'day';
  if (!(GRANULARITIES as readonly string[]).includes(granularity)) errors.push({ field: 'granularity', message: 'must be day, week or month' });
  const to = query.to === undefined ? now : instant(query.to, 'to', errors);
  const from = query.from === undefined ? undefined : instant(query.from, 'from', errors);
  if (errors.length > 0 || to === undefined) throw invalid('The statistics period is not valid', errors);
  const unit = granularity as Granularity;
  const start = bucketStart(from ?? defaultFrom(to, unit), unit);
  if (start >= to) throw invalid('The statistics period is not valid', [{ field: 'to', message: 'must be after from' }]);
  const range: StatsRange = { from: start, to, granularity: unit };
  if (bucketStarts(range, MAX_BUCKETS).length > MAX_BUCKETS) {
    throw invalid('The statistics period is too long', [{ field: 'from', message: `at most ${MAX_BUCKETS} ${unit} buckets` }]);
  }
  return range;
}
