import { describe, expect, it } from 'vitest';
import { cancelReasonFor, onRefundFailure, refundAmount, refundBaseKey, refundIdempotencyKey, retryDelayMs } from './refund.ts';

describe('refund rules', () => {
  it('keys a refund by what it is for, stable across retries', () => {
    const ids = { reservationId: 'r-1', paymentId: 'p-1' };
    expect(refundBaseKey('RESERVATION_CANCELLED', ids)).toBe('refund-r-1');
    expect(refundBaseKey('PAYMENT_REFUSED', ids)).toBe('refund-orphan-p-1');
    expect(refundIdempotencyKey('refund-r-1', 0)).toBe('refund-r-1');
    expect(refundIdempotencyKey('refund-r-1', 1)).toBe('refund-r-1-1');
  });

  it('never asks for more than is left, and nothing when nothing is left', () => {
    expect(refundAmount(50_000, 100_000)).toBe(50_000);
    expect(refundAmount(150_000, 100_000)).toBe(100_000);
    expect(refundAmount(null, 100_000)).toBeNull();
    expect(refundAmount(50_000, 0)).toBeUndefined();
    expect(refundAmount(null, 0)).toBeUndefined();
    expect(refundAmount(0, 100_000)).toBeUndefined();
    expect(refundAmount(10.5, 100_000)).toBeUndefined();
  });

  it('backs off from 2 s, doubling, capped at 30 minutes', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(40)).toBe(30 * 60_000);
  });

  it('retries what may not have happened with the same key, and only proven refusals with a new one', () => {
    expect(onRefundFailure('unavailable')).toBe('retry_same_key');
    expect(onRefundFailure('misconfigured')).toBe('retry_same_key');
    expect(onRefundFailure('concurrent_request')).toBe('retry_new_key');
    expect(onRefundFailure('already_canceled')).toBe('reread_and_close');
    expect(onRefundFailure('not_cancelable')).toBe('reread_and_close');
    for (const reason of ['rejected', 'already_processed', 'not_found', 'invalid_request'] as const) expect(onRefundFailure(reason)).toBe('give_up');
  });

  it('writes a cancel reason Toss accepts', () => {
    expect(cancelReasonFor('RESERVATION_CANCELLED', ' 일정 변경 ')).toBe('예약 취소 환불: 일정 변경');
    expect(cancelReasonFor('PAYMENT_REFUSED', '')).toBe('종료된 예약의 결제 자동 환불');
    expect([...cancelReasonFor('RESERVATION_CANCELLED', '가'.repeat(300))]).toHaveLength(200);
  });
});
