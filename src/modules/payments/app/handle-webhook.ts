import { findPaymentByOrderId } from '../db/payments.repo.ts';
import { applyProviderState } from './apply-provider-state.ts';
import type { PaymentsDeps } from './deps.ts';

// Toss's PAYMENT_STATUS_CHANGED webhook. It carries no signature, so nothing in the body is believed:
// only the paymentKey is taken, and the payment is read back from the provider. The answer is 200 for
// everything we will never act on (unknown payment or order, other event types), so Toss stops
// retrying; a provider we cannot read answers 503 and Toss tries again later.

export interface TossWebhook {
  readonly eventType: string;
  readonly data?: { readonly paymentKey?: unknown } | undefined;
}

export type WebhookOutcome = 'applied' | 'unchanged' | 'ignored';

export const WEBHOOK_EVENT = 'PAYMENT_STATUS_CHANGED';

export function makeHandleTossWebhook(deps: PaymentsDeps) {
  const { platform, provider, logger } = deps;
  return async function handleTossWebhook(body: TossWebhook): Promise<WebhookOutcome> {
    const paymentKey = body.data?.paymentKey;
    if (body.eventType !== WEBHOOK_EVENT || typeof paymentKey !== 'string' || paymentKey === '' || paymentKey.length > 200) {
      logger.info({ eventType: body.eventType }, 'webhook ignored: not a payment status change we can read');
      return 'ignored';
    }
    // Throws ProviderError(unavailable) when the provider cannot be read: 503, Toss retries.
    const payment = await provider.getPayment(paymentKey);
    if (!payment) {
      logger.warn({ paymentKey }, 'webhook ignored: the provider does not know this payment (forged or foreign)');
      return 'ignored';
    }
    const row = await findPaymentByOrderId(platform.database.db, payment.orderId);
    if (!row) {
      logger.warn({ orderId: payment.orderId }, 'webhook ignored: no order of ours has this id');
      return 'ignored';
    }
    const { outcome } = await applyProviderState(deps, row.id, payment);
    logger.info({ paymentId: row.id, status: payment.status, outcome }, 'webhook applied the provider state');
    return outcome === 'changed' ? 'applied' : outcome === 'unchanged' ? 'unchanged' : 'ignored';
  };
}
