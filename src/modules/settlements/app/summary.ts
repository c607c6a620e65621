import type { Actor } from '../../../platform/access.ts';
import { basisPointsToRate, splitAmount } from '../domain/commission.ts';
import { kstMonthOf, nextScheduledRun } from '../domain/period.ts';
import { finishedAmounts, totalsByStatus } from '../db/earnings.repo.ts';
import type { SettlementsDeps } from './deps.ts';
import type { EarningsSummary } from './schemas.ts';

// The caregiver's earnings at a glance. thisMonth and unsettled are estimates at the current rate from the
// ledger (what guardians paid minus refunds so far); pending and paid are the settlements' own figures.

function estimate(amounts: readonly { amount: number }[], bps: number) {
  let grossAmount = 0;
  let commissionAmount = 0;
  for (const { amount } of amounts) {
    grossAmount += amount;
    commissionAmount += splitAmount(amount, bps).commissionAmount;
  }
  return { grossAmount, commissionAmount, netAmount: grossAmount - commissionAmount, reservationCount: amounts.length };
}

export function makeEarningsSummary({ platform, commissionBps, schedule }: SettlementsDeps) {
  return async function earningsSummary(actor: Actor): Promise<EarningsSummary> {
    const db = platform.database.db;
    const now = platform.clock.now();
    const [month, unsettled, totals] = await Promise.all([
      finishedAmounts(db, actor.userId, { period: kstMonthOf(now) }),
      finishedAmounts(db, actor.userId, { unsettledOnly: true }),
      totalsByStatus(db, actor.userId),
    ]);
    const open = estimate(unsettled, commissionBps);
    return {
      thisMonth: estimate(month, commissionBps),
      unsettled: { netAmount: open.netAmount, reservationCount: open.reservationCount },
      pending: totals.PENDING,
      paid: totals.PAID,
      nextPayoutDate: nextScheduledRun(schedule, now)?.toISOString() ?? null,
      commissionRate: basisPointsToRate(commissionBps),
    };
  };
}
