import { api, call } from '../api/client.ts';
import { useLiveFrames, type LiveFrame } from '../api/live.ts';
import { ApiProblem } from '../api/problem.ts';
import type { Json, Query, Reservation } from '../api/types.ts';

// Data helpers shared by the caregiver screens.

export type MyProfile = Json<'/api/v1/caregivers/me', 'get'>;
export type CaregiverDocument = MyProfile['documents'][number];
export type ReservationStatus = Reservation['status'];

/** The signed-in caregiver's own profile, or null while they have not created one (404). */
export async function loadMyProfile(): Promise<MyProfile | null> {
  try {
    return await call(api.GET('/api/v1/caregivers/me'));
  } catch (error) {
    if (error instanceof ApiProblem && error.problem.status === 404) return null;
    throw error;
  }
}

/** The caregiver's reservations in the given statuses (one page of up to 100). */
export async function loadReservations(status: readonly ReservationStatus[]): Promise<Reservation[]> {
  const query: Query<'/api/v1/reservations'> = { status: [...status], limit: 100 };
  const page = await call(api.GET('/api/v1/reservations', { params: { query } }));
  return page.items as Reservation[];
}

export const ACTIVE_STATUSES: readonly ReservationStatus[] = ['ACCEPTED', 'CONFIRMED', 'IN_PROGRESS'];
export const FINISHED_STATUSES: readonly ReservationStatus[] = ['COMPLETED', 'CANCELLED', 'REJECTED', 'EXPIRED'];

const RELOADING_NOTIFICATIONS = new Set(['CAREGIVER_APPROVED', 'CAREGIVER_REJECTED', 'RESERVATION_REQUESTED', 'RESERVATION_CONFIRMED', 'RESERVATION_CANCELLED', 'RESERVATION_EXPIRED']);

/** Whether a live frame changes what the caregiver screens show (their profile or their bookings). */
export function changesCaregiverData(frame: LiveFrame): boolean {
  if (frame.type === 'reservation.updated') return true;
  return frame.type === 'notification' && RELOADING_NOTIFICATIONS.has(frame.notification.type);
}

/** Calls `reload` whenever a relevant live frame arrives. */
export function useLiveReload(reload: () => void): void {
  useLiveFrames((frame) => {
    if (changesCaregiverData(frame)) reload();
  });
}


/** Sorts reservations by start, soonest first. */
export function byStart(a: Reservation, b: Reservation): number {
  return a.startAt.localeCompare(b.startAt);
}
