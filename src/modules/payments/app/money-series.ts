import type { StatsRange } from '../../../platform/stats-range.ts';
import type { PaymentsApi } from '../contract.ts';
import { approvedPerBucket, refundedPerBucket } from '../db/payment-stats.repo.ts';
import type { PaymentsDeps } from './deps.ts';

/**
 * Admin statistics over time: per KST bucket, the approved amounts of captured payments approved in it
 * (gross merchandise value) and the refunds made in it (each cancel at its own time, whenever the payment
 * was approved). Only buckets with either; the admin module fills the gaps.
 */
export function makeMoneySeries({ platform }: PaymentsDeps): PaymentsApi['moneySeries'] {
  return async function moneySeries(range: StatsRange) {
    const { db } = platform.database;
    const [approved, refunded] = await Promise.all([approvedPerBucket(db, range), refundedPerBucket(db, range)]);
    const buckets = new Map<string, { start: string; grossAmount: number; refundedAmount: number }>();
    const bucket = (start: Date) => {
      const key = start.toISOString();
      const found = buckets.get(key) ?? { start: key, grossAmount: 0, refundedAmount: 0 };
      buckets.set(key, found);
      return found;
    };
    for (const row of approved) bucket(row.start).grossAmount += row.amount;
    for (const row of refunded) bucket(row.start).refundedAmount += row.amount;
    return [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start));
  };
}
