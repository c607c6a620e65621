import type { PlatformStats } from '../contract.ts';
import type { AdminDeps } from './deps.ts';

/**
 * Admin: the platform at a glance. Each figure comes from the module that owns it, read at about the same
 * moment (not one snapshot: modules keep separate data, so figures may be a few moments apart).
 */
export function makeGetStats({ platform, reservations, payments, identity, caregivers }: AdminDeps) {
  return async function getStats(): Promise<PlatformStats> {
    const [reservationCounts, money, users, caregiverCounts] = await Promise.all([
      reservations.countByStatus(),
      payments.paymentTotals(),
      identity.activeUserCounts(),
      caregivers.countByStatus(),
    ]);
    return {
      reservations: { byStatus: reservationCounts },
      payments: money,
      users,
      caregivers: { byStatus: caregiverCounts },
      generatedAt: platform.clock.now().toISOString(),
    };
  };
}
