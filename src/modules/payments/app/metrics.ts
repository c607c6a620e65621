import { Counter, type Registry } from 'prom-client';
import { oncePerRegistry } from '../../../platform/observability/shared.ts';

// The payments module's business counters, in won where they are money. Captures and refunds are counted
// after their transaction committed, so a rolled-back attempt is never counted.

export interface PaymentMetrics {
  readonly confirmRequests: Counter;
  readonly confirmFailures: Counter<'reason'>;
  readonly confirmed: Counter;
  readonly confirmedWon: Counter;
  readonly refunded: Counter;
  readonly refundedWon: Counter;
}

export function paymentMetrics(registry: Registry): PaymentMetrics {
  return oncePerRegistry(registry, 'payments', (registers) => ({
    confirmRequests: new Counter({ name: 'payments_confirm_requests_total', help: 'Payment confirmations sent to the provider', registers }),
    confirmFailures: new Counter({
      name: 'payments_confirm_failures_total',
      help: 'Payment confirmations the provider did not answer with a capture, by reason (rejected, timeout, unavailable, ...)',
      labelNames: ['reason'] as const,
      registers,
    }),
    confirmed: new Counter({ name: 'payments_confirmed_total', help: 'Payments captured', registers }),
    confirmedWon: new Counter({ name: 'payments_confirmed_won_total', help: 'Won captured by payments', registers }),
    refunded: new Counter({ name: 'payments_refunded_total', help: 'Refunds paid back', registers }),
    refundedWon: new Counter({ name: 'payments_refunded_won_total', help: 'Won paid back by refunds', registers }),
  }));
}
