// Korean public holidays (관공서의 공휴일에 관한 규정 / 공휴일에 관한 법률), 2025 through 2030, as data.
// Sundays are holidays too but are not listed: callers test the weekday themselves.
//
// Lunar holidays are resolved to solar dates by the Korean calendar (KST, 135°E meridian), which differs
// from the Chinese one in some years: 설날 2027 is 02-07 (China 02-06) and 설날 2028 is 01-27 (China 01-26).
// holidays.test.ts checks every lunar date against computed new moons.
//
// Substitute holidays (대체공휴일, the first following day that is neither a weekend day nor a holiday):
// - 설날 and 추석 (each of the three days) falling on a Sunday or on another holiday;
// - 어린이날 falling on a Saturday, a Sunday or another holiday;
// - 3·1절, 광복절, 개천절, 한글날 (since 2021), 부처님오신날 and 성탄절 (since 2023), and 제헌절 (a public
//   holiday again from 2026) falling on a Saturday or a Sunday.
// One date lost to an overlap gives one substitute day (2025-05-05: 어린이날 = 부처님오신날 -> only 05-06).
//
// Election days: the day of each election held at the end of a term is a public holiday. Its date is fixed
// by 공직선거법 §34: the first Wednesday from the 70th (president), 50th (National Assembly) or 30th (local)
// day before the term ends, moved a week later when that Wednesday, or the day before or after it, is a holiday.
// Not listed: 노동절 (05-01; a paid holiday for employees, not a public holiday, as of early 2026) and any
// temporary holiday not yet designated. Update this file when the government designates one.

export type HolidayKind = 'statutory' | 'substitute' | 'election' | 'temporary';

export interface KoreanHoliday {
  /** Calendar date in Asia/Seoul, `YYYY-MM-DD`. */
  readonly date: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: HolidayKind;
  /** For a substitute holiday: the date of the holiday it makes up for. */
  readonly substituteFor?: string;
}

const NAMES = {
  newYear: ['신정', "New Year's Day"],
  seollal: ['설날', 'Seollal (Korean New Year)'],
  independence: ['삼일절', 'Independence Movement Day'],
  children: ['어린이날', "Children's Day"],
  buddha: ['부처님오신날', "Buddha's Birthday"],
  childrenBuddha: ['어린이날·부처님오신날', "Children's Day and Buddha's Birthday"],
  memorial: ['현충일', 'Memorial Day'],
  constitution: ['제헌절', 'Constitution Day'],
  liberation: ['광복절', 'Liberation Day'],
  chuseok: ['추석', 'Chuseok'],
  chuseokFoundation: ['추석·개천절', 'Chuseok and National Foundation Day'],
  foundation: ['개천절', 'National Foundation Day'],
  hangeul: ['한글날', 'Hangeul Day'],
  christmas: ['성탄절', 'Christmas Day'],
} as const satisfies Record<string, readonly [string, string]>;

type Name = keyof typeof NAMES;

function statutory(date: string, name: Name): KoreanHoliday {
  const [ko, en] = NAMES[name];
  return { date, name: ko, nameEn: en, kind: 'statutory' };
}

function substitute(date: string, substituteFor: string, name: Name): KoreanHoliday {
  const [ko, en] = NAMES[name];
  return { date, name: `대체공휴일(${ko})`, nameEn: `Substitute holiday (${en})`, kind: 'substitute', substituteFor };
}

function election(date: string, name: string, nameEn: string): KoreanHoliday {
  return { date, name, nameEn, kind: 'election' };
}

function temporary(date: string, nameEn: string): KoreanHoliday {
  return { date, name: '임시공휴일', nameEn, kind: 'temporary' };
}

