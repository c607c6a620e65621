// Korea time for the web app, in one place: the API takes and gives instants with the +09:00 offset,
// forms show Seoul wall-clock time (`datetime-local`, `date` inputs), and the business calendar is
// Seoul's. The offset arithmetic is the server's (src/platform/kst.ts: pure, no dependencies).

import { kstDate, kstIso } from '../../../src/platform/kst.ts';

export const BUSINESS_TIME_ZONE = 'Asia/Seoul';
const OFFSET = '+09:00';
export const HOUR_MS = 3_600_000;

/** A Seoul wall time (`datetime-local` value, yyyy-mm-ddThh:mm[:ss]) as ISO 8601 with +09:00. */
export function seoulInputToIso(value: string): string {
  return `${value.length === 16 ? `${value}:00` : value}${OFFSET}`;
}

/** The Seoul wall time of an instant, as a `datetime-local` value (yyyy-mm-ddThh:mm). */
export function isoToSeoulInput(iso: string | Date): string {
  return kstIso(new Date(iso)).slice(0, 16);
}

/** The Seoul calendar day (yyyy-mm-dd) of an instant. */
export function seoulDay(at: Date): string {
  return kstDate(at);
}

/** 00:00 Seoul time of a calendar day (yyyy-mm-dd), as ISO with +09:00. */
export function seoulDayStart(day: string): string {
  return `${day}T00:00:00${OFFSET}`;
}

/** The calendar day after `day` (yyyy-mm-dd). */
export function nextDay(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
}

/** `hours` after an instant. */
export function addHours(at: string | Date, hours: number): Date {
  return new Date(new Date(at).getTime() + hours * HOUR_MS);
}
