import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentProvider } from './provider.ts';
import { ProviderError, type ProviderErrorReason } from './provider-errors.ts';

// What every PaymentProvider must do, so the payments module written against the sandbox holds on Toss.
// Run by sandbox.test.ts (the sandbox) and toss.test.ts (the Toss client against the fake Toss server).

export interface ProviderUnderTest {
  readonly provider: PaymentProvider;
  /** Plays the payer in the widget: a payment authorised and waiting for confirm. Returns its paymentKey. */
  authorise(input: { orderId: string; amount: number; card?: 'ok' | 'declined' }): Promise<string>;
  /** Lets `ms` of the provider's time pass. */
  passTime(ms: number): Promise<void>;
  close(): Promise<void>;
}

const orderId = () => `order_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
const key = () => randomUUID();

/** Runs `call` and returns the ProviderError it failed with. */
async function refusal(call: Promise<unknown>): Promise<ProviderError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

function expectRefusal(error: ProviderError, reason: ProviderErrorReason, providerCode: string): void {
  expect({ reason: error.reason, providerCode: error.providerCode }).toEqual({ reason, providerCode });
}

export function describePaymentProviderContract(name: string, create: () => Promise<ProviderUnderTest>): void {
  describe(`PaymentProvider contract: ${name}`, () => {
    let subject: ProviderUnderTest;
    let provider: PaymentProvider;

    beforeEach(async () => {
      subject = await create();
      provider = subject.provider;
    });
    afterEach(async () => {
      await subject.close();
    });

    async function paid(amount = 10_000) {
      const order = orderId();
      const paymentKey = await subject.authorise({ orderId: order, amount });
      const payment = await provider.confirm({ paymentKey, orderId: order, amount, idempotencyKey: key() });
      return { order, paymentKey, payment };
    }

    it('confirms an authorised payment: DONE with the whole amount as balance', async () => {
      const order = orderId();
      const paymentKey = await subject.authorise({ orderId: order, amount: 45_000 });
      expect((await provider.getPayment(paymentKey))?.status).toBe('IN_PROGRESS');

      const payment = await provider.confirm({ paymentKey, orderId: order, amount: 45_000, idempotencyKey: key() });
      expect(payment).toMatchObject({ paymentKey, orderId: order, status: 'DONE', totalAmount: 45_000, balanceAmount: 45_000, cancels: [] });
      expect(payment.method).toEqual(expect.any(String));
      expect(payment.approvedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
      expect(await provider.getPayment(paymentKey)).toEqual(payment);
    });

    it('refuses a confirm whose amount differs, and leaves the payment confirmable', async () => {
      const order = orderId();
      const paymentKey = await subject.authorise({ orderId: order, amount: 30_000 });
      const error = await refusal(provider.confirm({ paymentKey, orderId: order, amount: 3_000, idempotencyKey: key() }));
      expectRefusal(error, 'invalid_request', 'INVALID_REQUEST');
      expect((await provider.getPayment(paymentKey))?.status).toBe('IN_PROGRESS');
      expect((await provider.confirm({ paymentKey, orderId: order, amount: 30_000, idempotencyKey: key() })).status).toBe('DONE');
    });

    it('answers a second confirm (new key) with ALREADY_PROCESSED_PAYMENT, to be reconciled', async () => {
      const { order, paymentKey, payment } = await paid();
      const error = await refusal(provider.confirm({ paymentKey, orderId: order, amount: 10_000, idempotencyKey: key() }));
      expectRefusal(error, 'already_processed', 'ALREADY_PROCESSED_PAYMENT');
      expect(error.kind).toBe('conflict');
      expect(await provider.getPaymentByOrderId(order)).toEqual(payment);
    });

    it('replays the first answer to a repeated Idempotency-Key, success or refusal', async () => {
      const order = orderId();
      const paymentKey = await subject.authorise({ orderId: order, amount: 20_000 });
      const idempotencyKey = key();
      const first = await provider.confirm({ paymentKey, orderId: order, amount: 20_000, idempotencyKey });
      await subject.passTime(5_000);
      expect(await provider.confirm({ paymentKey, orderId: order, amount: 20_000, idempotencyKey })).toEqual(first);

      const declinedOrder = orderId();
      const declinedKey = await subject.authorise({ orderId: declinedOrder, amount: 20_000, card: 'declined' });
      const again = key();
      const refused = await refusal(provider.confirm({ paymentKey: declinedKey, orderId: declinedOrder, amount: 20_000, idempotencyKey: again }));
      const replayed = await refusal(provider.confirm({ paymentKey: declinedKey, orderId: declinedOrder, amount: 20_000, idempotencyKey: again }));
      expect(replayed.providerCode).toBe(refused.providerCode);
    });

    it('reports a card declined at approval as PAYMENT_REJECTED with the provider code', async () => {
      const order = orderId();
      const paymentKey = await subject.authorise({ orderId: order, amount: 10_000, card: 'declined' });
      const error = await refusal(provider.confirm({ paymentKey, orderId: order, amount: 10_000, idempotencyKey: key() }));
      expectRefusal(error, 'rejected', 'REJECT_CARD_PAYMENT');
      expect({ kind: error.kind, code: error.code, extra: error.extra }).toEqual({
        kind: 'payment_required',
        code: 'PAYMENT_REJECTED',
        extra: { providerCode: 'REJECT_CARD_PAYMENT' },
      });
      expect((await provider.getPayment(paymentKey))?.status).toBe('ABORTED');
    });

    it('answers NOT_FOUND_PAYMENT for an unknown paymentKey, and NOT_FOUND_PAYMENT_SESSION after 10 minutes', async () => {
      expectRefusal(await refusal(provider.confirm({ paymentKey: 'no-such-payment-key', orderId: orderId(), amount: 1_000, idempotencyKey: key() })), 'not_found', 'NOT_FOUND_PAYMENT');

      const order = orderId();
      const paymentKey = await subject.authorise({ orderId: order, amount: 10_000 });
      await subject.passTime(10 * 60_000 + 1_000);
      const late = await refusal(provider.confirm({ paymentKey, orderId: order, amount: 10_000, idempotencyKey: key() }));
      expectRefusal(late, 'not_found', 'NOT_FOUND_PAYMENT_SESSION');
      expect(late.kind).toBe('not_found');
    });

    it('cancels in part and then the rest, keeping cancels[] and the balance', async () => {
      const { paymentKey } = await paid(10_000);
      const partial = await provider.cancel({ paymentKey, cancelReason: '보호자 일정 변경', cancelAmount: 3_000, idempotencyKey: key() });
      expect(partial).toMatchObject({ status: 'PARTIAL_CANCELED', totalAmount: 10_000, balanceAmount: 7_000 });
      expect(partial.cancels).toEqual([{ cancelAmount: 3_000, cancelReason: '보호자 일정 변경', canceledAt: expect.any(String), transactionKey: expect.any(String) }]);

      await subject.passTime(1_500); // Toss refuses a second cancel of one payment within a second
      const full = await provider.cancel({ paymentKey, cancelReason: '예약 취소', idempotencyKey: key() });
      expect(full).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
      expect(full.cancels.map((c) => c.cancelAmount)).toEqual([3_000, 7_000]);
      expect(await provider.getPayment(paymentKey)).toEqual(full);
    });

    it('refuses to cancel beyond the balance, twice in a second, or after a full cancel', async () => {
      const { paymentKey } = await paid(10_000);
      expectRefusal(await refusal(provider.cancel({ paymentKey, cancelReason: 'r', cancelAmount: 10_001, idempotencyKey: key() })), 'not_cancelable', 'NOT_CANCELABLE_AMOUNT');
      await provider.cancel({ paymentKey, cancelReason: 'r', cancelAmount: 4_000, idempotencyKey: key() });
      expectRefusal(await refusal(provider.cancel({ paymentKey, cancelReason: 'r', cancelAmount: 1_000, idempotencyKey: key() })), 'concurrent_request', 'FORBIDDEN_CONSECUTIVE_REQUEST');
      await subject.passTime(1_500);
      expectRefusal(await refusal(provider.cancel({ paymentKey, cancelReason: 'r', cancelAmount: 6_001, idempotencyKey: key() })), 'not_cancelable', 'NOT_CANCELABLE_AMOUNT');
      await provider.cancel({ paymentKey, cancelReason: 'r', idempotencyKey: key() });
      await subject.passTime(1_500);
      expectRefusal(await refusal(provider.cancel({ paymentKey, cancelReason: 'r', idempotencyKey: key() })), 'already_canceled', 'ALREADY_CANCELED_PAYMENT');
      expect((await provider.getPayment(paymentKey))?.balanceAmount).toBe(0);
    });

    it('refunds once when a cancel is repeated with its Idempotency-Key', async () => {
      const { paymentKey } = await paid(10_000);
      const idempotencyKey = key();
      const first = await provider.cancel({ paymentKey, cancelReason: 'r', cancelAmount: 2_500, idempotencyKey });
      await subject.passTime(1_500);
      expect(await provider.cancel({ paymentKey, cancelReason: 'r', cancelAmount: 2_500, idempotencyKey })).toEqual(first);
      expect((await provider.getPayment(paymentKey))?.balanceAmount).toBe(7_500);
    });

    it('refuses to cancel a payment that was never approved', async () => {
      const order = orderId();
      const paymentKey = await subject.authorise({ orderId: order, amount: 10_000 });
      expectRefusal(await refusal(provider.cancel({ paymentKey, cancelReason: 'r', idempotencyKey: key() })), 'not_cancelable', 'NOT_CANCELABLE_PAYMENT');
      expectRefusal(await refusal(provider.cancel({ paymentKey: 'no-such-payment-key', cancelReason: 'r', idempotencyKey: key() })), 'not_found', 'NOT_FOUND_PAYMENT');
    });

    it('finds a payment by paymentKey and by orderId, and undefined for unknown ones', async () => {
      const { order, paymentKey, payment } = await paid(12_000);
      expect(await provider.getPayment(paymentKey)).toEqual(payment);
      expect(await provider.getPaymentByOrderId(order)).toEqual(payment);
      expect(await provider.getPayment('no-such-payment-key')).toBeUndefined();
      expect(await provider.getPaymentByOrderId(orderId())).toBeUndefined();
    });
  });
}
