import type { CancelInput, ConfirmInput, PaymentProvider, ProviderPayment } from './provider.ts';
import { ProviderError, providerError, TRANSPORT_CODES, type ProviderOperation } from './provider-errors.ts';
import type { BreakerOptions, CircuitState } from '../../../platform/circuit-breaker.ts';
import { createTossHttp, type ProviderLogger, type TossAnswer } from './toss-http.ts';
import { parseTossError, parseTossPayment } from './toss-payment.ts';

// The real provider: a client of Toss Payments' core API v1 (https://api.tosspayments.com). Tests run
// it against test/fakes/toss-server.ts, a local server written from Toss's documentation.

export interface TossProviderOptions {
  /** `test_sk_...`/`live_sk_...`, or the widget's `..._gsk_...` for widget payments. */
  readonly secretKey: string;
  /** https://api.tosspayments.com in production; a local fake in tests. */
  readonly apiUrl: string;
  /** Per attempt, reading the answer included. */
  readonly timeoutMs?: number;
  /** Further attempts of idempotent requests after network errors, timeouts and 5xx. */
  readonly retries?: number;
  readonly backoffMs?: number;
  readonly breaker?: BreakerOptions;
  readonly logger?: ProviderLogger;
}

export interface TossProvider extends PaymentProvider {
  readonly name: 'toss';
  /** For health checks and tests. */
  circuitState(): CircuitState;
  close(): void;
}

const segment = (value: string): string => encodeURIComponent(value);

export function createTossProvider(options: TossProviderOptions): TossProvider {
  if (!options.secretKey) throw new Error('Toss secret key is required');
  const http = createTossHttp({
    secretKey: options.secretKey,
    apiUrl: options.apiUrl,
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 2,
    backoffMs: options.backoffMs ?? 200,
    breaker: options.breaker ?? {},
    logger: options.logger,
  });

  /** A Payment from a 2xx answer, or the ProviderError its `{code, message}` stands for. */
  function paymentFrom(answer: TossAnswer, operation: ProviderOperation): ProviderPayment {
    if (answer.status >= 200 && answer.status < 300) return parseTossPayment(answer.body);
    const refusal = parseTossError(answer.body);
    if (!refusal) {
      throw new ProviderError({
        reason: 'unavailable',
        providerCode: TRANSPORT_CODES.invalidResponse,
        providerMessage: `Toss answered HTTP ${answer.status} without an error body`,
        httpStatus: answer.status,
      });
    }
    throw providerError({ ...refusal, httpStatus: answer.status, operation });
  }

  /** GETs answer 404 NOT_FOUND_PAYMENT for a payment Toss does not have: that is "none", not a failure. */
  async function read(path: string): Promise<ProviderPayment | undefined> {
    const answer = await http.send({ method: 'GET', path, operation: 'get' });
    if (answer.status === 404 && parseTossError(answer.body)?.code === 'NOT_FOUND_PAYMENT') return undefined;
    return paymentFrom(answer, 'get');
  }

  return {
    name: 'toss',

    async confirm(input: ConfirmInput) {
      const answer = await http.send({
        method: 'POST',
        path: '/v1/payments/confirm',
        body: { paymentKey: input.paymentKey, orderId: input.orderId, amount: input.amount },
        idempotencyKey: input.idempotencyKey,
        operation: 'confirm',
      });
      return paymentFrom(answer, 'confirm');
    },

    getPayment: (paymentKey) => read(`/v1/payments/${segment(paymentKey)}`),

    getPaymentByOrderId: (orderId) => read(`/v1/payments/orders/${segment(orderId)}`),

    async cancel(input: CancelInput) {
      const answer = await http.send({
        method: 'POST',
        path: `/v1/payments/${segment(input.paymentKey)}/cancel`,
        // No cancelAmount means "cancel the whole balance" to Toss, so it is left out rather than sent empty.
        body: input.cancelAmount === undefined ? { cancelReason: input.cancelReason } : { cancelReason: input.cancelReason, cancelAmount: input.cancelAmount },
        idempotencyKey: input.idempotencyKey,
        operation: 'cancel',
      });
      return paymentFrom(answer, 'cancel');
    },

    circuitState: http.circuitState,
    close: http.close,
  };
}
