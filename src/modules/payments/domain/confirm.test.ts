import { describe, expect, it } from 'vitest';
import { confirmIdempotencyKey, decideConfirm, ORDER_ID, orderIdFor, orderNameOf, type ConfirmSubject } from './confirm.ts';
import { STORED_STATUSES } from './payment-state.ts';

const order = (overrides: Partial<ConfirmSubject> = {}): ConfirmSubject => ({ amount: 50_000, status: 'READY', paymentKey: null, failureCode: null, ...overrides });

describe('decideConfirm', () => {
  it('refuses a different amount in every status, before anything else', () => {
    for (const status of STORED_STATUSES) {
      expect(decideConfirm(order({ status, paymentKey: 'pk' }), { paymentKey: 'pk', amount: 49_999 })).toMatchObject({ kind: 'refuse', status: 400, code: 'AMOUNT_MISMATCH' });
    }
  });

  it('sends a READY order, and a retry of the same payment while IN_PROGRESS', () => {
    expect(decideConfirm(order(), { paymentKey: 'pk', amount: 50_000 })).toEqual({ kind: 'send' });
    expect(decideConfirm(order({ status: 'IN_PROGRESS', paymentKey: 'pk' }), { paymentKey: 'pk', amount: 50_000 })).toEqual({ kind: 'send' });
    expect(decideConfirm(order({ status: 'IN_PROGRESS', paymentKey: 'pk' }), { paymentKey: 'other', amount: 50_000 })).toMatchObject({ code: 'PAYMENT_CONFIRM_IN_PROGRESS' });
  });

  it('answers a DONE order confirmed again with the same payment, and refuses any other', () => {
    expect(decideConfirm(order({ status: 'DONE', paymentKey: 'pk' }), { paymentKey: 'pk', amount: 50_000 })).toEqual({ kind: 'already_done' });
    for (const status of ['DONE', 'PARTIAL_CANCELED', 'CANCELED'] as const) {
      expect(decideConfirm(order({ status, paymentKey: 'pk' }), { paymentKey: 'other', amount: 50_000 })).toMatchObject({ status: 409, code: 'PAYMENT_ALREADY_PROCESSED' });
    }
    expect(decideConfirm(order({ status: 'CANCELED', paymentKey: 'pk' }), { paymentKey: 'pk', amount: 50_000 })).toMatchObject({ code: 'PAYMENT_ALREADY_PROCESSED' });
  });

  it('repeats a decline for the declined payment; anything else on a finished order is refused', () => {
    expect(decideConfirm(order({ status: 'ABORTED', paymentKey: 'pk', failureCode: 'REJECT_CARD_PAYMENT' }), { paymentKey: 'pk', amount: 50_000 })).toEqual({
      kind: 'declined',
      providerCode: 'REJECT_CARD_PAYMENT',
    });
    expect(decideConfirm(order({ status: 'ABORTED', paymentKey: 'pk', failureCode: 'X' }), { paymentKey: 'new', amount: 50_000 })).toMatchObject({ code: 'PAYMENT_NOT_CONFIRMABLE' });
    expect(decideConfirm(order({ status: 'EXPIRED' }), { paymentKey: 'pk', amount: 50_000 })).toMatchObject({ code: 'PAYMENT_NOT_CONFIRMABLE' });
  });
});

describe('order ids and keys', () => {
  it('makes Toss-valid order ids and stable confirm keys', () => {
    const id = orderIdFor('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    expect(id).toBe('cn-0193a1b2c3d47e5f8a9b0c1d2e3f4a5b');
    expect(ORDER_ID.test(id)).toBe(true);
    expect(confirmIdempotencyKey(id, 0)).toBe(`confirm-${id}`);
    expect(confirmIdempotencyKey(id, 2)).toBe(`confirm-${id}-2`);
  });

  it('keeps order names within what Toss shows', () => {
    expect(orderNameOf('  간병 예약 12/01 09:00 (김영희) ')).toBe('간병 예약 12/01 09:00 (김영희)');
    expect([...orderNameOf('가'.repeat(150))]).toHaveLength(100);
    expect(orderNameOf('   ')).toBe('CareNest 돌봄 예약');
  });
});
