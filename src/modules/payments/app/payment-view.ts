import type { PaymentRow } from '../db/payments.repo.ts';
import type { AdminPaymentView, CheckoutView, ConfirmedView, PaymentView } from './schemas.ts';

// What clients see of a payment. Never the provider's secrets, never our bookkeeping.

export type { AdminPaymentView, CheckoutView, ConfirmedView, PaymentView };

/** The order's identity and amount, in every view. */
const order = (row: PaymentRow) => ({ id: row.id, reservationId: row.reservation_id, orderId: row.order_id, amount: row.amount });

export function toCheckoutView(row: PaymentRow, keys: { customerKey: string; clientKey: string }): CheckoutView {
  return {
    ...order(row),
    orderName: row.order_name,
    customerKey: keys.customerKey,
    clientKey: keys.clientKey,
    provider: row.provider,
    status: row.status,
  };
}

export function toConfirmedView(row: PaymentRow): ConfirmedView {
  return {
    ...order(row),
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

export function toAdminPaymentView(row: PaymentRow): Omit<AdminPaymentView, 'guardianName' | 'caregiverName'> {
  return {
    ...order(row),
    orderName: row.order_name,
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
