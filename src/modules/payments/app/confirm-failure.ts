import { isCaptured } from '../domain/payment-state.ts';
import { findPaymentById, updatePayment, type PaymentChanges, type PaymentRow } from '../db/payments.repo.ts';
import { ProviderError, isProviderError } from '../providers/provider-errors.ts';
import type { PaymentsDeps } from './deps.ts';
import { paymentUpdated } from './events.ts';
import { reconcileOrder } from './reconcile-order.ts';

// What a failed provider confirm means for the order. Answers the captured payment when the charge
// turns out to have happened after all; otherwise throws the error the client should see.

/** 402 PAYMENT_REJECTED with the provider's code, as the API promises. */
export function declined(providerCode: string, message: string | null): ProviderError {
  return new ProviderError({ reason: 'rejected', providerCode, providerMessage: message ?? '결제가 거절되었습니다.' });
}

/**
 * Changes the attempt's row, if it is still this attempt: IN_PROGRESS with its paymentKey (or already in
 * the status being written, e.g. ABORTED by a webhook that came first: then only the details are added).
 */
async function closeAttempt(deps: PaymentsDeps, attempt: PaymentRow, changes: (row: PaymentRow) => PaymentChanges): Promise<void> {
  const { platform } = deps;
  await platform.transact(async (tx, emit) => {
    const row = await findPaymentById(tx, attempt.id, { forUpdate: true });
    if (!row || row.payment_key !== attempt.payment_key) return;
    const next = changes(row);
    if (row.status !== 'IN_PROGRESS' && row.status !== next.status) return;
    const updated = await updatePayment(tx, row.id, { ...next, updated_at: platform.clock.now() });
    if (updated.status === row.status) return;
    emit(paymentUpdated(updated));
  });
}

export async function onConfirmFailure(deps: PaymentsDeps, attempt: PaymentRow, error: unknown): Promise<PaymentRow> {
  if (!isProviderError(error)) {
    // Not the provider's answer but our own failure: the order stays IN_PROGRESS and the reconciler
    // reads it from the provider later.
    deps.logger.error({ err: error, paymentId: attempt.id }, 'confirm failed unexpectedly; left for reconciliation');
    throw error;
  }
  switch (error.reason) {
    case 'rejected':
      // The card company said no: nothing charged. This order is over; the guardian opens a new one.
      await closeAttempt(deps, attempt, () => ({ status: 'ABORTED', failure_code: error.providerCode, failure_message: error.providerMessage }));
      throw error;
    case 'not_found':
    case 'invalid_request':
      // No such payment for this order (a forged or stale paymentKey, an expired session): nothing was
      // charged. The order is open again, under a new provider key since the provider replays refusals.
      await closeAttempt(deps, attempt, (row) => ({ status: 'READY', payment_key: null, confirm_key_generation: row.confirm_key_generation + 1 }));
      throw error;
    default: {
      // No answer (timeout, 5xx, open circuit) or ALREADY_PROCESSED_PAYMENT: what happened is on the
      // provider's side. Read the order and take that as the truth.
      deps.logger.warn({ paymentId: attempt.id, code: error.providerCode }, 'confirm got no clear answer; reading the order');
      const reconciled = await reconcileOrder(deps, attempt);
      const row = reconciled.kind === 'read' ? reconciled.row : undefined;
      if (row && isCaptured(row.status)) return row;
      if (row?.status === 'ABORTED') throw declined(row.failure_code ?? 'PAY_PROCESS_ABORTED', row.failure_message);
      throw error;
    }
  }
}
