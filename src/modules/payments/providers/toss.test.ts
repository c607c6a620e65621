import { inspect } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeToss, type FakeToss } from '../../../../test/fakes/toss-server.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { describePaymentProviderContract } from './provider.suite.ts';
import { ProviderError } from './provider-errors.ts';
import { createTossProvider, type TossProviderOptions, type TossProvider } from './toss.ts';

// The real Toss client, over HTTP, against the fake Toss server (test/fakes/toss-server.ts).

describePaymentProviderContract('toss (against the fake Toss server)', async () => {
  const clock = fixedClock('2026-11-20T01:00:00Z');
  const fake = await startFakeToss({ clock });
  const provider = createTossProvider({ secretKey: fake.secretKey, apiUrl: fake.url, timeoutMs: 2_000, backoffMs: 5 });
  return {
    provider,
    authorise: async (input) => fake.createPendingPayment(input),
    passTime: async (ms) => clock.advance(ms),
    close: async () => {
      provider.close();
      await fake.close();
    },
  };
});

describe('toss client', () => {
  let fake: FakeToss;
  let provider: TossProvider;

  async function start(options: Partial<TossProviderOptions> = {}): Promise<void> {
    fake = await startFakeToss();
    provider = createTossProvider({ secretKey: fake.secretKey, apiUrl: fake.url, timeoutMs: 1_000, backoffMs: 5, ...options });
  }

  afterEach(async () => {
    provider.close();
    await fake.close();
  });

  async function failure(call: Promise<unknown>): Promise<ProviderError> {
    const error = await call.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }

  function pending(amount = 10_000, card: 'ok' | 'declined' = 'ok') {
    const orderId = `order_${Math.random().toString(36).slice(2, 12)}`;
    return { orderId, amount, paymentKey: fake.createPendingPayment({ orderId, amount, card }) };
  }

  it('authenticates with Basic base64(secretKey + ":") and sends Idempotency-Key only on writes', async () => {
    await start();
    const { orderId, amount, paymentKey } = pending();
    await provider.confirm({ paymentKey, orderId, amount, idempotencyKey: 'confirm-key-1' });
    await provider.getPayment(paymentKey);
    await provider.cancel({ paymentKey, cancelReason: '테스트', idempotencyKey: 'cancel-key-1' });

    const expected = `Basic ${Buffer.from(`${fake.secretKey}:`).toString('base64')}`;
    expect(fake.requests.map((r) => [r.method, r.path, r.headers.authorization, r.headers['idempotency-key']])).toEqual([
      ['POST', '/v1/payments/confirm', expected, 'confirm-key-1'],
      ['GET', `/v1/payments/${paymentKey}`, expected, undefined],
      ['POST', `/v1/payments/${paymentKey}/cancel`, expected, 'cancel-key-1'],
    ]);
    expect(fake.requests[0]?.headers['content-type']).toBe('application/json');
    expect(fake.requests[0]?.body).toEqual({ paymentKey, orderId, amount });
    expect(fake.requests[2]?.body).toEqual({ cancelReason: '테스트' }); // full cancel: no cancelAmount at all
  });

  it('reads receipt.url and a null cancels from the Payment object', async () => {
    await start();
    const { orderId, amount, paymentKey } = pending();
    const payment = await provider.confirm({ paymentKey, orderId, amount, idempotencyKey: 'k' });
    expect(fake.payment(paymentKey)?.receipt).toEqual({ url: payment.receiptUrl });
    expect(payment.receiptUrl).toMatch(/^https:\/\/dashboard\.tosspayments\.com\//);
    expect(fake.payment(paymentKey)?.cancels).toBeNull();
    expect(payment.cancels).toEqual([]);
  });

  it('never lets the secret key out: not in errors, not on the provider object', async () => {
    await start({ secretKey: 'test_sk_wrong_secret_do_not_leak' });
    const leaks = (value: unknown) => {
      const text = `${inspect(value, { depth: 10 })} ${JSON.stringify(value)} ${String(value)} ${(value as Error).stack ?? ''}`;
      return text.includes('test_sk_wrong_secret_do_not_leak') || text.includes(Buffer.from('test_sk_wrong_secret_do_not_leak:').toString('base64'));
    };
    const refused = await failure(provider.getPayment('any'));
    expect(refused).toMatchObject({ reason: 'misconfigured', providerCode: 'UNAUTHORIZED_KEY', kind: 'unavailable', code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
    expect(leaks(refused)).toBe(false);

    const unreachable = createTossProvider({ secretKey: 'test_sk_wrong_secret_do_not_leak', apiUrl: 'http://127.0.0.1:1', retries: 0 });
    const network = await failure(unreachable.getPayment('any'));
    unreachable.close();
    expect(network.providerCode).toBe('NETWORK_ERROR');
    expect(leaks(network)).toBe(false);
    expect(leaks(provider)).toBe(false);
  });

  it('retries a 5xx and succeeds, sending the same Idempotency-Key, charging once', async () => {
    await start({ retries: 2 });
    const { orderId, amount, paymentKey } = pending();
    fake.failNext(2, 503);
    const payment = await provider.confirm({ paymentKey, orderId, amount, idempotencyKey: 'confirm-once' });
    expect(payment.status).toBe('DONE');
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual(['confirm-once', 'confirm-once', 'confirm-once']);
    expect(fake.charges).toHaveLength(1);
  });

  it('gives up after the bounded retries with PAYMENT_PROVIDER_UNAVAILABLE', async () => {
    await start({ retries: 2 });
    fake.failNext(10);
    const error = await failure(provider.getPayment('any'));
    expect(error).toMatchObject({ kind: 'unavailable', code: 'PAYMENT_PROVIDER_UNAVAILABLE', httpStatus: 500 });
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry business refusals', async () => {
    await start({ retries: 2 });
    const { orderId, amount, paymentKey } = pending(10_000, 'declined');
    expect((await failure(provider.confirm({ paymentKey, orderId, amount, idempotencyKey: 'k' }))).reason).toBe('rejected');
    fake.failNext(1, 400); // PROVIDER_ERROR: Toss says "try again in a few minutes", not at once
    expect((await failure(provider.getPayment(paymentKey))).providerCode).toBe('PROVIDER_ERROR');
    expect(fake.requests).toHaveLength(2);
  });

  it('times out a slow answer as PAYMENT_PROVIDER_UNAVAILABLE, and accepts a slow one within the timeout', async () => {
    await start({ timeoutMs: 100, retries: 0 });
    const { paymentKey } = pending();
    fake.delayNext(400);
    const error = await failure(provider.getPayment(paymentKey));
    expect(error).toMatchObject({ providerCode: 'TIMEOUT', code: 'PAYMENT_PROVIDER_UNAVAILABLE' });

    fake.delayNext(30);
    expect((await provider.getPayment(paymentKey))?.paymentKey).toBe(paymentKey);
  });

  it('leaves a timed-out confirm reconcilable: the order reads DONE and was charged once', async () => {
    await start({ timeoutMs: 100, retries: 0 });
    const { orderId, amount, paymentKey } = pending();
    fake.delayNext(400); // Toss approved, but its answer came too late
    expect((await failure(provider.confirm({ paymentKey, orderId, amount, idempotencyKey: 'order-key' }))).providerCode).toBe('TIMEOUT');

    expect((await provider.getPaymentByOrderId(orderId))?.status).toBe('DONE');
    // Confirming again with the order's key replays Toss's first answer instead of charging again.
    expect((await provider.confirm({ paymentKey, orderId, amount, idempotencyKey: 'order-key' })).status).toBe('DONE');
    expect(fake.charges).toHaveLength(1);
  });

  it('retries a timed-out confirm with the same key and gets the first answer', async () => {
    await start({ timeoutMs: 100, retries: 1 });
    const { orderId, amount, paymentKey } = pending();
    fake.delayNext(400);
    expect((await provider.confirm({ paymentKey, orderId, amount, idempotencyKey: 'order-key' })).status).toBe('DONE');
    expect(fake.requests).toHaveLength(2);
    expect(fake.charges).toHaveLength(1);
  });

  it('opens the circuit after repeated 5xx, fails fast without calling Toss, then half-opens and recovers', async () => {
    await start({ retries: 0, breaker: { volumeThreshold: 3, resetTimeoutMs: 150 } });
    const { paymentKey } = pending();
    fake.failNext(3);
    for (let i = 0; i < 3; i++) expect((await failure(provider.getPayment(paymentKey))).httpStatus).toBe(500);
    expect(provider.circuitState()).toBe('open');

    const fast = await failure(provider.getPayment(paymentKey));
    expect(fast).toMatchObject({ providerCode: 'CIRCUIT_OPEN', code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
    expect(fake.requests).toHaveLength(3);

    await sleep(200);
    expect(provider.circuitState()).toBe('half_open');
    expect((await provider.getPayment(paymentKey))?.paymentKey).toBe(paymentKey);
    expect(provider.circuitState()).toBe('closed');
    expect(fake.requests).toHaveLength(4);
  });

  it('re-opens when the half-open trial fails', async () => {
    await start({ retries: 0, breaker: { volumeThreshold: 2, resetTimeoutMs: 100 } });
    fake.failNext(3);
    await failure(provider.getPayment('a'));
    await failure(provider.getPayment('a'));
    expect(provider.circuitState()).toBe('open');
    await sleep(150);
    await failure(provider.getPayment('a'));
    expect(provider.circuitState()).toBe('open');
  });

  it('does not trip the circuit on 4xx business answers', async () => {
    await start({ retries: 0, breaker: { volumeThreshold: 3, resetTimeoutMs: 60_000 } });
    for (let i = 0; i < 10; i++) {
      expect(await provider.getPayment(`missing-${i}`)).toBeUndefined();
      const { orderId, amount, paymentKey } = pending(10_000, 'declined');
      await failure(provider.confirm({ paymentKey, orderId, amount, idempotencyKey: `k${i}` }));
    }
    expect(provider.circuitState()).toBe('closed');
    expect(fake.requests).toHaveLength(20);
  });
});
