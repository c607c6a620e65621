import type { StoredStatus } from './payment-state.ts';

// What a confirm request (the payer's success redirect) may do with the order it names. Decided before
// anything is sent to the provider: a wrong amount or a finished order never reaches it.

export interface ConfirmRequest {
  readonly paymentKey: string;
  readonly amount: number;
}

export interface ConfirmSubject {
  readonly amount: number;
  readonly status: StoredStatus;
  readonly paymentKey: string | null;
  readonly failureCode: string | null;
}

export type ConfirmDecision =
  /** Send it to the provider (first attempt, or a retry of the same payment after no answer). */
  | { readonly kind: 'send' }
  /** Already approved with this paymentKey: answer what we stored, call nobody. */
  | { readonly kind: 'already_done' }
  /** This payment was declined before: the same refusal again. */
  | { readonly kind: 'declined'; readonly providerCode: string }
  | { readonly kind: 'refuse'; readonly status: 400 | 409; readonly code: string; readonly message: string };

export function decideConfirm(order: ConfirmSubject, request: ConfirmRequest): ConfirmDecision {
  // Checked first and always: the redirect's amount is the payer's word, the order's is ours.
  if (request.amount !== order.amount) {
    return { kind: 'refuse', status: 400, code: 'AMOUNT_MISMATCH', message: `The amount ${request.amount} is not this order's amount` };
  }
  const samePayment = order.paymentKey === request.paymentKey;
  switch (order.status) {
    case 'READY':
      return { kind: 'send' };
    case 'IN_PROGRESS':
      // A retry of the attempt whose answer never came is safe (same provider Idempotency-Key);
      // another payment of the same order must wait until we know how the first one ended.
      return samePayment
        ? { kind: 'send' }
        : { kind: 'refuse', status: 409, code: 'PAYMENT_CONFIRM_IN_PROGRESS', message: 'Another confirmation of this order is in progress; try again shortly' };
    case 'DONE':
    case 'PARTIAL_CANCELED':
    case 'CANCELED':
      return samePayment && order.status === 'DONE'
        ? { kind: 'already_done' }
        : { kind: 'refuse', status: 409, code: 'PAYMENT_ALREADY_PROCESSED', message: `This order is already ${order.status}` };
    case 'ABORTED':
      return samePayment && order.failureCode
        ? { kind: 'declined', providerCode: order.failureCode }
        : { kind: 'refuse', status: 409, code: 'PAYMENT_NOT_CONFIRMABLE', message: 'This order was declined; start a new payment for the reservation' };
    case 'EXPIRED':
    case 'WAITING_FOR_DEPOSIT':
      return { kind: 'refuse', status: 409, code: 'PAYMENT_NOT_CONFIRMABLE', message: `This order is ${order.status}; start a new payment for the reservation` };
  }
}

/** Stable per order (and per proven-harmless refusal), so a retried confirm is charged once. */
export function confirmIdempotencyKey(orderId: string, generation: number): string {
  return generation === 0 ? `confirm-${orderId}` : `confirm-${orderId}-${generation}`;
}

export const ORDER_ID = /^[A-Za-z0-9_-]{6,64}$/;

/** The order id of a payment: Toss wants 6-64 of [A-Za-z0-9_-], unique per order. */
export function orderIdFor(paymentId: string): string {
  return `cn-${paymentId.replaceAll('-', '')}`;
}

/** Toss shows at most 100 characters of the order name. */
export function orderNameOf(name: string): string {
  const trimmed = name.trim() || 'CareNest 돌봄 예약';
  return [...trimmed].slice(0, 100).join('');
}
