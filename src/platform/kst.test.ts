import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kstClock, kstDate, kstIso, kstShortTime, kstYear } from './kst.ts';

const at = (iso: string) => new Date(iso);

/** The same fields as the time zone database gives them for Asia/Seoul. */
const seoul = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Seoul',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
});
function seoulFields(instant: Date) {
  const parts = Object.fromEntries(seoul.formatToParts(instant).map((p) => [p.type, p.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '');
  return { ...parts, weekday } as { year: string; month: string; day: string; hour: string; minute: string; second: string; weekday: number };
}

describe('KST', () => {
  it('turns the day at 15:00 UTC', () => {
    expect(kstClock(at('2026-03-14T14:59:59.999Z'))).toEqual({ date: '2026-03-14', hour: 23, weekday: 6 });
    expect(kstClock(at('2026-03-14T15:00:00Z'))).toEqual({ date: '2026-03-15', hour: 0, weekday: 0 });
    expect(kstDate(at('2026-03-14T14:59:59.999Z'))).toBe('2026-03-14');
    expect(kstDate(at('2026-03-14T15:00:00Z'))).toBe('2026-03-15');
  });

  it('turns the year at 15:00 UTC on 31 December', () => {
    expect(kstYear(at('2026-12-31T14:59:59.999Z'))).toBe(2026);
    expect(kstYear(at('2026-12-31T15:00:00Z'))).toBe(2027);
    expect(kstDate(at('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
  });

  it('knows leap days', () => {
    expect(kstDate(at('2028-02-28T15:00:00Z'))).toBe('2028-02-29');
    expect(kstDate(at('2027-02-28T15:00:00Z'))).toBe('2027-03-01');
  });

  it('has no daylight saving: the same offset in January and July', () => {
    expect(kstClock(at('2026-01-15T00:00:00Z')).hour).toBe(9);
    expect(kstClock(at('2026-07-15T00:00:00Z')).hour).toBe(9);
  });

  it('takes a Date or epoch milliseconds alike', () => {
    const instant = at('2026-12-31T15:30:00Z');
    expect(kstClock(instant.getTime())).toEqual(kstClock(instant));
    expect(kstDate(instant.getTime())).toBe(kstDate(instant));
    expect(kstYear(instant.getTime())).toBe(kstYear(instant));
    expect(kstShortTime(instant.getTime())).toBe(kstShortTime(instant));
    expect(kstIso(instant.getTime())).toBe(kstIso(instant));
  });

  it('writes month, day and time for people', () => {
    expect(kstShortTime(at('2026-12-01T00:00:00Z'))).toBe('12/01 09:00');
    expect(kstShortTime(at('2026-12-31T15:30:00Z'))).toBe('01/01 00:30');
    expect(kstShortTime(at('2026-12-01T00:00:59.999Z'))).toBe('12/01 09:00');
  });

  it('writes ISO 8601 with the +09:00 offset to the second, as Toss does', () => {
    expect(kstIso(at('2026-12-01T00:00:00Z'))).toBe('2026-12-01T09:00:00+09:00');
    expect(kstIso(at('2026-12-31T15:00:00.999Z'))).toBe('2027-01-01T00:00:00+09:00');
  });

  it('agrees with the time zone database for Asia/Seoul at any instant from 1990 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const instant = new Date(ms);
        const s = seoulFields(instant);
        const date = `${s.year}-${s.month}-${s.day}`;
        expect(kstClock(instant)).toEqual({ date, hour: Number(s.hour), weekday: s.weekday });
        expect(kstDate(instant)).toBe(date);
        expect(kstYear(instant)).toBe(Number(s.year));
        expect(kstShortTime(instant)).toBe(`${s.month}/${s.day} ${s.hour}:${s.minute}`);
        expect(kstIso(instant)).toBe(`${date}T${s.hour}:${s.minute}:${s.second}+09:00`);
        expect(Date.parse(kstIso(instant))).toBe(ms - (ms % 1000));
      }),
      { numRuns: 2_000 },
    );
  });
});
