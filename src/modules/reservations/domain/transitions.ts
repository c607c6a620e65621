import { conflict } from '../../../platform/errors.ts';
import type { ReservationStatus } from '../contract.ts';

// The life cycle of a reservation as ONE table: (status, action, actor) -> next status. Pure.
// Whatever the table does not list is refused: the use cases answer 409 INVALID_TRANSITION.
// GUARDIAN and CAREGIVER mean the reservation's own guardian and caregiver (the use cases answer 404 to
// anyone else); SYSTEM is the platform itself (timers, the payment saga). Time rules (when check-in
// opens, when a request expires) are in deadlines.ts; the table says only who may do what from where.

export { RESERVATION_STATUSES } from '../contract.ts';

export type ReservationAction = 'accept' | 'reject' | 'cancel' | 'checkIn' | 'checkOut' | 'expire' | 'confirmPayment' | 'autoComplete';
export const RESERVATION_ACTIONS: readonly ReservationAction[] = [
  'accept', 'reject', 'cancel', 'checkIn', 'checkOut', 'expire', 'confirmPayment', 'autoComplete',
];

export type TransitionActor = 'GUARDIAN' | 'CAREGIVER' | 'ADMIN' | 'SYSTEM';
export const TRANSITION_ACTORS: readonly TransitionActor[] = ['GUARDIAN', 'CAREGIVER', 'ADMIN', 'SYSTEM'];

type Rule = readonly [from: ReservationStatus, action: ReservationAction, actors: readonly TransitionActor[], to: ReservationStatus];

const PEOPLE: readonly TransitionActor[] = ['GUARDIAN', 'CAREGIVER', 'ADMIN'];

/** The whole state machine. After check-in nobody cancels through the API (only check-out or the timer end it). */
export const TRANSITION_TABLE: readonly Rule[] = [
  ['REQUESTED', 'accept', ['CAREGIVER'], 'ACCEPTED'],
  // SYSTEM: the caregiver's account was suspended (app/account-suspended.ts).
  ['REQUESTED', 'reject', ['CAREGIVER', 'SYSTEM'], 'REJECTED'],
  ['REQUESTED', 'cancel', PEOPLE, 'CANCELLED'],
  ['REQUESTED', 'expire', ['SYSTEM'], 'EXPIRED'],
  ['ACCEPTED', 'cancel', PEOPLE, 'CANCELLED'],
  ['ACCEPTED', 'expire', ['SYSTEM'], 'EXPIRED'],
  ['ACCEPTED', 'confirmPayment', ['SYSTEM'], 'CONFIRMED'],
  ['CONFIRMED', 'cancel', PEOPLE, 'CANCELLED'],
  ['CONFIRMED', 'checkIn', ['CAREGIVER'], 'IN_PROGRESS'],
  ['CONFIRMED', 'autoComplete', ['SYSTEM'], 'COMPLETED'],
  ['IN_PROGRESS', 'checkOut', ['CAREGIVER'], 'COMPLETED'],
  ['IN_PROGRESS', 'autoComplete', ['SYSTEM'], 'COMPLETED'],
];

const INDEX = new Map<string, ReservationStatus>(
  TRANSITION_TABLE.flatMap(([from, action, actors, to]) => actors.map((actor) => [`${from}|${action}|${actor}`, to] as const)),
);

/** The status `action` by `actor` leads to from `status`, or undefined when it is not allowed. */
export function nextStatus(status: ReservationStatus, action: ReservationAction, actor: TransitionActor): ReservationStatus | undefined {
  return INDEX.get(`${status}|${action}|${actor}`);
}

/** As nextStatus, but a refusal is the 409 INVALID_TRANSITION problem. */
export function transition(status: ReservationStatus, action: ReservationAction, actor: TransitionActor): ReservationStatus {
  const next = nextStatus(status, action, actor);
  if (next === undefined) {
    throw conflict('INVALID_TRANSITION', `A ${status} reservation cannot be ${PAST[action]} by ${actor.toLowerCase()}`);
  }
  return next;
}

const PAST: Record<ReservationAction, string> = {
  accept: 'accepted',
  reject: 'rejected',
  cancel: 'cancelled',
  checkIn: 'checked in',
  checkOut: 'checked out',
  expire: 'expired',
  confirmPayment: 'confirmed by a payment',
  autoComplete: 'completed automatically',
};

/** Statuses that hold the caregiver's time (no overlap allowed among them); the contract's ACTIVE_STATUSES. */
export function isActive(status: ReservationStatus): boolean {
  return status === 'REQUESTED' || status === 'ACCEPTED' || status === 'CONFIRMED' || status === 'IN_PROGRESS';
}

/** Statuses nothing leaves. */
export function isFinal(status: ReservationStatus): boolean {
  return !isActive(status);
}