/** Every holiday, sorted by date. Two entries may share a date (2025-05-05, 2028-10-03). */
export const KOREAN_HOLIDAYS: readonly KoreanHoliday[] = [
  // 2025
  statutory('2025-01-01', 'newYear'),
  temporary('2025-01-27', 'Temporary holiday (before Seollal)'), // designated by the Cabinet on 2025-01-14
  statutory('2025-01-28', 'seollal'),
  statutory('2025-01-29', 'seollal'),
  statutory('2025-01-30', 'seollal'),
  statutory('2025-03-01', 'independence'), // Saturday
  substitute('2025-03-03', '2025-03-01', 'independence'),
  statutory('2025-05-05', 'children'),
  statutory('2025-05-05', 'buddha'),
  substitute('2025-05-06', '2025-05-05', 'childrenBuddha'),
  // 21st presidential election after a removal from office: not a term-end election, so the government
  // designated the day a temporary holiday. Listed as an election for what it was.
  election('2025-06-03', '제21대 대통령 선거일', '21st presidential election day'),
  statutory('2025-06-06', 'memorial'),
  statutory('2025-08-15', 'liberation'),
  statutory('2025-10-03', 'foundation'),
  statutory('2025-10-05', 'chuseok'), // Sunday
  statutory('2025-10-06', 'chuseok'),
  statutory('2025-10-07', 'chuseok'),
  substitute('2025-10-08', '2025-10-05', 'chuseok'),
  statutory('2025-10-09', 'hangeul'),
  statutory('2025-12-25', 'christmas'),

  // 2026
  statutory('2026-01-01', 'newYear'),
  statutory('2026-02-16', 'seollal'),
  statutory('2026-02-17', 'seollal'),
  statutory('2026-02-18', 'seollal'),
  statutory('2026-03-01', 'independence'), // Sunday
  substitute('2026-03-02', '2026-03-01', 'independence'),
  statutory('2026-05-05', 'children'),
  statutory('2026-05-24', 'buddha'), // Sunday
  substitute('2026-05-25', '2026-05-24', 'buddha'),
  election('2026-06-03', '제9회 전국동시지방선거일', '9th nationwide local elections day'),
  statutory('2026-06-06', 'memorial'), // Saturday: no substitute for 현충일
  // 제헌절 is a public holiday again: 공휴일에 관한 법률 amendment passed on 2026-01-29, in force before 07-17.
  statutory('2026-07-17', 'constitution'),
  statutory('2026-08-15', 'liberation'), // Saturday
  substitute('2026-08-17', '2026-08-15', 'liberation'),
  statutory('2026-09-24', 'chuseok'),
  statutory('2026-09-25', 'chuseok'),
  statutory('2026-09-26', 'chuseok'), // Saturday: no substitute for 추석
  statutory('2026-10-03', 'foundation'), // Saturday
  substitute('2026-10-05', '2026-10-03', 'foundation'),
  statutory('2026-10-09', 'hangeul'),
  statutory('2026-12-25', 'christmas'),

  // 2027 (no election)
  statutory('2027-01-01', 'newYear'),
  statutory('2027-02-06', 'seollal'),
  statutory('2027-02-07', 'seollal'), // Sunday
  statutory('2027-02-08', 'seollal'),
  substitute('2027-02-09', '2027-02-07', 'seollal'),
  statutory('2027-03-01', 'independence'),
  statutory('2027-05-05', 'children'),
  statutory('2027-05-13', 'buddha'),
  statutory('2027-06-06', 'memorial'), // Sunday: no substitute for 현충일
  statutory('2027-07-17', 'constitution'), // Saturday
  // designated by law/decree; verify: assumes the decree extends the 국경일 substitute rule to 제헌절.
  substitute('2027-07-19', '2027-07-17', 'constitution'),
  statutory('2027-08-15', 'liberation'), // Sunday
  substitute('2027-08-16', '2027-08-15', 'liberation'),
  statutory('2027-09-14', 'chuseok'),
  statutory('2027-09-15', 'chuseok'),
  statutory('2027-09-16', 'chuseok'),
  statutory('2027-10-03', 'foundation'), // Sunday
  substitute('2027-10-04', '2027-10-03', 'foundation'),
  statutory('2027-10-09', 'hangeul'), // Saturday
  substitute('2027-10-11', '2027-10-09', 'hangeul'),
  statutory('2027-12-25', 'christmas'), // Saturday
  substitute('2027-12-27', '2027-12-25', 'christmas'),

  // 2028
  statutory('2028-01-01', 'newYear'), // Saturday: no substitute for 신정
  statutory('2028-01-26', 'seollal'),
  statutory('2028-01-27', 'seollal'), // new moon 2028-01-27 00:12 KST (China: 01-26)
  statutory('2028-01-28', 'seollal'),
  statutory('2028-03-01', 'independence'),
  // designated by law/decree; verify: 23rd National Assembly election, term ends 2028-05-29 -> first
  // Wednesday from 04-09 (공직선거법 §34).
  election('2028-04-12', '제23대 국회의원 선거일', '23rd National Assembly election day'),
  statutory('2028-05-02', 'buddha'),
  statutory('2028-05-05', 'children'),
  statutory('2028-06-06', 'memorial'),
  statutory('2028-07-17', 'constitution'),
  statutory('2028-08-15', 'liberation'),
  statutory('2028-10-02', 'chuseok'),
  statutory('2028-10-03', 'chuseok'),
  statutory('2028-10-03', 'foundation'), // a weekday: only 추석's overlap rule applies
  statutory('2028-10-04', 'chuseok'),
  substitute('2028-10-05', '2028-10-03', 'chuseokFoundation'),
  statutory('2028-10-09', 'hangeul'),
  statutory('2028-12-25', 'christmas'),

  // 2029 (no election)
  statutory('2029-01-01', 'newYear'),
  statutory('2029-02-12', 'seollal'),
  statutory('2029-02-13', 'seollal'),
  statutory('2029-02-14', 'seollal'),
  statutory('2029-03-01', 'independence'),
  statutory('2029-05-05', 'children'), // Saturday
  substitute('2029-05-07', '2029-05-05', 'children'),
  statutory('2029-05-20', 'buddha'), // Sunday
  substitute('2029-05-21', '2029-05-20', 'buddha'),
  statutory('2029-06-06', 'memorial'),
  statutory('2029-07-17', 'constitution'),
  statutory('2029-08-15', 'liberation'),
  statutory('2029-09-21', 'chuseok'),
  statutory('2029-09-22', 'chuseok'), // Saturday: does not count for 추석
  statutory('2029-09-23', 'chuseok'), // Sunday
  substitute('2029-09-24', '2029-09-23', 'chuseok'),
  statutory('2029-10-03', 'foundation'),
  statutory('2029-10-09', 'hangeul'),
  statutory('2029-12-25', 'christmas'),

  // 2030
  statutory('2030-01-01', 'newYear'),
  statutory('2030-02-02', 'seollal'), // Saturday: does not count for 설날
  statutory('2030-02-03', 'seollal'), // Sunday
  statutory('2030-02-04', 'seollal'),
  substitute('2030-02-05', '2030-02-03', 'seollal'),
  statutory('2030-03-01', 'independence'),
  // designated by law/decree; verify: 22nd presidential election. The term begun 2025-06-04 ends 2030-06-03;
  // the first Wednesday from the 70th day before (03-25) is 03-27. A constitutional amendment could move it.
  election('2030-03-27', '제22대 대통령 선거일', '22nd presidential election day'),
  statutory('2030-05-05', 'children'), // Sunday
  substitute('2030-05-06', '2030-05-05', 'children'),
  statutory('2030-05-09', 'buddha'),
  statutory('2030-06-06', 'memorial'),
  // designated by law/decree; verify: 10th local elections. Terms end 2030-06-30 -> first Wednesday from
  // 05-31 is 06-05, but 06-06 (현충일) is the day after, so the election moves to the next Wednesday.
  election('2030-06-12', '제10회 전국동시지방선거일', '10th nationwide local elections day'),
  statutory('2030-07-17', 'constitution'),
  statutory('2030-08-15', 'liberation'),
  statutory('2030-09-11', 'chuseok'),
  statutory('2030-09-12', 'chuseok'),
  statutory('2030-09-13', 'chuseok'),
  statutory('2030-10-03', 'foundation'),
  statutory('2030-10-09', 'hangeul'),
  statutory('2030-12-25', 'christmas'),
];
