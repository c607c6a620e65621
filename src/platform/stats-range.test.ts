import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from './errors.ts';
import { kstClock } from './kst.ts';
import { bucketStart, bucketStarts, buckets, nextBucketStart, parseStatsRange, seriesOf, type Granularity } from './stats-range.ts';

const at = (iso: string) => new Date(iso);
const iso = (dates: readonly Date[]) => dates.map((d) => d.toISOString());
const now = at('2026-12-05T03:00:00Z'); // Saturday 12:00 KST

function fieldsOf(thunk: () => unknown): string[] {
  try {
    thunk();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return ((error as AppError).errors ?? []).map((e) => e.field);
  }
  throw new Error('expected a 400');
}

describe('bucketStart', () => {
  it('cuts days at KST midnight (15:00 UTC)', () => {
    expect(bucketStart(at('2026-12-01T14:59:59Z'), 'day').toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(bucketStart(at('2026-12-01T15:00:00Z'), 'day').toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });
  it('starts weeks on Monday KST', () => {
    // 2026-12-06 is a Sunday; 2026-12-07 a Monday.
    expect(bucketStart(at('2026-12-06T14:00:00Z'), 'week').toISOString()).toBe('2026-11-29T15:00:00.000Z');
    expect(bucketStart(at('2026-12-06T15:00:00Z'), 'week').toISOString()).toBe('2026-12-06T15:00:00.000Z');
  });
  it('starts months on the 1st KST', () => {
    expect(bucketStart(at('2026-11-30T15:00:00Z'), 'month').toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(bucketStart(at('2026-11-30T14:59:59Z'), 'month').toISOString()).toBe('2026-10-31T15:00:00.000Z');
  });
  it('is a KST bucket boundary holding the instant, for any instant and unit', () => {
    const units = fc.constantFrom<Granularity>('day', 'week', 'month');
    fc.assert(
      fc.property(fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z'), noInvalidDate: true }), units, (instant, unit) => {
        const start = bucketStart(instant, unit);
        const next = nextBucketStart(start, unit);
        expect(start <= instant && instant < next).toBe(true);
        expect(kstClock(start).hour).toBe(0);
        expect(start.getTime() % 60_000).toBe(0);
        if (unit === 'week') expect(kstClock(start).weekday).toBe(1);
        if (unit === 'month') expect(kstClock(start).date.slice(8)).toBe('01');
        expect(bucketStart(next, unit)).toEqual(next);
      }),
    );
  });
});

describe('bucketStarts and buckets', () => {
  it('lists every bucket from the one holding from, the last cut at to', () => {
    const range = { from: at('2026-12-01T15:00:00Z'), to: at('2026-12-04T03:00:00Z'), granularity: 'day' as const };
    expect(iso(bucketStarts(range))).toEqual(['2026-12-01T15:00:00.000Z', '2026-12-02T15:00:00.000Z', '2026-12-03T15:00:00.000Z']);
    expect(buckets(range).at(-1)).toEqual({ start: at('2026-12-03T15:00:00Z'), end: at('2026-12-04T03:00:00Z') });
  });
  it('steps months of different lengths and over the year end', () => {
    const range = { from: at('2026-10-31T15:00:00Z'), to: at('2027-03-01T00:00:00Z'), granularity: 'month' as const };
    expect(bucketStarts(range).map((d) => kstClock(d).date)).toEqual(['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01']);
  });
});

describe('seriesOf', () => {
  it('gives every bucket in order, zeros where SQL had no row', () => {
    const range = { from: at('2026-11-30T15:00:00Z'), to: at('2026-12-03T15:00:00Z'), granularity: 'day' as const };
    const rows = [{ start: at('2026-12-01T15:00:00Z'), n: 2 }, { start: '2026-11-30T15:00:00.000Z', n: 1 }];
    expect(seriesOf(range, rows, (start) => ({ start, n: 0 })).map((r) => r.n)).toEqual([1, 2, 0]);
  });
});

describe('parseStatsRange', () => {
  it('defaults to 30 days of days up to now, from moved back to KST midnight', () => {
    const range = parseStatsRange({}, now);
    expect(range).toEqual({ from: at('2026-11-04T15:00:00Z'), to: now, granularity: 'day' });
    expect(bucketStarts(range)).toHaveLength(31);
  });
  it('defaults to 12 weeks and 12 months back', () => {
    const weeks = parseStatsRange({ granularity: 'week' }, now);
    expect(kstClock(weeks.from)).toMatchObject({ date: '2026-09-07', weekday: 1, hour: 0 });
    expect(bucketStarts(weeks)).toHaveLength(13);
    const months = parseStatsRange({ granularity: 'month' }, now);
    expect(kstClock(months.from).date).toBe('2025-12-01');
    expect(bucketStarts(months)).toHaveLength(13);
  });
  it('reads date-only bounds as KST midnight and instants with their offset', () => {
    expect(parseStatsRange({ from: '2026-12-01', to: '2026-12-03' }, now)).toEqual({
      from: at('2026-11-30T15:00:00Z'),
      to: at('2026-12-02T15:00:00Z'),
      granularity: 'day',
    });
    expect(parseStatsRange({ from: '2026-12-01T10:00:00+09:00', to: '2026-12-02T00:00:00Z' }, now).from).toEqual(at('2026-11-30T15:00:00Z'));
  });
  it('answers 400 on the field for bad input', () => {
    expect(fieldsOf(() => parseStatsRange({ granularity: 'year' }, now))).toEqual(['granularity']);
    expect(fieldsOf(() => parseStatsRange({ from: 'yesterday' }, now))).toEqual(['from']);
    expect(fieldsOf(() => parseStatsRange({ to: '2026-12-01T00:00:00' }, now))).toEqual(['to']);
    expect(fieldsOf(() => parseStatsRange({ from: '2026-02-30' }, now))).toEqual(['from']);
    expect(fieldsOf(() => parseStatsRange({ from: '2026-12-03', to: '2026-12-02' }, now))).toEqual(['to']);
    expect(fieldsOf(() => parseStatsRange({ from: '2026-12-02T10:00:00+09:00', to: '2026-12-02T00:00:00+09:00' }, now))).toEqual(['to']);
    expect(fieldsOf(() => parseStatsRange({ from: '2024-01-01', to: '2026-01-01' }, now))).toEqual(['from']);
  });
  it('allows exactly 366 buckets', () => {
    expect(bucketStarts(parseStatsRange({ from: '2024-01-01', to: '2025-01-01' }, now))).toHaveLength(366);
    expect(parseStatsRange({ from: '2000-01-01', to: '2026-01-01', granularity: 'month' }, now).granularity).toBe('month');
  });
});
