import type { LiveFrame } from '../api/live.ts';

// Live status changes (`reservation.updated` frames) applied to what a screen shows.

interface HasStatus {
  readonly id: string;
  readonly status: string;
}

/** The id and new status when `frame` is about one of `ids`, else undefined. */
export function reservationUpdate(frame: LiveFrame, ids: readonly string[]): { id: string; status: string } | undefined {
  if (frame.type !== 'reservation.updated') return undefined;
  return ids.includes(frame.reservation.id) ? frame.reservation : undefined;
}

/** The list with the updated item's status replaced (same array when nothing changed). */
export function withStatus<T extends HasStatus>(items: readonly T[], update: { id: string; status: string }): readonly T[] {
  if (!items.some((item) => item.id === update.id && item.status !== update.status)) return items;
  return items.map((item) => (item.id === update.id ? { ...item, status: update.status } : item));
}
