import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRefundPolicy, DEFAULT_REFUND_POLICY, refundPolicy, type Canceller, type RefundPolicySettings } from './refund-policy.ts';

const H = 3_600_000;
const START = new Date('2026-12-10T00:00:00Z');
const hoursBefore = (h: number) => new Date(START.getTime() - h * H);
const paid = (cancelledBy: Canceller, hoursLeft: number, paidAmount = 150_000) =>
  refundPolicy({ paid: true, paidAmount, cancelledBy, startAt: START, now: hoursBefore(hoursLeft) });

describe('refund policy', () => {
  it('refunds nothing and keeps nothing before payment, whoever cancels', () => {
    for (const who of ['GUARDIAN', 'CAREGIVER', 'ADMIN'] as const) {
      expect(refundPolicy({ paid: false, paidAmount: 150_000, cancelledBy: who, startAt: START, now: hoursBefore(1) })).toEqual({
        refundAmount: 0,
        feeAmount: 0,
        tier: 'BEFORE_PAYMENT',
      });
    }
  });

  it('gives the guardian 100 % from 72 h before the start, 50 % from 24 h, then nothing', () => {
    expect(paid('GUARDIAN', 200)).toEqual({ refundAmount: 150_000, feeAmount: 0, tier: 'GUARDIAN_72H_OR_MORE' });
    expect(paid('GUARDIAN', 72)).toEqual({ refundAmount: 150_000, feeAmount: 0, tier: 'GUARDIAN_72H_OR_MORE' });
    expect(paid('GUARDIAN', 72 - 1 / 3600)).toEqual({ refundAmount: 75_000, feeAmount: 75_000, tier: 'GUARDIAN_24H_OR_MORE' });
    expect(paid('GUARDIAN', 24)).toEqual({ refundAmount: 75_000, feeAmount: 75_000, tier: 'GUARDIAN_24H_OR_MORE' });
    expect(paid('GUARDIAN', 23.99)).toEqual({ refundAmount: 0, feeAmount: 150_000, tier: 'GUARDIAN_UNDER_24H' });
    expect(paid('GUARDIAN', 0)).toEqual({ refundAmount: 0, feeAmount: 150_000, tier: 'GUARDIAN_UNDER_24H' });
    expect(paid('GUARDIAN', -5)).toEqual({ refundAmount: 0, feeAmount: 150_000, tier: 'GUARDIAN_UNDER_24H' });
  });

  it('refunds in full when the caregiver or an admin cancels a paid reservation, at any time', () => {
    expect(paid('CAREGIVER', 1)).toEqual({ refundAmount: 150_000, feeAmount: 0, tier: 'CAREGIVER_CANCELLED' });
    expect(paid('ADMIN', 1)).toEqual({ refundAmount: 150_000, feeAmount: 0, tier: 'ADMIN_CANCELLED' });
  });

  it('rounds the refund down to the won and keeps the rest', () => {
    expect(paid('GUARDIAN', 30, 15_001)).toEqual({ refundAmount: 7_500, feeAmount: 7_501, tier: 'GUARDIAN_24H_OR_MORE' });
  });

  it('takes its tiers from settings', () => {
    const settings: RefundPolicySettings = {
      ...DEFAULT_REFUND_POLICY,
      guardianTiers: [
        { name: 'EARLY', minHoursBefore: 48, refundPercent: 90 },
        { name: 'LATE', minHoursBefore: 0, refundPercent: 10 },
      ],
    };
    const at = (h: number) => refundPolicy({ paid: true, paidAmount: 1000, cancelledBy: 'GUARDIAN', startAt: START, now: hoursBefore(h) }, settings);
    expect(at(48)).toEqual({ refundAmount: 900, feeAmount: 100, tier: 'EARLY' });
    expect(at(47)).toEqual({ refundAmount: 100, feeAmount: 900, tier: 'LATE' });
  });

  it('refuses settings that would leave a gap or a wrong percentage', () => {
    expect(checkRefundPolicy(DEFAULT_REFUND_POLICY)).toEqual([]);
    const bad: RefundPolicySettings = {
      guardianTiers: [
        { name: 'A', minHoursBefore: 24, refundPercent: 150 },
        { name: 'B', minHoursBefore: 48, refundPercent: 50 },
      ],
      caregiverRefundPercent: -1,
      adminRefundPercent: 100,
    };
    expect(checkRefundPolicy(bad).map((e) => e.field)).toEqual([
      'guardianTiers[0].refundPercent',
      'guardianTiers[1].minHoursBefore',
      'guardianTiers[1].minHoursBefore',
      'caregiverRefundPercent',
    ]);
    expect(checkRefundPolicy({ ...bad, guardianTiers: [] })).toContainEqual({ field: 'guardianTiers', message: 'needs at least one tier' });
    expect(() => refundPolicy({ paid: true, paidAmount: 1, cancelledBy: 'GUARDIAN', startAt: START, now: START }, bad)).toThrow(RangeError);
    expect(() => refundPolicy({ paid: true, paidAmount: 1.5, cancelledBy: 'GUARDIAN', startAt: START, now: START })).toThrow(RangeError);
  });

  const amount = fc.integer({ min: 0, max: 50_000_000 });
  const hours = fc.double({ min: -48, max: 24 * 120, noNaN: true });
  const who = fc.constantFrom<Canceller>('GUARDIAN', 'CAREGIVER', 'ADMIN');

  it('always splits what was paid into refund + fee, whole won, never negative', () => {
    fc.assert(
      fc.property(amount, hours, who, fc.boolean(), (paidAmount, h, cancelledBy, isPaid) => {
        const q = refundPolicy({ paid: isPaid, paidAmount, cancelledBy, startAt: START, now: hoursBefore(h) });
        expect(Number.isInteger(q.refundAmount) && Number.isInteger(q.feeAmount)).toBe(true);
        expect(q.refundAmount).toBeGreaterThanOrEqual(0);
        expect(q.feeAmount).toBeGreaterThanOrEqual(0);
        expect(q.refundAmount + q.feeAmount).toBe(isPaid ? paidAmount : 0);
      }),
    );
  });

  it('never refunds the guardian more for cancelling later', () => {
    fc.assert(
      fc.property(amount, hours, hours, (paidAmount, a, b) => {
        const [earlier, later] = a >= b ? [a, b] : [b, a];
        expect(paid('GUARDIAN', earlier, paidAmount).refundAmount).toBeGreaterThanOrEqual(paid('GUARDIAN', later, paidAmount).refundAmount);
      }),
    );
  });

  it('never refunds the guardian more than the caregiver\'s cancellation would', () => {
    fc.assert(
      fc.property(amount, hours, (paidAmount, h) => {
        expect(paid('CAREGIVER', h, paidAmount).refundAmount).toBe(paidAmount);
        expect(paid('GUARDIAN', h, paidAmount).refundAmount).toBeLessThanOrEqual(paidAmount);
      }),
    );
  });
});
