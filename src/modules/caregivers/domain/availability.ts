import type { FieldError } from '../../../platform/errors.ts';

// Time windows asked about by the busy calendar and the availability search filter. Pure.
// A window is half-open, [from, to): a reservation ending at 13:00 does not touch a window from 13:00.

/** `availableFrom`..`availableTo` of the search may span at most this much. */
export const SEARCH_WINDOW_MAX_DAYS = 31;
/** `from`..`to` of GET /caregivers/:id/busy may span at most this much. */
export const BUSY_WINDOW_MAX_DAYS = 92;

const DAY_MS = 86_400_000;

export interface TimeWindow {
  readonly from: Date;
  readonly to: Date;
}

// RFC 3339 / ISO 8601 with seconds and an offset: 2026-12-01T09:00:00+09:00, 2026-12-01T00:00:00.5Z.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * An instant written with an offset, or undefined. Calendar-checked (no 30 February, which Date would roll
 * over into March); fractions beyond milliseconds are truncated, as Date keeps milliseconds.
 */
export function parseInstant(text: string): Date | undefined {
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const [offsetHours, offsetMinutes] = [Number(match[9] ?? 0), Number(match[10] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const instant = new Date(text.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

export interface WindowRule {
  /** The names of the two parameters, for field errors. */
  readonly fromField: string;
  readonly toField: string;
  readonly maxDays: number;
}

export type WindowCheck =
  | { readonly ok: true; readonly value: TimeWindow }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const MUST_BE_INSTANT = 'must be an ISO 8601 date-time with an offset, e.g. 2026-12-01T09:00:00+09:00';

/** Both ends given, each an instant with an offset, from before to, and at most `maxDays` apart. */
export function checkWindow(from: string | undefined, to: string | undefined, rule: WindowRule): WindowCheck {
  const errors: FieldError[] = [];
  if (from === undefined) errors.push({ field: rule.fromField, message: `is required${to === undefined ? '' : ` with ${rule.toField}`}` });
  if (to === undefined) errors.push({ field: rule.toField, message: `is required${from === undefined ? '' : ` with ${rule.fromField}`}` });
  const start = from === undefined ? undefined : parseInstant(from);
  const end = to === undefined ? undefined : parseInstant(to);
  if (from !== undefined && start === undefined) errors.push({ field: rule.fromField, message: MUST_BE_INSTANT });
  if (to !== undefined && end === undefined) errors.push({ field: rule.toField, message: MUST_BE_INSTANT });
  if (start && end) {
    if (end.getTime() <= start.getTime()) errors.push({ field: rule.toField, message: `must be after ${rule.fromField}` });
    else if (end.getTime() - start.getTime() > rule.maxDays * DAY_MS) {
      errors.push({ field: rule.toField, message: `must be at most ${rule.maxDays} days after ${rule.fromField}` });
    }
  }
  if (errors.length > 0 || !start || !end) return { ok: false, errors };
  return { ok: true, value: { from: start, to: end } };
}

/** Whether two half-open intervals share an instant (back to back does not). */
export function overlaps(a: TimeWindow, b: TimeWindow): boolean {
  return a.from.getTime() < b.to.getTime() && b.from.getTime() < a.to.getTime();
}
