import type { PaymentStatus } from '../contract.ts';

// How a payment moves. The provider is the source of truth for money: every change we store comes from
// a Payment object the provider answered (confirm, cancel, a read by key or order). `mergeProviderState`
// folds such a snapshot into what we hold, only ever forward, so stale or replayed snapshots (a webhook
// retried for days, a confirm answer that arrives after a refund) change nothing.

/** Toss's statuses; WAITING_FOR_DEPOSIT (virtual accounts) is stored but never offered by CareNest. */
export type StoredStatus = PaymentStatus | 'WAITING_FOR_DEPOSIT';

export const STORED_STATUSES: readonly StoredStatus[] = [
  'READY', 'IN_PROGRESS', 'WAITING_FOR_DEPOSIT', 'DONE', 'CANCELED', 'PARTIAL_CANCELED', 'ABORTED', 'EXPIRED',
];

/** Statuses in which money was taken (and may have been partly or fully returned). */
export const CAPTURED: readonly StoredStatus[] = ['DONE', 'PARTIAL_CANCELED', 'CANCELED'];
/** Statuses a refund can still take money back from. */
export const REFUNDABLE: readonly StoredStatus[] = ['DONE', 'PARTIAL_CANCELED'];
/** Statuses that hold the reservation's one payment slot. */
export const LIVE: readonly StoredStatus[] = ['READY', 'IN_PROGRESS', 'WAITING_FOR_DEPOSIT', 'DONE', 'PARTIAL_CANCELED'];

export const isCaptured = (status: StoredStatus): boolean => CAPTURED.includes(status);

// Forward order. ABORTED and EXPIRED end an attempt without money; DONE and the cancels outrank them
// because money moving is a fact the provider reports, whatever we believed before.
const RANK: Readonly<Record<StoredStatus, number>> = {
  READY: 0,
  IN_PROGRESS: 1,
  WAITING_FOR_DEPOSIT: 2,
  ABORTED: 2,
  EXPIRED: 2,
  DONE: 3,
  PARTIAL_CANCELED: 4,
  CANCELED: 5,
};

export interface PaymentCancel {
  readonly amount: number;
  readonly reason: string;
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly transactionKey: string;
}

/** What we hold of a payment, as far as the provider's state goes. */
export interface PaymentState {
  readonly orderId: string;
  readonly amount: number;
  readonly status: StoredStatus;
  readonly paymentKey: string | null;
  readonly method: string | null;
  readonly approvedAt: Date | null;
  readonly receiptUrl: string | null;
  readonly balanceAmount: number;
  readonly cancels: readonly PaymentCancel[];
}

/** The provider's Payment object, reduced to what matters here (see providers/provider.ts). */
export interface ProviderSnapshot {
  readonly paymentKey: string;
  readonly orderId: string;
  readonly status: StoredStatus;
  readonly totalAmount: number;
  readonly balanceAmount: number;
  readonly method: string | null;
  readonly approvedAt: string | null;
  readonly receiptUrl: string | null;
  readonly cancels: readonly { cancelAmount: number; cancelReason: string; canceledAt: string; transactionKey: string }[];
}

export type MergeResult =
  /** The snapshot is not of this order, or not for its amount: never applied, worth an alarm. */
  | { readonly kind: 'mismatch'; readonly why: string }
  | { readonly kind: 'unchanged' }
  | {
      readonly kind: 'changed';
      readonly next: PaymentState;
      readonly statusChanged: boolean;
      /** First time money was taken: the reservation may be confirmed (payment.confirmed.v1). */
      readonly captured: boolean;
    };

function toCancel(entry: ProviderSnapshot['cancels'][number]): PaymentCancel {
  return { amount: entry.cancelAmount, reason: entry.cancelReason, at: new Date(entry.canceledAt).toISOString(), transactionKey: entry.transactionKey };
}

export function mergeProviderState(current: PaymentState, snapshot: ProviderSnapshot): MergeResult {
  if (snapshot.orderId !== current.orderId) return { kind: 'mismatch', why: `snapshot of order ${snapshot.orderId}` };
  if (snapshot.totalAmount !== current.amount) {
    return { kind: 'mismatch', why: `provider amount ${snapshot.totalAmount} differs from the order's ${current.amount}` };
  }
  // IN_PROGRESS here means "we sent a confirm": only our own attempt sets it, never a snapshot (the
  // payer authorising in the widget is not our business until the confirm redirect arrives).
  const forward = RANK[snapshot.status] > RANK[current.status] && snapshot.status !== 'IN_PROGRESS';
  const moreCancels = snapshot.cancels.length > current.cancels.length;
  if (!forward && !moreCancels) return { kind: 'unchanged' };

  const status = forward ? snapshot.status : current.status;
  const takesMoneyFacts = isCaptured(snapshot.status);
  const next: PaymentState = {
    ...current,
    status,
    paymentKey: takesMoneyFacts || current.paymentKey === null ? snapshot.paymentKey : current.paymentKey,
    method: snapshot.method ?? current.method,
    approvedAt: snapshot.approvedAt ? new Date(snapshot.approvedAt) : current.approvedAt,
    receiptUrl: snapshot.receiptUrl ?? current.receiptUrl,
    balanceAmount: moreCancels || forward ? snapshot.balanceAmount : current.balanceAmount,
    cancels: moreCancels ? snapshot.cancels.map(toCancel) : current.cancels,
  };
  return {
    kind: 'changed',
    next,
    statusChanged: status !== current.status,
    captured: !isCaptured(current.status) && isCaptured(status),
  };
}
