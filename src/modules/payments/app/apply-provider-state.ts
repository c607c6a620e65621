import { type Executor } from '../../../platform/db/database.ts';
import type { NewEvent } from '../../../platform/events/event.ts';
import { mergeProviderState, type PaymentState, type ProviderSnapshot } from '../domain/payment-state.ts';
import { findPaymentById, updatePayment, type PaymentRow } from '../db/payments.repo.ts';
import type { ProviderPayment } from '../providers/provider.ts';
import type { PaymentsDeps } from './deps.ts';
import { paymentConfirmed, paymentUpdated } from './events.ts';
import { paymentMetrics } from './metrics.ts';

// The one way a provider's answer becomes our state: lock the payment, merge the snapshot forward
// (domain/payment-state.ts), store it and its events in one transaction. Called after the provider
// answered, never around the provider call. Replays and stale snapshots change nothing and emit nothing.

export type ApplyOutcome = 'changed' | 'unchanged' | 'mismatch';

/** Runs in the same transaction after the merge; returns further events (a refund's outcome, say). */
export type AlsoInTransaction = (tx: Executor, row: PaymentRow) => Promise<readonly NewEvent[]>;

export function stateOf(row: PaymentRow): PaymentState {
  return {
    orderId: row.order_id,
    amount: row.amount,
    status: row.status,
    paymentKey: row.payment_key,
    method: row.method,
    approvedAt: row.approved_at,
    receiptUrl: row.receipt_url,
    balanceAmount: row.balance_amount,
    cancels: row.cancels,
  };
}

export function snapshotOf(payment: ProviderPayment): ProviderSnapshot {
  return payment;
}

export async function applyProviderState(
  deps: PaymentsDeps,
  paymentId: string,
  payment: ProviderPayment,
  also?: AlsoInTransaction,
): Promise<{ row: PaymentRow; outcome: ApplyOutcome }> {
  const { platform } = deps;
  const result = await platform.transact(async (tx, emit) => {
    const current = await findPaymentById(tx, paymentId, { forUpdate: true });
    if (!current) throw new Error(`payment ${paymentId} vanished`);
    const merge = mergeProviderState(stateOf(current), snapshotOf(payment));
    let row = current;
    const events: NewEvent[] = [];
    if (merge.kind === 'changed') {
      const { next } = merge;
      row = await updatePayment(tx, current.id, {
        status: next.status,
        payment_key: next.paymentKey,
        method: next.method,
        approved_at: next.approvedAt,
        receipt_url: next.receiptUrl,
        balance_amount: next.balanceAmount,
        cancels: next.cancels,
        updated_at: platform.clock.now(),
      });
      if (merge.captured) events.push(paymentConfirmed(row));
      if (merge.statusChanged || row.balance_amount !== current.balance_amount) events.push(paymentUpdated(row));
    }
    if (also) events.push(...(await also(tx, row)));
    emit(...events);
    const captured = merge.kind === 'changed' && merge.captured;
    return { row, outcome: merge.kind, why: merge.kind === 'mismatch' ? merge.why : undefined, events: events.length, captured };
  });
  if (result.captured) {
    const metrics = paymentMetrics(platform.metrics);
    metrics.confirmed.inc();
    metrics.confirmedWon.inc(result.row.amount);
  }
  if (result.outcome === 'mismatch') {
    // The provider reports something about this order that does not fit it (another amount): never
    // applied, never confirmed. A person must look.
    deps.logger.error({ paymentId, orderId: result.row.order_id, why: result.why }, 'provider state does not match the order; ignored');
  }
  return { row: result.row, outcome: result.outcome };
}
