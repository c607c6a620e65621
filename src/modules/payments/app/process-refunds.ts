import type { Executor } from '../../../platform/db/database.ts';
import type { NewEvent } from '../../../platform/events/event.ts';
import { onRefundFailure, refundIdempotencyKey, retryDelayMs, type RefundStatus } from '../domain/refund.ts';
import { findPaymentById, type PaymentRow } from '../db/payments.repo.ts';
import { claimRefund, listDueRefunds, updatePendingRefund, type RefundRow } from '../db/refunds.repo.ts';
import { isProviderError } from '../providers/provider-errors.ts';
import type { ProviderPayment } from '../providers/provider.ts';
import { applyProviderState } from './apply-provider-state.ts';
import type { PaymentsDeps } from './deps.ts';
import { paymentRefunded } from './events.ts';
import { paymentMetrics } from './metrics.ts';

// The refund step of the sagas, outside any transaction: claim a requested refund, ask the provider
// with the refund's stable Idempotency-Key, then store the provider's answer, the refund's outcome and
// payment.refunded.v1 in one transaction. A crash between the provider call and that transaction
// leaves the refund PENDING; the next attempt sends the same key and the provider answers the first
// refund again instead of paying a second one.

/** How long a claimed refund is left alone: longer than a provider call with its retries can take. */
export const REFUND_LEASE_MS = 2 * 60_000;

export function makeProcessRefunds(deps: PaymentsDeps) {
  const { platform, provider, logger } = deps;
  const { db } = platform.database;

  const later = (refund: RefundRow, error: string, generation = refund.key_generation) =>
    updatePendingRefund(db, refund.id, {
      next_attempt_at: new Date(platform.clock.now().getTime() + retryDelayMs(refund.attempts)),
      last_error: error.slice(0, 500),
      key_generation: generation,
    });

  /** Stores the provider's state, and closes the refund as `status` in the same transaction. */
  async function close(refund: RefundRow, payment: ProviderPayment, status: RefundStatus, note: string | null): Promise<PaymentRow> {
    const last = payment.cancels.at(-1);
    const refunded = status === 'DONE' && last ? last.cancelAmount : null;
    // Set by the transaction that committed (a retried transaction sets it again).
    let paidBack = false;
    const also = async (tx: Executor, row: PaymentRow): Promise<NewEvent[]> => {
      const closed = await updatePendingRefund(tx, refund.id, {
        status,
        refunded_amount: refunded,
        transaction_key: status === 'DONE' ? (last?.transactionKey ?? null) : null,
        last_error: note,
        completed_at: platform.clock.now(),
      });
      // Closed by someone else first (another worker, a replay): their event stands, not a second one.
      paidBack = closed && refunded !== null;
      return closed && refunded !== null ? [paymentRefunded(row, refunded, refund.reason)] : [];
    };
    const { row } = await applyProviderState(deps, refund.payment_id, payment, also);
    if (paidBack && refunded !== null) {
      const metrics = paymentMetrics(platform.metrics);
      metrics.refunded.inc();
      metrics.refundedWon.inc(refunded);
    }
    return row;
  }

  async function giveUp(refund: RefundRow, why: string): Promise<void> {
    logger.error({ refundId: refund.id, paymentId: refund.payment_id, why }, 'refund cannot be made; needs a person');
    await updatePendingRefund(db, refund.id, { status: 'FAILED', last_error: why.slice(0, 500), completed_at: platform.clock.now() });
  }

  async function processRefund(refundId: string, ignoreLease = false): Promise<void> {
    const refund = await claimRefund(db, refundId, platform.clock.now(), REFUND_LEASE_MS, ignoreLease);
    if (!refund) return; // done meanwhile, or another worker holds it
    const payment = await findPaymentById(db, refund.payment_id);
    if (!payment?.payment_key) return giveUp(refund, 'the payment has no paymentKey');

    let answer: ProviderPayment;
    try {
      answer = await provider.cancel({
        paymentKey: payment.payment_key,
        cancelReason: refund.cancel_reason,
        ...(refund.amount === null ? {} : { cancelAmount: refund.amount }),
        idempotencyKey: refundIdempotencyKey(refund.idempotency_key, refund.key_generation),
      });
    } catch (error) {
      if (!isProviderError(error)) {
        logger.error({ err: error, refundId: refund.id }, 'refund attempt failed unexpectedly; will retry');
        await later(refund, String(error));
        return;
      }
      const action = onRefundFailure(error.reason);
      logger.warn({ refundId: refund.id, code: error.providerCode, action, attempts: refund.attempts }, 'refund attempt refused');
      if (action === 'retry_same_key') await later(refund, error.providerCode);
      else if (action === 'retry_new_key') await later(refund, error.providerCode, refund.key_generation + 1);
      else if (action === 'give_up') await giveUp(refund, `${error.providerCode}: ${error.providerMessage}`);
      else await rereadAndClose(refund, payment.payment_key, error.providerCode);
      return;
    }
    await close(refund, answer, 'DONE', null);
  }

  /** The provider says it is already cancelled (or cannot be): store what it says, then stop or ask for what is left. */
  async function rereadAndClose(refund: RefundRow, paymentKey: string, code: string): Promise<void> {
    const current = await provider.getPayment(paymentKey).catch(() => undefined);
    if (!current) {
      await later(refund, `${code}; the payment could not be read`);
      return;
    }
    // More asked than is left (a refund made elsewhere, e.g. in Toss's dashboard): refund what is left.
    if (code === 'NOT_CANCELABLE_AMOUNT' && refund.amount !== null && current.balanceAmount > 0 && refund.amount > current.balanceAmount) {
      await applyProviderState(deps, refund.payment_id, current);
      await updatePendingRefund(db, refund.id, { amount: current.balanceAmount, key_generation: refund.key_generation + 1, next_attempt_at: platform.clock.now(), last_error: code });
      return processRefund(refund.id);
    }
    await close(refund, current, 'SKIPPED', code);
    if (current.balanceAmount > 0 && code !== 'ALREADY_CANCELED_PAYMENT') {
      logger.error({ refundId: refund.id, code, balance: current.balanceAmount }, 'refund refused with money left on the payment; needs a person');
    }
  }

  /** Every refund due now, one after another; `ignoreLease` after a restart takes over claims of a dead process. */
  async function processDueRefunds(options: { ignoreLease?: boolean; limit?: number } = {}): Promise<number> {
    const ids = await listDueRefunds(db, platform.clock.now(), options.limit ?? 20, options.ignoreLease ?? false);
    for (const id of ids) await processRefund(id, options.ignoreLease ?? false);
    return ids.length;
  }

  return { processRefund, processDueRefunds };
}
