// The payment provider behind the payments module, shaped after Toss Payments' core API v1 so the
// real client (toss.ts) is a thin translation and the local one (sandbox.ts) can copy Toss's rules.
// Both pass provider.suite.ts. Failures are thrown as ProviderError (provider-errors.ts).

/** Toss's payment statuses, unchanged: the payments module stores and shows them as they are. */
export type ProviderPaymentStatus =
  | 'READY'
  | 'IN_PROGRESS'
  | 'WAITING_FOR_DEPOSIT'
  | 'DONE'
  | 'CANCELED'
  | 'PARTIAL_CANCELED'
  | 'ABORTED'
  | 'EXPIRED';

export const PROVIDER_PAYMENT_STATUSES: readonly ProviderPaymentStatus[] = [
  'READY',
  'IN_PROGRESS',
  'WAITING_FOR_DEPOSIT',
  'DONE',
  'CANCELED',
  'PARTIAL_CANCELED',
  'ABORTED',
  'EXPIRED',
];

export interface ProviderCancel {
  cancelAmount: number;
  cancelReason: string;
  /** As the provider wrote it (Toss: ISO 8601 with a +09:00 offset). */
  canceledAt: string;
  transactionKey: string;
}

/** The part of Toss's Payment object CareNest uses. Times are the provider's strings (Toss: +09:00). */
export interface ProviderPayment {
  paymentKey: string;
  orderId: string;
  status: ProviderPaymentStatus;
  totalAmount: number;
  /** What is left to cancel: totalAmount minus every cancel so far. */
  balanceAmount: number;
  /** Toss names methods in Korean ("카드", "간편결제"); null until the payer chose one. */
  method: string | null;
  approvedAt: string | null;
  receiptUrl: string | null;
  /** Oldest first. Toss sends null when there are none; adapters always give an array. */
  cancels: ProviderCancel[];
}

export interface ConfirmInput {
  paymentKey: string;
  orderId: string;
  amount: number;
  /**
   * Toss answers a repeated key with the first response, so a confirm retried after a timeout charges
   * once. Keep it stable per order, and never reuse it for another operation.
   */
  idempotencyKey: string;
}

export interface CancelInput {
  paymentKey: string;
  cancelReason: string;
  /** Omitted: cancel whatever balance is left. */
  cancelAmount?: number;
  /** Stable per refund, so a retried refund is paid once. */
  idempotencyKey: string;
}

export interface PaymentProvider {
  readonly name: 'sandbox' | 'toss';
  /** Approves a payment the payer authorised in the widget (IN_PROGRESS -> DONE). */
  confirm(input: ConfirmInput): Promise<ProviderPayment>;
  /** undefined when the provider has no such payment. */
  getPayment(paymentKey: string): Promise<ProviderPayment | undefined>;
  /** How to learn what happened to a confirm whose answer never came (timeout, crash). */
  getPaymentByOrderId(orderId: string): Promise<ProviderPayment | undefined>;
  /** Full or partial cancel (refund) of a DONE or PARTIAL_CANCELED payment. */
  cancel(input: CancelInput): Promise<ProviderPayment>;
}
