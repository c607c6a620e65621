import { RESERVATION_STATUSES, type ReservationStatus } from '../../reservations/contract.ts';
import { buckets, parseStatsRange, seriesOf, type StatsRange, type StatsRangeQuery } from '../../../platform/stats-range.ts';
import type { PeriodFigures, PlatformStats, StatsBucket } from '../contract.ts';
import type { AdminDeps } from './deps.ts';

const noneByStatus = () => Object.fromEntries(RESERVATION_STATUSES.map((status) => [status, 0])) as Record<ReservationStatus, number>;

/**
 * Admin: the platform at a glance, and over a period by KST bucket (stats-range.ts: default the last 30
 * days by day). Each figure comes from the module that owns it, read at about the same moment (not one
 * snapshot: modules keep separate data, so figures may be a few moments apart).
 */
export function makeGetStats(deps: AdminDeps) {
  const { platform, reservations, payments, identity, caregivers } = deps;
  return async function getStats(query: StatsRangeQuery = {}): Promise<PlatformStats> {
    const now = platform.clock.now();
    const range = parseStatsRange(query, now);
    const [reservationCounts, money, users, caregiverCounts, overTime] = await Promise.all([
      reservations.countByStatus(),
      payments.paymentTotals(),
      identity.activeUserCounts(),
      caregivers.countByStatus(),
      periodStats(deps, range),
    ]);
    return {
      reservations: { byStatus: reservationCounts },
      payments: money,
      users,
      caregivers: { byStatus: caregiverCounts },
      generatedAt: now.toISOString(),
      ...overTime,
    };
  };
}

/** Every bucket of the range with its figures (zeros where nothing happened), and the period's totals. */
async function periodStats({ reservations, payments, identity, settlements }: AdminDeps, range: StatsRange) {
  const [bookings, money, commission, newUsers, activeCaregivers] = await Promise.all([
    reservations.statsSeries(range),
    payments.moneySeries(range),
    settlements.commissionSeries(range),
    identity.newUserSeries(range),
    reservations.activeCaregiverCount(range.from, range.to),
  ]);
  const bookingsOf = seriesOf(range, bookings, (start) => ({ start, created: 0, byStatus: noneByStatus(), activeCaregivers: 0 }));
  const moneyOf = seriesOf(range, money, (start) => ({ start, grossAmount: 0, refundedAmount: 0 }));
  const commissionOf = seriesOf(range, commission, (start) => ({ start, commissionAmount: 0 }));
  const usersOf = seriesOf(range, newUsers, (start) => ({ start, count: 0 }));
  const series: StatsBucket[] = buckets(range).map(({ start, end }, i) => ({
    start: start.toISOString(),
    end: end.toISOString(),
    reservations: { created: bookingsOf[i]?.created ?? 0, byStatus: { ...(bookingsOf[i]?.byStatus ?? noneByStatus()) } },
    grossAmount: moneyOf[i]?.grossAmount ?? 0,
    refundedAmount: moneyOf[i]?.refundedAmount ?? 0,
    commissionAmount: commissionOf[i]?.commissionAmount ?? 0,
    newUsers: usersOf[i]?.count ?? 0,
    activeCaregivers: bookingsOf[i]?.activeCaregivers ?? 0,
  }));
  const periodTotals: PeriodFigures = {
    reservations: { created: 0, byStatus: noneByStatus() },
    grossAmount: 0,
    refundedAmount: 0,
    commissionAmount: 0,
    newUsers: 0,
    activeCaregivers,
  };
  for (const bucket of series) {
    periodTotals.reservations.created += bucket.reservations.created;
    for (const status of RESERVATION_STATUSES) periodTotals.reservations.byStatus[status] += bucket.reservations.byStatus[status];
    periodTotals.grossAmount += bucket.grossAmount;
    periodTotals.refundedAmount += bucket.refundedAmount;
    periodTotals.commissionAmount += bucket.commissionAmount;
    periodTotals.newUsers += bucket.newUsers;
  }
  return {
    period: { from: range.from.toISOString(), to: range.to.toISOString(), granularity: range.granularity },
    series,
    periodTotals,
  };
}
