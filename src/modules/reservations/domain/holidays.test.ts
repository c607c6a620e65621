import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HOLIDAY_YEARS,
  HolidayCalendarRangeError,
  holidaysOf,
  holidaysOn,
  isCalendarYear,
  isKoreanHoliday,
  type KoreanHoliday,
} from './holidays.ts';
import { KOREAN_HOLIDAYS } from './holidays.data.ts';

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030] as const;
const DAY_MS = 86_400_000;

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string): boolean => weekday(date) === 0 || weekday(date) === 6;
const show = (h: KoreanHoliday): string => `${h.date} ${h.kind} ${h.name}`;

// The official lists as published (2025, 2026) or as they follow from the rules (2027-2030).
const EXPECTED: Record<(typeof YEARS)[number], string[]> = {
  2025: [
    '2025-01-01 statutory 신정',
    '2025-01-27 temporary 임시공휴일',
    '2025-01-28 statutory 설날',
    '2025-01-29 statutory 설날',
    '2025-01-30 statutory 설날',
    '2025-03-01 statutory 삼일절',
    '2025-03-03 substitute 대체공휴일(삼일절)',
    '2025-05-05 statutory 어린이날',
    '2025-05-05 statutory 부처님오신날',
    '2025-05-06 substitute 대체공휴일(어린이날·부처님오신날)',
    '2025-06-03 election 제21대 대통령 선거일',
    '2025-06-06 statutory 현충일',
    '2025-08-15 statutory 광복절',
    '2025-10-03 statutory 개천절',
    '2025-10-05 statutory 추석',
    '2025-10-06 statutory 추석',
    '2025-10-07 statutory 추석',
    '2025-10-08 substitute 대체공휴일(추석)',
    '2025-10-09 statutory 한글날',
    '2025-12-25 statutory 성탄절',
  ],
  2026: [
    '2026-01-01 statutory 신정',
    '2026-02-16 statutory 설날',
    '2026-02-17 statutory 설날',
    '2026-02-18 statutory 설날',
    '2026-03-01 statutory 삼일절',
    '2026-03-02 substitute 대체공휴일(삼일절)',
    '2026-05-05 statutory 어린이날',
    '2026-05-24 statutory 부처님오신날',
    '2026-05-25 substitute 대체공휴일(부처님오신날)',
    '2026-06-03 election 제9회 전국동시지방선거일',
    '2026-06-06 statutory 현충일',
    '2026-07-17 statutory 제헌절',
    '2026-08-15 statutory 광복절',
    '2026-08-17 substitute 대체공휴일(광복절)',
    '2026-09-24 statutory 추석',
    '2026-09-25 statutory 추석',
    '2026-09-26 statutory 추석',
    '2026-10-03 statutory 개천절',
    '2026-10-05 substitute 대체공휴일(개천절)',
    '2026-10-09 statutory 한글날',
    '2026-12-25 statutory 성탄절',
  ],
  2027: [
    '2027-01-01 statutory 신정',
    '2027-02-06 statutory 설날',
    '2027-02-07 statutory 설날',
    '2027-02-08 statutory 설날',
    '2027-02-09 substitute 대체공휴일(설날)',
    '2027-03-01 statutory 삼일절',
    '2027-05-05 statutory 어린이날',
    '2027-05-13 statutory 부처님오신날',
    '2027-06-06 statutory 현충일',
    '2027-07-17 statutory 제헌절',
    '2027-07-19 substitute 대체공휴일(제헌절)',
    '2027-08-15 statutory 광복절',
    '2027-08-16 substitute 대체공휴일(광복절)',
    '2027-09-14 statutory 추석',
    '2027-09-15 statutory 추석',
    '2027-09-16 statutory 추석',
    '2027-10-03 statutory 개천절',
    '2027-10-04 substitute 대체공휴일(개천절)',
    '2027-10-09 statutory 한글날',
    '2027-10-11 substitute 대체공휴일(한글날)',
    '2027-12-25 statutory 성탄절',
    '2027-12-27 substitute 대체공휴일(성탄절)',
  ],
  2028: [
    '2028-01-01 statutory 신정',
    '2028-01-26 statutory 설날',
    '2028-01-27 statutory 설날',
    '2028-01-28 statutory 설날',
    '2028-03-01 statutory 삼일절',
    '2028-04-12 election 제23대 국회의원 선거일',
    '2028-05-02 statutory 부처님오신날',
    '2028-05-05 statutory 어린이날',
    '2028-06-06 statutory 현충일',
    '2028-07-17 statutory 제헌절',
    '2028-08-15 statutory 광복절',
    '2028-10-02 statutory 추석',
    '2028-10-03 statutory 추석',
    '2028-10-03 statutory 개천절',
    '2028-10-04 statutory 추석',
    '2028-10-05 substitute 대체공휴일(추석·개천절)',
    '2028-10-09 statutory 한글날',
    '2028-12-25 statutory 성탄절',
  ],
  2029: [
    '2029-01-01 statutory 신정',
    '2029-02-12 statutory 설날',
    '2029-02-13 statutory 설날',
    '2029-02-14 statutory 설날',
    '2029-03-01 statutory 삼일절',
    '2029-05-05 statutory 어린이날',
    '2029-05-07 substitute 대체공휴일(어린이날)',
    '2029-05-20 statutory 부처님오신날',
    '2029-05-21 substitute 대체공휴일(부처님오신날)',
    '2029-06-06 statutory 현충일',
    '2029-07-17 statutory 제헌절',
    '2029-08-15 statutory 광복절',
    '2029-09-21 statutory 추석',
    '2029-09-22 statutory 추석',
    '2029-09-23 statutory 추석',
    '2029-09-24 substitute 대체공휴일(추석)',
    '2029-10-03 statutory 개천절',
    '2029-10-09 statutory 한글날',
    '2029-12-25 statutory 성탄절',
  ],
  2030: [
    '2030-01-01 statutory 신정',
    '2030-02-02 statutory 설날',
    '2030-02-03 statutory 설날',
    '2030-02-04 statutory 설날',
    '2030-02-05 substitute 대체공휴일(설날)',
    '2030-03-01 statutory 삼일절',
    '2030-03-27 election 제22대 대통령 선거일',
    '2030-05-05 statutory 어린이날',
    '2030-05-06 substitute 대체공휴일(어린이날)',
    '2030-05-09 statutory 부처님오신날',
    '2030-06-06 statutory 현충일',
    '2030-06-12 election 제10회 전국동시지방선거일',
    '2030-07-17 statutory 제헌절',
    '2030-08-15 statutory 광복절',
    '2030-09-11 statutory 추석',
    '2030-09-12 statutory 추석',
    '2030-09-13 statutory 추석',
    '2030-10-03 statutory 개천절',
    '2030-10-09 statutory 한글날',
    '2030-12-25 statutory 성탄절',
  ],
};

