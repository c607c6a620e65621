import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kstMonthOf, latestDuePeriod, nextScheduledRun, periodProblem } from './period.ts';

const at = (iso: string) => new Date(iso);

describe('settlement periods', () => {
  it('refuses empty, reversed and unfinished periods', () => {
    const now = at('2026-12-07T00:00:00Z');
    expect(periodProblem({ start: at('2026-12-01T00:00:00Z'), end: at('2026-12-01T00:00:00Z') }, now)?.field).toBe('periodEnd');
    expect(periodProblem({ start: at('2026-12-02T00:00:00Z'), end: at('2026-12-01T00:00:00Z') }, now)?.message).toMatch(/after/);
    expect(periodProblem({ start: at('2026-12-01T00:00:00Z'), end: at('2026-12-08T00:00:00Z') }, now)?.message).toMatch(/future/);
    expect(periodProblem({ start: at('2026-12-01T00:00:00Z'), end: now }, now)).toBeUndefined();
  });

  it('weekly: Monday 03:00 KST settles the Monday-to-Monday week before', () => {
    // 2026-12-07 is a Monday. 03:00 KST = 2026-12-06T18:00Z.
    const week = { start: at('2026-11-29T15:00:00Z'), end: at('2026-12-06T15:00:00Z') };
    expect(latestDuePeriod('weekly', at('2026-12-06T18:00:00Z'))).toEqual(week);
    expect(latestDuePeriod('weekly', at('2026-12-10T12:00:00Z'))).toEqual(week);
    // Just before 03:00 KST on Monday: still the week before that.
    expect(latestDuePeriod('weekly', at('2026-12-06T17:59:59Z'))).toEqual({ start: at('2026-11-22T15:00:00Z'), end: at('2026-11-29T15:00:00Z') });
    expect(nextScheduledRun('weekly', at('2026-12-06T17:00:00Z'))).toEqual(at('2026-12-06T18:00:00Z'));
    expect(nextScheduledRun('weekly', at('2026-12-06T18:00:00Z'))).toEqual(at('2026-12-13T18:00:00Z'));
  });

  it('monthly: the 1st 03:00 KST settles the KST month before', () => {
    // 2027-01-01 00:00 KST = 2026-12-31T15:00Z; 03:00 KST = 18:00Z.
    expect(latestDuePeriod('monthly', at('2026-12-31T18:00:00Z'))).toEqual({ start: at('2026-11-30T15:00:00Z'), end: at('2026-12-31T15:00:00Z') });
    expect(latestDuePeriod('monthly', at('2026-12-31T17:00:00Z'))).toEqual({ start: at('2026-10-31T15:00:00Z'), end: at('2026-11-30T15:00:00Z') });
    expect(nextScheduledRun('monthly', at('2026-12-15T00:00:00Z'))).toEqual(at('2026-12-31T18:00:00Z'));
    expect(kstMonthOf(at('2026-12-15T00:00:00Z'))).toEqual({ start: at('2026-11-30T15:00:00Z'), end: at('2026-12-31T15:00:00Z') });
  });

  it('off: nothing is due and there is no next run', () => {
    expect(latestDuePeriod('off', at('2026-12-07T00:00:00Z'))).toBeUndefined();
    expect(nextScheduledRun('off', at('2026-12-07T00:00:00Z'))).toBeNull();
  });
});

describe('settlement periods, any instant', () => {
  it('the due period is a whole KST week or month that ended at least 3 h before, and the latest such', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true }), fc.constantFrom('weekly' as const, 'monthly' as const), (now, schedule) => {
        const period = latestDuePeriod(schedule, now)!;
        const next = nextScheduledRun(schedule, now)!;
        expect(period.end.getTime() + 3 * 3_600_000).toBeLessThanOrEqual(now.getTime());
        expect(next.getTime()).toBeGreaterThan(now.getTime());
        // The next run settles the period right after the due one.
        expect(latestDuePeriod(schedule, next)!.start).toEqual(period.end);
        const days = (period.end.getTime() - period.start.getTime()) / 86_400_000;
        if (schedule === 'weekly') expect(days).toBe(7);
        else expect(days).toBeGreaterThanOrEqual(28);
        // Both ends are KST midnights.
        expect((period.start.getTime() + 9 * 3_600_000) % 86_400_000).toBe(0);
        expect((period.end.getTime() + 9 * 3_600_000) % 86_400_000).toBe(0);
      }),
    );
  });
});
