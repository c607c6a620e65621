import { invalid, notFound } from '../../../platform/errors.ts';
import { listBusyIntervals } from '../db/busy-slots.repo.ts';
import { findProfileById } from '../db/caregivers.repo.ts';
import { BUSY_WINDOW_MAX_DAYS, checkWindow } from '../domain/availability.ts';
import { publiclyVisible } from '../domain/visibility.ts';
import type { CaregiversDeps } from './deps.ts';
import type { BusyTime } from './schemas.ts';

/**
 * When an APPROVED caregiver is booked between `from` and `to` (at most 92 days): the intervals of their
 * active reservations overlapping the window, earliest first, whole (not clipped to the window), and
 * nothing else about them. Public; other profiles answer 404 like GET /caregivers/:id does for strangers.
 */
export function makeGetBusyTimes({ platform }: CaregiversDeps) {
  return async function getBusyTimes(caregiverId: string, query: { from?: string | undefined; to?: string | undefined }): Promise<BusyTime[]> {
    const window = checkWindow(query.from, query.to, { fromField: 'from', toField: 'to', maxDays: BUSY_WINDOW_MAX_DAYS });
    if (!window.ok) throw invalid('The time window is not valid', window.errors);
    const { db } = platform.database;
    const profile = await findProfileById(db, caregiverId);
    if (!profile || !publiclyVisible(profile)) throw notFound('Caregiver', 'CAREGIVER_NOT_FOUND');
    const intervals = await listBusyIntervals(db, profile.id, window.value);
    return intervals.map((i) => ({ startAt: i.startAt.toISOString(), endAt: i.endAt.toISOString() }));
  };
}
