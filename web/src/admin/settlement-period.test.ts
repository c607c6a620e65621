import { describe, expect, it } from 'vitest';
import { lastIncludedInstant, periodErrors, periodOf, previousWeek } from './settlement-period.ts';

describe('settlement period (Seoul calendar days, half-open)', () => {
  it('defaults to the last whole Monday-to-Monday week in Seoul', () => {
    // Wednesday 9 Dec 2026, 10:00 KST
    expect(previousWeek(new Date('2026-12-09T01:00:00Z'))).toEqual({ start: '2026-11-30', end: '2026-12-07' });
    // Monday 7 Dec 2026, 00:30 KST is still Sunday 6 Dec in UTC: the week that just ended
    expect(previousWeek(new Date('2026-12-06T15:30:00Z'))).toEqual({ start: '2026-11-30', end: '2026-12-07' });
    // Sunday 6 Dec 2026, 23:00 KST: the week before
    expect(previousWeek(new Date('2026-12-06T14:00:00Z'))).toEqual({ start: '2026-11-23', end: '2026-11-30' });
    // across a year
    expect(previousWeek(new Date('2027-01-02T03:00:00Z'))).toEqual({ start: '2026-12-21', end: '2026-12-28' });
  });

  it('takes 00:00 KST of both days as the API period', () => {
    expect(periodOf({ start: '2026-11-30', end: '2026-12-07' })).toEqual({ periodStart: '2026-11-30T00:00:00+09:00', periodEnd: '2026-12-07T00:00:00+09:00' });
    expect(lastIncludedInstant('2026-12-07T00:00:00+09:00').toISOString()).toBe('2026-12-06T14:59:59.999Z');
  });

  it('finds missing days, an end not after the start and an end in the future', () => {
    const now = new Date('2026-12-09T01:00:00Z');
    expect(periodErrors({ start: '', end: '' }, now)).toEqual({ start: 'required', end: 'required' });
    expect(periodErrors({ start: '2026-12-07', end: '2026-12-07' }, now)).toEqual({ end: 'endNotAfterStart' });
    expect(periodErrors({ start: '2026-12-07', end: '2026-12-01' }, now)).toEqual({ end: 'endNotAfterStart' });
    expect(periodErrors({ start: '2026-12-07', end: '2026-12-10' }, now)).toEqual({ end: 'endInFuture' });
    expect(periodErrors({ start: '2026-12-01', end: '2026-12-09' }, now)).toEqual({});
  });
});
