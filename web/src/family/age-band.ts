import { seoulDay } from '../i18n/seoul-time.ts';

/**
 * The decade of a caregiver's age this year in Seoul (1971 in 2026 -> 50, shown "50대"): what Korean care
 * apps show instead of the exact age. Undefined for nonsense.
 */
export function ageBand(birthYear: number, now: Date): number | undefined {
  const age = Number(seoulDay(now).slice(0, 4)) - birthYear;
  if (!Number.isInteger(birthYear) || age < 10 || age > 120) return undefined;
  return Math.floor(age / 10) * 10;
}
