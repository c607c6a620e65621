// What other modules may know of reservations: statuses, the events (payloads are versioned), the API.

export type ReservationStatus =
  | 'REQUESTED'
  | 'ACCEPTED'
  | 'CONFIRMED'
  | 'IN_PROGRESS'
  | 'COMPLETED'
  | 'REJECTED'
  | 'CANCELLED'
  | 'EXPIRED';

export const RESERVATION_STATUSES: readonly ReservationStatus[] = [
  'REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'CANCELLED', 'EXPIRED',
];

/** The statuses that hold a caregiver's time: no two of them may overlap for one caregiver. */
export const ACTIVE_STATUSES: readonly ReservationStatus[] = ['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS'];

export const RESERVATION_EVENTS = {
  requested: 'reservation.requested.v1',
  accepted: 'reservation.accepted.v1',
  rejected: 'reservation.rejected.v1',
  cancelled: 'reservation.cancelled.v1',
  expired: 'reservation.expired.v1',
  confirmed: 'reservation.confirmed.v1',
  checkedIn: 'reservation.checked_in.v1',
  completed: 'reservation.completed.v1',
  reminder: 'reservation.reminder.v1',
  /** A payment arrived for a reservation that had already ended: the payments module refunds it in full. */
  paymentRefused: 'reservation.payment_refused.v1',
} as const;

/** The events that report a status change (reminders and payment refusals change none). */
export const RESERVATION_STATUS_EVENTS: readonly string[] = [
  RESERVATION_EVENTS.requested,
  RESERVATION_EVENTS.accepted,
  RESERVATION_EVENTS.rejected,
  RESERVATION_EVENTS.cancelled,
  RESERVATION_EVENTS.expired,
  RESERVATION_EVENTS.confirmed,
  RESERVATION_EVENTS.checkedIn,
  RESERVATION_EVENTS.completed,
];

/** Every reservation event carries this, so consumers (notifications, feeds, busy slots) need no lookup. */
export interface ReservationEventBase {
  readonly reservationId: string;
  readonly status: ReservationStatus;
  readonly guardianId: string;
  readonly caregiverId: string;
  /** The caregiver's user id (identity), for notifications. */
  readonly caregiverUserId: string;
  readonly caregiverName: string;
  readonly startAt: string;
  readonly endAt: string;
  readonly totalAmount: number;
}

export type ReservationRequestedV1 = ReservationEventBase;
export type ReservationAcceptedV1 = ReservationEventBase;
export interface ReservationRejectedV1 extends ReservationEventBase {
  readonly reason: string;
}
export interface ReservationCancelledV1 extends ReservationEventBase {
  readonly cancelledBy: 'GUARDIAN' | 'CAREGIVER' | 'ADMIN';
  readonly reason: string;
  /** Whether the reservation had been paid (CONFIRMED) when cancelled. */
  readonly paid: boolean;
  /** What the policy refunds (0 before payment). The payments module carries it out. */
  readonly refundAmount: number;
}
export interface ReservationExpiredV1 extends ReservationEventBase {
  readonly previousStatus: 'REQUESTED' | 'ACCEPTED';
}
export interface ReservationConfirmedV1 extends ReservationEventBase {
  readonly paymentId: string;
}
export interface ReservationCheckedInV1 extends ReservationEventBase {
  readonly checkedInAt: string;
}
export interface ReservationCompletedV1 extends ReservationEventBase {
  readonly completedAt: string;
  /** true when nobody checked out and the timer completed it. */
  readonly automatic: boolean;
}
export interface ReservationReminderV1 extends ReservationEventBase {
  readonly hoursBefore: 24 | 1;
}
export interface ReservationPaymentRefusedV1 {
  readonly reservationId: string;
  readonly paymentId: string;
  readonly status: ReservationStatus;
}

/** What the payments module needs to open a payment for a reservation. */
export interface PayableReservation {
  readonly id: string;
  readonly status: ReservationStatus;
  readonly guardianId: string;
  readonly caregiverId: string;
  readonly caregiverUserId: string;
  readonly totalAmount: number;
  /** e.g. "간병 예약 12/01 09:00 (김영희)": Toss shows it to the payer. */
  readonly orderName: string;
  readonly startAt: string;
  readonly expiresAt: string | null;
}

export interface ReservationsApi {
  /** The reservation if `guardianId` is its guardian; undefined when unknown or someone else's (any status). */
  findPayable(reservationId: string, guardianId: string): Promise<PayableReservation | undefined>;
  /** Participants of a reservation (for access checks elsewhere, e.g. payments read by the payee). */
  participants(reservationId: string): Promise<{ guardianId: string; caregiverUserId: string } | undefined>;
  /** Withdrawal blocker: reservations of the user not yet finished. */
  hasUnfinishedReservations(userId: string): Promise<boolean>;
  /** How many reservations are in each status, every status present (0 when none): admin statistics. */
  countByStatus(): Promise<Record<ReservationStatus, number>>;
}
