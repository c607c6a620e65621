// The platform's commission, in integers only: the rate is held in basis points (1000 = 10 %) and a line's
// commission is |amount| × rate rounded half up to whole won, with the amount's sign. No float ever
// touches money: |amount| × bps stays far below 2^53 for any real amount.

export const BASIS_POINTS = 10_000;

/** A rate such as 0.1 as basis points (1000); settings give at most 4 decimals any meaning. */
export function rateToBasisPoints(rate: number): number {
  const bps = Math.round(rate * BASIS_POINTS);
  if (!Number.isInteger(bps) || bps < 0 || bps >= BASIS_POINTS) throw new Error(`commission rate out of range: ${rate}`);
  return bps;
}

export function basisPointsToRate(bps: number): number {
  return bps / BASIS_POINTS;
}

/** round_half_up(|amount| × bps / 10000) with the sign of amount: 12_345 at 10 % -> 1_235, -12_345 -> -1_235. */
export function lineCommission(amount: number, bps: number): number {
  if (!Number.isSafeInteger(amount)) throw new Error(`amount must be a whole number of won: ${amount}`);
  const scaled = Math.abs(amount) * bps;
  // Integer division of non-negative integers below 2^53: (scaled + 5000) div 10000.
  const magnitude = (scaled + BASIS_POINTS / 2 - ((scaled + BASIS_POINTS / 2) % BASIS_POINTS)) / BASIS_POINTS;
  return amount < 0 && magnitude > 0 ? -magnitude : magnitude;
}

/** A line's money: commission by the rule above, net = amount - commission. */
export function splitAmount(amount: number, bps: number): { commissionAmount: number; netAmount: number } {
  const commissionAmount = lineCommission(amount, bps);
  return { commissionAmount, netAmount: amount - commissionAmount };
}
