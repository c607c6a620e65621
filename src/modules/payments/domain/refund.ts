// Refund rules: how much, under which provider Idempotency-Key, and what to do when the provider says no.
// A refund is requested once per (reservation, reason) and carried out by a worker, outside any
// database transaction, until the provider answered it one way or the other.

export type RefundReason = 'RESERVATION_CANCELLED' | 'PAYMENT_REFUSED';
export type RefundStatus = 'PENDING' | 'DONE' | 'SKIPPED' | 'FAILED';

/** The key for the life of the refund: a retry after a timeout or a crash is answered, not paid again. */
export function refundBaseKey(reason: RefundReason, ids: { reservationId: string; paymentId: string }): string {
  return reason === 'RESERVATION_CANCELLED' ? `refund-${ids.reservationId}` : `refund-orphan-${ids.paymentId}`;
}

/** A provider replays refusals too: after a refusal that proved nothing happened, the next try needs a new key. */
export function refundIdempotencyKey(baseKey: string, generation: number): string {
  return generation === 0 ? baseKey : `${baseKey}-${generation}`;
}

/** What the provider sees as the cancel reason (Toss: at most 200 characters). */
export function cancelReasonFor(reason: RefundReason, detail: string): string {
  const base = reason === 'RESERVATION_CANCELLED' ? '예약 취소 환불' : '종료된 예약의 결제 자동 환불';
  const text = detail.trim() ? `${base}: ${detail.trim()}` : base;
  return [...text].slice(0, 200).join('');
}

/**
 * The amount to ask for: the policy's, never more than what is left. undefined: nothing to refund.
 * `requested` null means "everything that is left" (a payment for a reservation that had ended).
 */
export function refundAmount(requested: number | null, balance: number): number | null | undefined {
  if (balance <= 0) return undefined;
  if (requested === null) return null;
  if (!Number.isSafeInteger(requested) || requested <= 0) return undefined;
  return Math.min(requested, balance);
}

/** Wait before attempt `attempts + 1`: 2 s, 4 s, 8 s ... capped at 30 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

/** The provider's refusal reasons (providers/provider-errors.ts) that a refund can meet. */
export type RefusalReason =
  | 'rejected' | 'already_processed' | 'not_found' | 'already_canceled' | 'not_cancelable'
  | 'concurrent_request' | 'invalid_request' | 'misconfigured' | 'unavailable';

export type RefundFailureAction =
  /** Nothing is known to have happened: try again later with the same key. */
  | 'retry_same_key'
  /** The provider refused before doing anything (and would replay that refusal): new key, later. */
  | 'retry_new_key'
  /** The payment is already (partly) cancelled: read it, store what is true, stop. */
  | 'reread_and_close'
  /** Needs a person: record it and stop. */
  | 'give_up';

export function onRefundFailure(reason: RefusalReason): RefundFailureAction {
  switch (reason) {
    case 'unavailable':
    case 'misconfigured':
      return 'retry_same_key';
    case 'concurrent_request':
      return 'retry_new_key';
    case 'already_canceled':
    case 'not_cancelable':
      return 'reread_and_close';
    case 'rejected':
    case 'already_processed':
    case 'not_found':
    case 'invalid_request':
      return 'give_up';
  }
}
