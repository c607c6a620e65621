// What other modules may know of reservations: statuses, the events (payloads are versioned), the API.

import Type, { type Static } from 'typebox';
import { defineEvent } from '../../platform/events/event.ts';
import type { StatsRange } from '../../platform/stats-range.ts';

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

const ReservationStatusSchema = Type.Enum(RESERVATION_STATUSES);

/** Every reservation event carries this, so consumers (notifications, feeds, busy slots) need no lookup. */
export const ReservationEventBase = Type.Object({
  reservationId: Type.String(),
  status: ReservationStatusSchema,
  guardianId: Type.String(),
  caregiverId: Type.String(),
  /** The caregiver's user id (identity), for notifications. */
  caregiverUserId: Type.String(),
  caregiverName: Type.String(),
  startAt: Type.String({ format: 'date-time' }),
  endAt: Type.String({ format: 'date-time' }),
  totalAmount: Type.Integer({ minimum: 0 }),
});
export type ReservationEventBase = Static<typeof ReservationEventBase>;
const base = ReservationEventBase.properties;

export const ReservationRequestedV1 = ReservationEventBase;
export type ReservationRequestedV1 = ReservationEventBase;
export const ReservationAcceptedV1 = ReservationEventBase;
export type ReservationAcceptedV1 = ReservationEventBase;
export const ReservationRejectedV1 = Type.Object({ ...base, reason: Type.String() });
export type ReservationRejectedV1 = Static<typeof ReservationRejectedV1>;
export const ReservationCancelledV1 = Type.Object({
  ...base,
  cancelledBy: Type.Union([Type.Literal('GUARDIAN'), Type.Literal('CAREGIVER'), Type.Literal('ADMIN')]),
  reason: Type.String(),
  /** Whether the reservation had been paid (CONFIRMED) when cancelled. */
  paid: Type.Boolean(),
  /** What the policy refunds (0 before payment). The payments module carries it out. */
  refundAmount: Type.Integer({ minimum: 0 }),
});
export type ReservationCancelledV1 = Static<typeof ReservationCancelledV1>;
export const ReservationExpiredV1 = Type.Object({ ...base, previousStatus: Type.Union([Type.Literal('REQUESTED'), Type.Literal('ACCEPTED')]) });
export type ReservationExpiredV1 = Static<typeof ReservationExpiredV1>;
export const ReservationConfirmedV1 = Type.Object({ ...base, paymentId: Type.String() });
export type ReservationConfirmedV1 = Static<typeof ReservationConfirmedV1>;
export const ReservationCheckedInV1 = Type.Object({ ...base, checkedInAt: Type.String({ format: 'date-time' }) });
export type ReservationCheckedInV1 = Static<typeof ReservationCheckedInV1>;
export const ReservationCompletedV1 = Type.Object({
  ...base,
  completedAt: Type.String({ format: 'date-time' }),
  /** true when nobody checked out and the timer completed it. */
  automatic: Type.Boolean(),
});
export type ReservationCompletedV1 = Static<typeof ReservationCompletedV1>;
export const ReservationReminderV1 = Type.Object({ ...base, hoursBefore: Type.Union([Type.Literal(24), Type.Literal(1)]) });
export type ReservationReminderV1 = Static<typeof ReservationReminderV1>;
export const ReservationPaymentRefusedV1 = Type.Object({ reservationId: Type.String(), paymentId: Type.String(), status: ReservationStatusSchema });
export type ReservationPaymentRefusedV1 = Static<typeof ReservationPaymentRefusedV1>;

/** Aggregate id: the reservation, so one reservation's events stay ordered. */
export const RESERVATION_EVENTS = {
  requested: defineEvent('reservation.requested.v1', ReservationRequestedV1),
  accepted: defineEvent('reservation.accepted.v1', ReservationAcceptedV1),
  rejected: defineEvent('reservation.rejected.v1', ReservationRejectedV1),
  cancelled: defineEvent('reservation.cancelled.v1', ReservationCancelledV1),
  expired: defineEvent('reservation.expired.v1', ReservationExpiredV1),
  confirmed: defineEvent('reservation.confirmed.v1', ReservationConfirmedV1),
  checkedIn: defineEvent('reservation.checked_in.v1', ReservationCheckedInV1),
  completed: defineEvent('reservation.completed.v1', ReservationCompletedV1),
  reminder: defineEvent('reservation.reminder.v1', ReservationReminderV1),
  /** A payment arrived for a reservation that had already ended: the payments module refunds it in full. */
  paymentRefused: defineEvent('reservation.payment_refused.v1', ReservationPaymentRefusedV1),
} as const;

/** The events that report a status change (reminders and payment refusals change none); each payload extends ReservationEventBase. */
export const RESERVATION_STATUS_EVENTS = [
  RESERVATION_EVENTS.requested,
  RESERVATION_EVENTS.accepted,
  RESERVATION_EVENTS.rejected,
  RESERVATION_EVENTS.cancelled,
  RESERVATION_EVENTS.expired,
  RESERVATION_EVENTS.confirmed,
  RESERVATION_EVENTS.checkedIn,
  RESERVATION_EVENTS.completed,
] as const;

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
  /**
   * Admin statistics per KST bucket of the range (start as ISO UTC), only buckets with something in them:
   * `created` reservations created in the bucket, `byStatus` the same by their current status, and
   * `activeCaregivers` distinct caregivers with a CONFIRMED, IN_PROGRESS or COMPLETED reservation starting in it.
   */
  statsSeries(range: StatsRange): Promise<ReservationStatsBucket[]>;
  /** Distinct caregivers with a CONFIRMED, IN_PROGRESS or COMPLETED reservation starting in [from, to). */
  activeCaregiverCount(from: Date, to: Date): Promise<number>;
  /** The user's latest `limit` reservations as guardian or caregiver (user id), newest created first. */
  listForUser(userId: string, limit: number): Promise<ReservationSummary[]>;
}

/** The statuses in which a caregiver counts as active (working or booked to work). */
export const WORKING_STATUSES: readonly ReservationStatus[] = ['CONFIRMED', 'IN_PROGRESS', 'COMPLETED'];

export interface ReservationStatsBucket {
  readonly start: string;
  readonly created: number;
  readonly byStatus: Record<ReservationStatus, number>;
  readonly activeCaregivers: number;
}

/** A reservation in a back-office list (no patient details). */
export interface ReservationSummary {
  readonly id: string;
  readonly status: ReservationStatus;
  readonly startAt: string;
  readonly endAt: string;
  readonly totalAmount: number;
  readonly guardianId: string;
  /** The caregiver's profile id. */
  readonly caregiverId: string;
  readonly caregiverUserId: string;
  readonly caregiverName: string;
  readonly createdAt: string;
}
