import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisPointsToRate, lineCommission, rateToBasisPoints, splitAmount } from './commission.ts';

describe('commission', () => {
  it('rounds half up on the magnitude, keeping the sign', () => {
    expect(lineCommission(12_345, 1000)).toBe(1235);
    expect(lineCommission(12_344, 1000)).toBe(1234);
    expect(lineCommission(-12_345, 1000)).toBe(-1235);
    expect(lineCommission(-12_344, 1000)).toBe(-1234);
    expect(lineCommission(5, 1000)).toBe(1); // 0.5 -> 1
    expect(lineCommission(4, 1000)).toBe(0);
    expect(lineCommission(-4, 1000)).toBe(0);
    expect(Object.is(lineCommission(-4, 1000), -0)).toBe(false);
    expect(lineCommission(0, 1000)).toBe(0);
    expect(lineCommission(150_000, 0)).toBe(0);
    expect(lineCommission(99_999, 1234)).toBe(12_340); // 12339.87 -> 12340
  });

  it('reads rates as basis points without float drift', () => {
    expect(rateToBasisPoints(0.1)).toBe(1000);
    expect(rateToBasisPoints(0.07)).toBe(700);
    expect(rateToBasisPoints(0.123)).toBe(1230);
    expect(basisPointsToRate(1000)).toBe(0.1);
    expect(() => rateToBasisPoints(1)).toThrow();
  });

  it('is symmetric and matches exact rational rounding for any amount and rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 9999 }), (amount, bps) => {
        const c = lineCommission(amount, bps);
        expect(c).toBe(-lineCommission(-amount, bps) || 0);
        const exact = (BigInt(Math.abs(amount)) * BigInt(bps) * 2n + 10_000n) / 20_000n; // floor(x + 1/2)
        expect(Math.abs(c)).toBe(Number(exact));
        const { commissionAmount, netAmount } = splitAmount(amount, bps);
        expect(commissionAmount + netAmount).toBe(amount);
      }),
    );
  });
});