describe('the holiday calendar, year by year', () => {
  it.each(YEARS)('%i matches the official list', (year) => {
    expect(holidaysOf(year).map(show)).toEqual(EXPECTED[year]);
  });

  it('covers 2025 through 2030 and nothing else', () => {
    expect(HOLIDAY_YEARS).toEqual({ from: 2025, to: 2030 });
    expect(YEARS.flatMap((year) => holidaysOf(year))).toEqual(KOREAN_HOLIDAYS);
  });
});

describe('the data', () => {
  it('is sorted, with real dates, English names and kinds', () => {
    const dates = KOREAN_HOLIDAYS.map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
    for (const h of KOREAN_HOLIDAYS) {
      expect(addDays(h.date, 0)).toBe(h.date);
      expect(h.nameEn).toMatch(/^[\x20-\x7e]+$/);
      expect(['statutory', 'substitute', 'election', 'temporary']).toContain(h.kind);
      expect(h.substituteFor !== undefined).toBe(h.kind === 'substitute');
    }
  });

  it('lists the fixed-date holidays every year, 제헌절 from 2026', () => {
    for (const year of YEARS) {
      const names = (date: string) => holidaysOn(`${year}-${date}`).map((h) => h.name);
      expect(names('01-01')).toContain('신정');
      expect(names('03-01')).toContain('삼일절');
      expect(names('05-05')).toContain('어린이날');
      expect(names('06-06')).toContain('현충일');
      expect(names('07-17')).toEqual(year >= 2026 ? ['제헌절'] : []);
      expect(names('08-15')).toContain('광복절');
      expect(names('10-03')).toContain('개천절');
      expect(names('10-09')).toContain('한글날');
      expect(names('12-25')).toContain('성탄절');
    }
  });

  it('gives 설날 and 추석 three consecutive days and 부처님오신날 one, each year', () => {
    for (const year of YEARS) {
      for (const name of ['설날', '추석']) {
        const days = holidaysOf(year).filter((h) => h.name === name).map((h) => h.date);
        expect(days).toEqual([days[0], addDays(days[0]!, 1), addDays(days[0]!, 2)]);
      }
      expect(holidaysOf(year).filter((h) => h.name === '부처님오신날')).toHaveLength(1);
    }
  });
});

