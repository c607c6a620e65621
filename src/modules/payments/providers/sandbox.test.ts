import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { describePaymentProviderContract } from './provider.suite.ts';
import { createMemorySandboxStore, createSandboxProvider } from './sandbox.ts';

describePaymentProviderContract('sandbox', async () => {
  const clock = fixedClock('2026-11-20T01:00:00Z');
  const provider = createSandboxProvider({ clock });
  return {
    provider,
    async authorise({ orderId, amount, card }) {
      const result = await provider.checkout({ orderId, amount, outcome: 'success', card: card ?? 'ok' });
      if (!('paymentKey' in result)) throw new Error(`checkout failed: ${result.code}`);
      return result.paymentKey;
    },
    passTime: async (ms) => clock.advance(ms),
    close: async () => undefined,
  };
});

describe('sandbox checkout', () => {
  const clock = fixedClock('2026-11-20T01:00:00Z');

  it('returns what Toss puts in the success redirect, and times in KST like Toss', async () => {
    const provider = createSandboxProvider({ clock });
    const result = await provider.checkout({ orderId: 'order-0001', amount: 50_000, outcome: 'success' });
    expect(result).toEqual({ paymentKey: expect.stringMatching(/^sandbox_/), orderId: 'order-0001', amount: 50_000 });
    if (!('paymentKey' in result)) throw new Error('unreachable');
    const done = await provider.confirm({ paymentKey: result.paymentKey, orderId: 'order-0001', amount: 50_000, idempotencyKey: 'k1' });
    expect(done.approvedAt).toBe('2026-11-20T10:00:00+09:00');
  });

  it('answers a declined or abandoned widget with the fail redirect codes, creating no payment', async () => {
    const provider = createSandboxProvider({ clock });
    expect(await provider.checkout({ orderId: 'order-0002', amount: 50_000, outcome: 'fail' })).toEqual({
      code: 'REJECT_CARD_COMPANY',
      message: expect.any(String),
      orderId: 'order-0002',
    });
    expect(await provider.checkout({ orderId: 'order-0002', amount: 50_000, outcome: 'cancel' })).toMatchObject({ code: 'PAY_PROCESS_CANCELED' });
    expect(await provider.getPaymentByOrderId('order-0002')).toBeUndefined();
  });

  it('lets the payer try again before approval, but never pays an order twice', async () => {
    const provider = createSandboxProvider({ clock });
    const first = await provider.checkout({ orderId: 'order-0003', amount: 10_000, outcome: 'success' });
    const second = await provider.checkout({ orderId: 'order-0003', amount: 10_000, outcome: 'success' });
    if (!('paymentKey' in first) || !('paymentKey' in second)) throw new Error('checkout failed');
    expect(second.paymentKey).not.toBe(first.paymentKey);
    expect((await provider.getPaymentByOrderId('order-0003'))?.paymentKey).toBe(second.paymentKey);

    await provider.confirm({ paymentKey: second.paymentKey, orderId: 'order-0003', amount: 10_000, idempotencyKey: 'k' });
    expect(await provider.checkout({ orderId: 'order-0003', amount: 10_000, outcome: 'success' })).toMatchObject({ code: 'DUPLICATED_ORDER_ID' });
  });

  it('refuses order ids and amounts Toss would refuse', async () => {
    const provider = createSandboxProvider({ clock });
    await expect(provider.checkout({ orderId: 'short', amount: 1_000, outcome: 'success' })).rejects.toBeInstanceOf(AppError);
    await expect(provider.checkout({ orderId: 'order-0004', amount: 0, outcome: 'success' })).rejects.toBeInstanceOf(AppError);
    await expect(provider.checkout({ orderId: 'order-0004', amount: 10.5, outcome: 'success' })).rejects.toBeInstanceOf(AppError);
  });

  it('charges once when two confirms race', async () => {
    const provider = createSandboxProvider({ clock });
    const result = await provider.checkout({ orderId: 'order-0005', amount: 10_000, outcome: 'success' });
    if (!('paymentKey' in result)) throw new Error('checkout failed');
    const confirm = (idempotencyKey: string) => provider.confirm({ paymentKey: result.paymentKey, orderId: 'order-0005', amount: 10_000, idempotencyKey });
    const outcomes = await Promise.allSettled([confirm('a'), confirm('b')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('keeps its state in the store it is given, so a persistent store survives a new instance', async () => {
    const store = createMemorySandboxStore();
    const before = createSandboxProvider({ clock, store });
    const result = await before.checkout({ orderId: 'order-0006', amount: 10_000, outcome: 'success' });
    if (!('paymentKey' in result)) throw new Error('checkout failed');
    const done = await before.confirm({ paymentKey: result.paymentKey, orderId: 'order-0006', amount: 10_000, idempotencyKey: 'k' });

    const after = createSandboxProvider({ clock, store });
    expect(await after.getPaymentByOrderId('order-0006')).toEqual(done);
    expect(await after.confirm({ paymentKey: result.paymentKey, orderId: 'order-0006', amount: 10_000, idempotencyKey: 'k' })).toEqual(done);
  });
});
