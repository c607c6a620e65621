import { describe, expect, it } from 'vitest';
import { mergeProviderState, STORED_STATUSES, type PaymentState, type ProviderSnapshot, type StoredStatus } from './payment-state.ts';

const order: PaymentState = {
  orderId: 'cn-order-1',
  amount: 100_000,
  status: 'IN_PROGRESS',
  paymentKey: 'pk_1',
  method: null,
  approvedAt: null,
  receiptUrl: null,
  balanceAmount: 100_000,
  cancels: [],
};

function snapshot(overrides: Partial<ProviderSnapshot> = {}): ProviderSnapshot {
  return {
    paymentKey: 'pk_1',
    orderId: 'cn-order-1',
    status: 'DONE',
    totalAmount: 100_000,
    balanceAmount: 100_000,
    method: '카드',
    approvedAt: '2026-12-01T09:00:00+09:00',
    receiptUrl: 'https://receipt/1',
    cancels: [],
    ...overrides,
  };
}

const cancel = (amount: number, at = '2026-12-02T10:00:00+09:00', key = `tx-${amount}`) => ({
  cancelAmount: amount,
  cancelReason: '예약 취소 환불',
  canceledAt: at,
  transactionKey: key,
});

describe('mergeProviderState', () => {
  it('takes an approval: DONE, method, approval time in UTC, receipt; money captured once', () => {
    const result = mergeProviderState(order, snapshot());
    expect(result).toMatchObject({ kind: 'changed', statusChanged: true, captured: true });
    if (result.kind !== 'changed') throw new Error('unreachable');
    expect(result.next).toMatchObject({ status: 'DONE', method: '카드', receiptUrl: 'https://receipt/1', balanceAmount: 100_000 });
    expect(result.next.approvedAt?.toISOString()).toBe('2026-12-01T00:00:00.000Z');

    // The same snapshot again (a replayed webhook, a retried confirm) changes nothing.
    expect(mergeProviderState(result.next, snapshot())).toEqual({ kind: 'unchanged' });
  });

  it('takes refunds: cancels in UTC, balance, PARTIAL_CANCELED then CANCELED, never captured again', () => {
    const done = { ...order, status: 'DONE' as const };
    const partial = mergeProviderState(done, snapshot({ status: 'PARTIAL_CANCELED', balanceAmount: 50_000, cancels: [cancel(50_000)] }));
    expect(partial).toMatchObject({ kind: 'changed', statusChanged: true, captured: false });
    if (partial.kind !== 'changed') throw new Error('unreachable');
    expect(partial.next.cancels).toEqual([{ amount: 50_000, reason: '예약 취소 환불', at: '2026-12-02T01:00:00.000Z', transactionKey: 'tx-50000' }]);
    expect(partial.next.balanceAmount).toBe(50_000);

    // A second partial cancel keeps the status but adds a cancel and lowers the balance.
    const second = mergeProviderState(
      partial.next,
      snapshot({ status: 'PARTIAL_CANCELED', balanceAmount: 20_000, cancels: [cancel(50_000), cancel(30_000)] }),
    );
    expect(second).toMatchObject({ kind: 'changed', statusChanged: false, next: { balanceAmount: 20_000 } });

    const full = mergeProviderState(partial.next, snapshot({ status: 'CANCELED', balanceAmount: 0, cancels: [cancel(50_000), cancel(50_000, undefined, 'tx-b')] }));
    expect(full).toMatchObject({ kind: 'changed', next: { status: 'CANCELED', balanceAmount: 0 } });
  });

  it('leaves READY alone when the payer only authorised in the widget (no confirm sent yet)', () => {
    expect(mergeProviderState({ ...order, status: 'READY', paymentKey: null }, snapshot({ status: 'IN_PROGRESS' }))).toEqual({ kind: 'unchanged' });
  });

  it('never goes back: a stale snapshot (the confirm answer after a refund) is ignored', () => {
    const refunded = { ...order, status: 'CANCELED' as const, balanceAmount: 0, cancels: [{ amount: 100_000, reason: 'x', at: 'a', transactionKey: 't' }] };
    expect(mergeProviderState(refunded, snapshot())).toEqual({ kind: 'unchanged' });
    const done = { ...order, status: 'DONE' as const };
    expect(mergeProviderState(done, snapshot({ status: 'IN_PROGRESS' }))).toEqual({ kind: 'unchanged' });
    expect(mergeProviderState(done, snapshot({ status: 'ABORTED' }))).toEqual({ kind: 'unchanged' });
  });

  it('records a decline or an expiry without money', () => {
    expect(mergeProviderState(order, snapshot({ status: 'ABORTED', method: null, approvedAt: null }))).toMatchObject({
      kind: 'changed',
      captured: false,
      next: { status: 'ABORTED' },
    });
    expect(mergeProviderState({ ...order, status: 'READY', paymentKey: null }, snapshot({ status: 'EXPIRED' }))).toMatchObject({
      kind: 'changed',
      next: { status: 'EXPIRED', paymentKey: 'pk_1' },
    });
  });

  it('believes the provider when money moved after all (DONE after we gave up on the attempt)', () => {
    expect(mergeProviderState({ ...order, status: 'EXPIRED' }, snapshot({ paymentKey: 'pk_2' }))).toMatchObject({
      kind: 'changed',
      captured: true,
      next: { status: 'DONE', paymentKey: 'pk_2' },
    });
  });

  it('refuses a snapshot of another order or for another amount', () => {
    expect(mergeProviderState(order, snapshot({ orderId: 'cn-order-2' }))).toMatchObject({ kind: 'mismatch' });
    expect(mergeProviderState(order, snapshot({ totalAmount: 100 }))).toMatchObject({ kind: 'mismatch', why: expect.stringContaining('100') });
  });

  it('captures exactly when money is first taken, whatever the pair of statuses', () => {
    const captured: StoredStatus[] = ['DONE', 'PARTIAL_CANCELED', 'CANCELED'];
    for (const from of STORED_STATUSES) {
      for (const to of STORED_STATUSES) {
        const cancels = to === 'CANCELED' || to === 'PARTIAL_CANCELED' ? [cancel(10_000)] : [];
        const result = mergeProviderState({ ...order, status: from }, snapshot({ status: to, cancels, balanceAmount: 100_000 - cancels.length * 10_000 }));
        const expected = !captured.includes(from) && captured.includes(to);
        expect(result.kind === 'changed' && result.captured, `${from} -> ${to}`).toBe(expected);
      }
    }
  });
});