// Mean new moon with the main periodic terms (Meeus, Astronomical Algorithms, ch. 49): good to a minute,
// enough to tell which KST day a new moon falls on. Korean lunar dates count from the KST day of the new moon.
function newMoonKstDates(fromYear: number, toYear: number): string[] {
  const rad = Math.PI / 180;
  const dates: string[] = [];
  for (let k = Math.floor((fromYear - 2000.1) * 12.3685); ; k++) {
    const t = k / 1236.85;
    const e = 1 - 0.002516 * t - 0.0000074 * t * t;
    const m = (2.5534 + 29.1053567 * k) * rad;
    const mp = (201.5643 + 385.81693528 * k + 0.0107582 * t * t) * rad;
    const f = (160.7108 + 390.67050284 * k - 0.0016118 * t * t) * rad;
    const om = (124.7746 - 1.56375588 * k) * rad;
    const jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t * t
      - 0.4072 * Math.sin(mp) + 0.17241 * e * Math.sin(m) + 0.01608 * Math.sin(2 * mp)
      + 0.01039 * Math.sin(2 * f) + 0.00739 * e * Math.sin(mp - m) - 0.00514 * e * Math.sin(mp + m)
      + 0.00208 * e * e * Math.sin(2 * m) - 0.00111 * Math.sin(mp - 2 * f) - 0.00057 * Math.sin(mp + 2 * f)
      + 0.00056 * e * Math.sin(2 * mp + m) - 0.00042 * Math.sin(3 * mp) + 0.00042 * e * Math.sin(m + 2 * f)
      + 0.00038 * e * Math.sin(m - 2 * f) - 0.00024 * e * Math.sin(2 * mp - m) - 0.00017 * Math.sin(om);
    const utcMs = (jde - 2440587.5) * DAY_MS - 69_000; // TT to UT: ΔT is about 69 s
    const kst = new Date(utcMs + 9 * 3_600_000).toISOString().slice(0, 10);
    if (kst.slice(0, 4) > String(toYear)) return dates;
    if (kst.slice(0, 4) >= String(fromYear)) dates.push(kst);
  }
}

describe('lunar holidays against the moon', () => {
  const newMoons = new Set(newMoonKstDates(HOLIDAY_YEARS.from, HOLIDAY_YEARS.to));
  const day = (year: number, name: string, index: number) =>
    holidaysOf(year).filter((h) => h.name === name && h.kind === 'statutory')[index]!.date;

  it('the computation finds about 12.4 new moons a year', () => {
    expect(newMoons.size).toBeGreaterThanOrEqual(74);
    expect(newMoons.size).toBeLessThanOrEqual(75);
  });

  it.each(YEARS)('%i: 설날 is a new moon day; 부처님오신날 and 추석 are the 8th and 15th of a lunar month', (year) => {
    const seollal = day(year, '설날', 1);
    expect(newMoons.has(seollal)).toBe(true);
    expect(seollal >= `${year}-01-21` && seollal <= `${year}-02-20`).toBe(true); // between 대한 and 우수
    expect(newMoons.has(addDays(day(year, '부처님오신날', 0), -7))).toBe(true);
    expect(newMoons.has(addDays(day(year, '추석', 1), -14))).toBe(true);
  });

  it('uses the Korean date where it differs from the Chinese one (KST new moon just after midnight)', () => {
    expect(day(2027, '설날', 1)).toBe('2027-02-07');
    expect(day(2028, '설날', 1)).toBe('2028-01-27');
  });
});

// 대체공휴일 rules, applied to the non-substitute entries, must give exactly the listed substitute days.
const SAT_OR_SUN = new Set(['삼일절', '부처님오신날', '제헌절', '광복절', '개천절', '한글날', '성탄절']);

