// What other modules may know of payments: the events and a small read API.

export type PaymentStatus = 'READY' | 'IN_PROGRESS' | 'DONE' | 'CANCELED' | 'PARTIAL_CANCELED' | 'ABORTED' | 'EXPIRED';

export const PAYMENT_EVENTS = {
  /** The provider approved the payment; the reservations module confirms the reservation. */
  confirmed: 'payment.confirmed.v1',
  /** Money went back to the payer (policy refund, or a payment for an ended reservation). */
  refunded: 'payment.refunded.v1',
  /** Any status change, for the admin live feed. */
  updated: 'payment.updated.v1',
} as const;

export interface PaymentConfirmedV1 {
  readonly paymentId: string;
  readonly reservationId: string;
  readonly guardianId: string;
  readonly amount: number;
  readonly approvedAt: string;
}

export interface PaymentRefundedV1 {
  readonly paymentId: string;
  readonly reservationId: string;
  readonly guardianId: string;
  readonly amount: number;
  readonly balanceAmount: number;
  readonly reason: string;
}

export interface PaymentUpdatedV1 {
  readonly paymentId: string;
  readonly reservationId: string;
  readonly status: PaymentStatus;
  readonly amount: number;
  readonly balanceAmount: number;
}

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
}
