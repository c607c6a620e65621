import type { PaymentProviderName } from '../../../platform/config.ts';
import type { StoredStatus } from '../domain/payment-state.ts';
import type { PaymentRow } from '../db/payments.repo.ts';

// What clients see of a payment. Never the provider's secrets, never our bookkeeping.

export interface CheckoutView {
  readonly id: string;
  readonly reservationId: string;
  readonly orderId: string;
  readonly orderName: string;
  readonly amount: number;
  readonly customerKey: string;
  readonly clientKey: string;
  readonly provider: PaymentProviderName;
  readonly status: StoredStatus;
}

export interface ConfirmedView {
  readonly id: string;
  readonly reservationId: string;
  readonly orderId: string;
  readonly amount: number;
  readonly status: StoredStatus;
  readonly method: string | null;
  readonly approvedAt: string | null;
  readonly receiptUrl: string | null;
}

export interface PaymentView extends ConfirmedView {
  readonly orderName: string;
  readonly provider: PaymentProviderName;
  readonly balanceAmount: number;
  readonly cancels: readonly { amount: number; reason: string; at: string }[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toCheckoutView(row: PaymentRow, keys: { customerKey: string; clientKey: string }): CheckoutView {
  return {
    id: row.id,
    reservationId: row.reservation_id,
    orderId: row.order_id,
    orderName: row.order_name,
    amount: row.amount,
    customerKey: keys.customerKey,
    clientKey: keys.clientKey,
    provider: row.provider,
    status: row.status,
  };
}

export function toConfirmedView(row: PaymentRow): ConfirmedView {
  return {
    id: row.id,
    reservationId: row.reservation_id,
    orderId: row.order_id,
    amount: row.amount,
    status: row.status,
    method: row.method,
    approvedAt: row.approved_at?.toISOString() ?? null,
    receiptUrl: row.receipt_url,
  };
}

export function toPaymentView(row: PaymentRow): PaymentView {
  return {
    ...toConfirmedView(row),
    orderName: row.order_name,
    provider: row.provider,
    balanceAmount: row.balance_amount,
    cancels: row.cancels.map((cancel) => ({ amount: cancel.amount, reason: cancel.reason, at: cancel.at })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A payment in the admin list: who paid whom, for what, and where it stands; no provider keys, no cancels. */
export interface AdminPaymentView {
  readonly id: string;
  readonly reservationId: string;
  readonly orderId: string;
  readonly orderName: string;
  readonly amount: number;
  readonly balanceAmount: number;
  readonly status: StoredStatus;
  readonly method: string | null;
  readonly provider: PaymentProviderName;
  readonly guardianId: string;
  readonly caregiverId: string | null;
  readonly approvedAt: string | null;
  readonly createdAt: string;
}

export function toAdminPaymentView(row: PaymentRow): AdminPaymentView {
  return {
    id: row.id,
    reservationId: row.reservation_id,
    orderId: row.order_id,
    orderName: row.order_name,
    amount: row.amount,
    balanceAmount: row.balance_amount,
    status: row.status,
    method: row.method,
    provider: row.provider,
    guardianId: row.guardian_id,
    caregiverId: row.caregiver_id,
    approvedAt: row.approved_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