function deriveSubstitutes(year: number): { date: string; substituteFor: string }[] {
  const base = holidaysOf(year).filter((h) => h.kind !== 'substitute');
  const namesOn = (date: string) => base.filter((h) => h.date === date).map((h) => h.name);
  const lost = new Set<string>();
  for (const h of base) {
    const others = namesOn(h.date).length > 1;
    const sunday = weekday(h.date) === 0;
    if ((h.name === '설날' || h.name === '추석') && (sunday || others)) lost.add(h.date);
    if (h.name === '어린이날' && (isWeekend(h.date) || others)) lost.add(h.date);
    if (SAT_OR_SUN.has(h.name) && isWeekend(h.date)) lost.add(h.date);
  }
  const taken = new Set(base.map((h) => h.date));
  return [...lost].sort().map((substituteFor) => {
    let date = addDays(substituteFor, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    return { date, substituteFor };
  });
}

describe('substitute holidays (대체공휴일)', () => {
  const substitutes = KOREAN_HOLIDAYS.filter((h) => h.kind === 'substitute');

  it.each(YEARS)('%i: the listed substitute days are exactly those the rules give', (year) => {
    const listed = holidaysOf(year)
      .filter((h) => h.kind === 'substitute')
      .map((h) => ({ date: h.date, substituteFor: h.substituteFor }));
    expect(listed).toEqual(deriveSubstitutes(year));
  });

  it('every substitute day is a weekday that is no other holiday', () => {
    for (const s of substitutes) {
      expect(isWeekend(s.date), s.date).toBe(false);
      expect(holidaysOn(s.date), s.date).toEqual([s]);
    }
  });

  it('every substitute day follows the holiday it substitutes, with no free weekday between', () => {
    for (const s of substitutes) {
      const lost = s.substituteFor!;
      expect(s.date > lost).toBe(true);
      const lostHolidays = holidaysOn(lost).filter((h) => h.kind === 'statutory');
      expect(lostHolidays.length, lost).toBeGreaterThan(0);
      expect(isWeekend(lost) || holidaysOn(lost).length > 1, lost).toBe(true);
      for (let d = addDays(lost, 1); d < s.date; d = addDays(d, 1)) {
        expect(isWeekend(d) || isKoreanHoliday(d), d).toBe(true);
      }
    }
  });

  it('no 신정 or 현충일 on a weekend gets a substitute, nor 추석 or 설날 on a Saturday', () => {
    const substituted = new Set(substitutes.map((s) => s.substituteFor));
    expect(substituted.has('2028-01-01')).toBe(false); // 신정, Saturday
    expect(substituted.has('2026-06-06')).toBe(false); // 현충일, Saturday
    expect(substituted.has('2027-06-06')).toBe(false); // 현충일, Sunday
    expect(substituted.has('2026-09-26')).toBe(false); // 추석, Saturday
    expect(substituted.has('2030-02-02')).toBe(false); // 설날, Saturday
  });
});

describe('election days', () => {
  it('are Wednesdays away from other holidays when held at the end of a term (공직선거법 §34)', () => {
    const termEnd = KOREAN_HOLIDAYS.filter((h) => h.kind === 'election' && h.date !== '2025-06-03');
    expect(termEnd.map((h) => h.date)).toEqual(['2026-06-03', '2028-04-12', '2030-03-27', '2030-06-12']);
    for (const h of termEnd) {
      expect(weekday(h.date)).toBe(3);
      expect(holidaysOn(addDays(h.date, -1))).toEqual([]);
      expect(holidaysOn(addDays(h.date, 1))).toEqual([]);
    }
  });
});

describe('isKoreanHoliday', () => {
  it('answers for holidays, substitute, election and temporary days', () => {
    for (const date of ['2025-01-27', '2025-01-29', '2025-05-06', '2025-06-03', '2026-06-03', '2028-01-26', '2028-10-05']) {
      expect(isKoreanHoliday(date), date).toBe(true);
    }
  });

  it('is false for ordinary days, plain Sundays and Saturdays, and 노동절', () => {
    for (const date of ['2026-03-10', '2026-03-15', '2026-03-14', '2026-05-01', '2025-10-10', '2028-01-25', '2030-06-05']) {
      expect(isKoreanHoliday(date), date).toBe(false);
    }
  });

  it('agrees with the list for every day of every covered year', () => {
    const listed = new Set(KOREAN_HOLIDAYS.map((h) => h.date));
    let count = 0;
    for (let d = '2025-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) {
      expect(isKoreanHoliday(d)).toBe(listed.has(d));
      if (listed.has(d)) count++;
    }
    expect(count).toBe(listed.size);
  });

  it('throws outside the covered years and for malformed dates', () => {
    for (const date of ['2024-12-31', '2031-01-01', '2025-02-29', '2025-1-01', '2025-01-01T00:00', '', 'holiday']) {
      expect(() => isKoreanHoliday(date), date).toThrow(HolidayCalendarRangeError);
    }
    expect(() => holidaysOn('2031-01-01')).toThrow(/covers 2025 to 2030/);
  });

  it('throws for any date outside the range and never for one inside', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (at) => {
        const date = at.toISOString().slice(0, 10);
        const inside = date >= '2025-01-01' && date <= '2030-12-31';
        if (inside) expect(typeof isKoreanHoliday(date)).toBe('boolean');
        else expect(() => isKoreanHoliday(date)).toThrow(HolidayCalendarRangeError);
      }),
    );
  });
});

describe('holidaysOf and holidaysOn', () => {
  it('lists two holidays on a shared date', () => {
    expect(holidaysOn('2025-05-05').map((h) => h.name)).toEqual(['어린이날', '부처님오신날']);
    expect(holidaysOn('2028-10-03').map((h) => h.name)).toEqual(['추석', '개천절']);
    expect(holidaysOn('2026-03-10')).toEqual([]);
  });

  it('throws for years it does not cover', () => {
    for (const year of [2024, 2031, 2025.5, Number.NaN]) {
      expect(() => holidaysOf(year), String(year)).toThrow(HolidayCalendarRangeError);
      expect(isCalendarYear(year)).toBe(false);
    }
    expect(isCalendarYear(2025) && isCalendarYear(2030)).toBe(true);
  });
});
