// Korea Standard Time, the business calendar: night and holiday surcharges, ages, dates people read, Toss's
// timestamps. KST is UTC+9 all year (Korea has kept no daylight saving time since 1988), so a fixed offset
// is exact and no time zone database is needed. Pure; instants are Dates or epoch milliseconds.

const KST_OFFSET_MS = 9 * 3_600_000;

/** The instant shifted so that its UTC fields read as the KST wall clock. */
function shifted(instant: Date | number): Date {
  return new Date(new Date(instant).getTime() + KST_OFFSET_MS);
}

/** The KST wall clock at an instant: calendar date (`YYYY-MM-DD`), hour (0-23) and weekday (0 = Sunday). */
export function kstClock(instant: Date | number): { readonly date: string; readonly hour: number; readonly weekday: number } {
  const kst = shifted(instant);
  return { date: kst.toISOString().slice(0, 10), hour: kst.getUTCHours(), weekday: kst.getUTCDay() };
}

/** The KST calendar date at an instant, `YYYY-MM-DD`. */
export function kstDate(instant: Date | number): string {
  return shifted(instant).toISOString().slice(0, 10);
}

/** The KST calendar year at an instant. */
export function kstYear(instant: Date | number): number {
  return shifted(instant).getUTCFullYear();
}

/** Month, day and time in KST for people to read, e.g. `12/01 09:00`. */
export function kstShortTime(instant: Date | number): string {
  const kst = shifted(instant).toISOString();
  return `${kst.slice(5, 7)}/${kst.slice(8, 10)} ${kst.slice(11, 16)}`;
}

/** ISO 8601 in KST with its offset, to the second, e.g. `2026-12-01T09:00:00+09:00` (as Toss writes times). */
export function kstIso(instant: Date | number): string {
  return `${shifted(instant).toISOString().slice(0, 19)}+09:00`;
}
