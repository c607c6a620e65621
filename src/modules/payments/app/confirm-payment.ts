import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { confirmIdempotencyKey, decideConfirm } from '../domain/confirm.ts';
import { isCaptured } from '../domain/payment-state.ts';
import { findPaymentById, findPaymentByOrderId, updatePayment, type PaymentRow } from '../db/payments.repo.ts';
import type { ProviderPayment } from '../providers/provider.ts';
import { isProviderError } from '../providers/provider-errors.ts';
import { applyProviderState } from './apply-provider-state.ts';
import { declined, onConfirmFailure } from './confirm-failure.ts';
import type { PaymentsDeps } from './deps.ts';
import { paymentUpdated } from './events.ts';
import { paymentMetrics } from './metrics.ts';
import { toConfirmedView, type ConfirmedView } from './payment-view.ts';
import type { ConfirmPaymentInput } from './schemas.ts';

/** Open to a confirm with this paymentKey: READY, or IN_PROGRESS with the same key (a retry). */
const isOpenTo = (row: PaymentRow, paymentKey: string): boolean =>
  row.status === 'READY' || (row.status === 'IN_PROGRESS' && row.payment_key === paymentKey);

export type { ConfirmPaymentInput };

/**
 * Guardian: confirms the payment the widget authorised (the success redirect's paymentKey, orderId,
 * amount). Steps: check the order and the amount (a mismatch never reaches the provider); record the
 * attempt; call the provider OUTSIDE any transaction with the order's stable Idempotency-Key; store
 * its answer with payment.confirmed.v1 (the reservations module confirms the reservation). An answer
 * that never came is reconciled by reading the order, so nothing is ever charged twice.
 */
export function makeConfirmPayment(deps: PaymentsDeps) {
  const { platform, provider } = deps;
  const { db } = platform.database;

  async function assertReservationPayable(order: PaymentRow): Promise<void> {
    const reservation = await deps.reservations.findPayable(order.reservation_id, order.guardian_id);
    if (!reservation || reservation.status !== 'ACCEPTED') {
      throw conflict('RESERVATION_NOT_PAYABLE', `The reservation is ${reservation?.status ?? 'gone'}; nothing was charged`);
    }
  }

  /** READY -> IN_PROGRESS with the paymentKey (or a retry of the same one), before the provider is called. */
  async function startAttempt(order: PaymentRow, paymentKey: string): Promise<PaymentRow> {
    const now = platform.clock.now();
    const started = await platform.transact(async (tx, emit) => {
      const current = await findPaymentById(tx, order.id, { forUpdate: true });
      if (!current || !isOpenTo(current, paymentKey)) return undefined;
      const row = await updatePayment(tx, current.id, {
        status: 'IN_PROGRESS',
        payment_key: paymentKey,
        confirm_attempts: current.confirm_attempts + 1,
        last_confirm_at: now,
        failure_code: null,
        failure_message: null,
        updated_at: now,
      });
      if (current.status !== row.status) emit(paymentUpdated(row));
      return { row };
    });
    if (!started) {
      const latest = await findPaymentById(db, order.id);
      throw conflict('PAYMENT_CONFIRM_IN_PROGRESS', `This order is ${latest?.status ?? 'gone'}; another confirmation got there first`);
    }
    return started.row;
  }

  async function finish(attempt: PaymentRow, answer: ProviderPayment): Promise<ConfirmedView> {
    const { row } = await applyProviderState(deps, attempt.id, answer);
    if (isCaptured(row.status)) return toConfirmedView(row);
    throw new AppError('conflict', 'PAYMENT_STATE_MISMATCH', 'The provider answered a state that does not fit this order; it was not applied');
  }

  return async function confirmPayment(guardianId: string, input: ConfirmPaymentInput): Promise<ConfirmedView> {
    const order = await findPaymentByOrderId(db, input.orderId);
    if (!order || order.guardian_id !== guardianId) throw notFound('Payment', 'PAYMENT_NOT_FOUND');
    const decision = decideConfirm(
      { amount: order.amount, status: order.status, paymentKey: order.payment_key, failureCode: order.failure_code },
      { paymentKey: input.paymentKey, amount: input.amount },
    );
    switch (decision.kind) {
      case 'refuse':
        throw new AppError(decision.status === 400 ? 'invalid' : 'conflict', decision.code, decision.message);
      case 'already_done':
        return toConfirmedView(order);
      case 'declined':
        throw declined(decision.providerCode, order.failure_message);
      case 'send':
        break;
    }
    // Before the first attempt only: once one was sent, a retry must go through to learn what happened.
    if (order.status === 'READY') await assertReservationPayable(order);
    const attempt = await startAttempt(order, input.paymentKey);

    const metrics = paymentMetrics(platform.metrics);
    metrics.confirmRequests.inc();
    let answer: ProviderPayment;
    try {
      answer = await provider.confirm({
        paymentKey: input.paymentKey,
        orderId: attempt.order_id,
        amount: attempt.amount,
        idempotencyKey: confirmIdempotencyKey(attempt.order_id, attempt.confirm_key_generation),
      });
    } catch (error) {
      metrics.confirmFailures.inc({ reason: isProviderError(error) ? error.reason : 'internal' });
      return toConfirmedView(await onConfirmFailure(deps, attempt, error));
    }
    return finish(attempt, answer);
  };
}
