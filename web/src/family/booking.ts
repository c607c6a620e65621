import { addHours, isoToSeoulInput, seoulDay, seoulInputToIso } from '../i18n/seoul-time.ts';

// Pure helpers of the booking form: the end of the booking from its start and duration, and the
// patient's conditions typed as a comma- or line-separated list.

export type RateType = 'HOURLY' | 'DAILY';

/** A whole positive number from a text input, else undefined. */
export function wholeNumber(text: string): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/** startAt and endAt (ISO with +09:00) for a Seoul datetime-local start and a duration in hours or days. */
export function bookingTimes(start: string, rateType: RateType, duration: string): { startAt: string; endAt: string } | undefined {
  const units = Number(duration);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(start) || duration.trim() === '' || !Number.isFinite(units) || units <= 0) return undefined;
  const startAt = seoulInputToIso(start);
  const hours = rateType === 'DAILY' ? units * 24 : units;
  const end = addHours(startAt, hours);
  if (Number.isNaN(end.getTime())) return undefined;
  // A duration that is not whole (1.5 hours) is sent as typed: the server explains what is wrong.
  return { startAt, endAt: seoulInputToIso(isoToSeoulInput(end)) };
}

export function parseConditions(text: string): string[] {
  return [...new Set(text.split(/[,\n，]/).map((c) => c.trim()).filter(Boolean))];
}

/** Tomorrow 09:00 in Seoul, as a datetime-local value: a sensible first start. */
export function defaultStart(now = new Date()): string {
  return `${seoulDay(addHours(now, 24))}T09:00`;
}

export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
