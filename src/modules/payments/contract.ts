import Type, { type Static } from 'typebox';
import { defineEvent } from '../../platform/events/event.ts';
import type { StatsRange } from '../../platform/stats-range.ts';

// What other modules may know of payments: the events and a small read API.

export const PAYMENT_STATUSES = ['READY', 'IN_PROGRESS', 'DONE', 'CANCELED', 'PARTIAL_CANCELED', 'ABORTED', 'EXPIRED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PaymentConfirmedV1 = Type.Object({
  paymentId: Type.String(),
  reservationId: Type.String(),
  guardianId: Type.String(),
  amount: Type.Integer({ minimum: 0 }),
  approvedAt: Type.String({ format: 'date-time' }),
});
export type PaymentConfirmedV1 = Static<typeof PaymentConfirmedV1>;

export const PaymentRefundedV1 = Type.Object({
  paymentId: Type.String(),
  reservationId: Type.String(),
  guardianId: Type.String(),
  amount: Type.Integer({ minimum: 0 }),
  balanceAmount: Type.Integer({ minimum: 0 }),
  reason: Type.String(),
});
export type PaymentRefundedV1 = Static<typeof PaymentRefundedV1>;

export const PaymentUpdatedV1 = Type.Object({
  paymentId: Type.String(),
  reservationId: Type.String(),
  status: Type.Enum(PAYMENT_STATUSES),
  amount: Type.Integer({ minimum: 0 }),
  balanceAmount: Type.Integer({ minimum: 0 }),
});
export type PaymentUpdatedV1 = Static<typeof PaymentUpdatedV1>;

/** Aggregate id: the payment, so one payment's events stay ordered. */
export const PAYMENT_EVENTS = {
  /** The provider approved the payment; the reservations module confirms the reservation. */
  confirmed: defineEvent('payment.confirmed.v1', PaymentConfirmedV1),
  /** Money went back to the payer (policy refund, or a payment for an ended reservation). */
  refunded: defineEvent('payment.refunded.v1', PaymentRefundedV1),
  /** Any status change, for the admin live feed. */
  updated: defineEvent('payment.updated.v1', PaymentUpdatedV1),
} as const;

/** KRW over every captured payment (DONE, PARTIAL_CANCELED, CANCELED). */
export interface PaymentTotals {
  /** The approved amounts. */
  readonly grossAmount: number;
  /** What went back: the sum of every cancel. */
  readonly refundedAmount: number;
  /** grossAmount - refundedAmount. */
  readonly netAmount: number;
}

export interface PaymentsApi {
  /** What the guardian finally paid for a reservation: payments minus refunds (settlements use it). */
  settledAmounts(reservationId: string): Promise<{ paid: number; refunded: number } | undefined>;
  /** Money totals for admin statistics. */
  paymentTotals(): Promise<PaymentTotals>;
  /**
   * Money per KST bucket of the range (start as ISO UTC), only buckets with something in them: grossAmount =
   * approved amounts of captured payments approved in the bucket; refundedAmount = refunds made in the bucket.
   */
  moneySeries(range: StatsRange): Promise<Array<{ start: string; grossAmount: number; refundedAmount: number }>>;
  /** The payer's (guardian's) latest `limit` payments, newest created first. */
  listForUser(userId: string, limit: number): Promise<PaymentSummary[]>;
}

/** A payment in a back-office list. */
export interface PaymentSummary {
  readonly id: string;
  readonly reservationId: string;
  /** Toss's status; WAITING_FOR_DEPOSIT (virtual accounts) is never offered by CareNest but may be stored. */
  readonly status: PaymentStatus | 'WAITING_FOR_DEPOSIT';
  readonly amount: number;
  readonly balanceAmount: number;
  readonly approvedAt: string | null;
  readonly createdAt: string;
}
