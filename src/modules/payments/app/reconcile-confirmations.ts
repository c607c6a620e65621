import { findPaymentById, listStaleConfirmations, updatePayment } from '../db/payments.repo.ts';
import type { PaymentsDeps } from './deps.ts';
import { paymentUpdated } from './events.ts';
import { reconcileOrder } from './reconcile-order.ts';

// Confirmations whose answer never came back (timeout, crash, a client that gave up after a 503):
// read each order from the provider and store what it says. A payment the provider still holds as
// unconfirmed after its confirm window (Toss: 10 minutes) can no longer be charged; it is EXPIRED
// here too, which frees the reservation for a new order.

export const STALE_AFTER_MS = 2 * 60_000;
export const GIVE_UP_AFTER_MS = 30 * 60_000;

export function makeReconcileConfirmations(deps: PaymentsDeps) {
  const { platform, logger } = deps;
  const { db } = platform.database;

  async function expire(paymentId: string): Promise<void> {
    await platform.transact(async (tx, emit) => {
      const row = await findPaymentById(tx, paymentId, { forUpdate: true });
      if (!row || row.status !== 'IN_PROGRESS') return;
      const updated = await updatePayment(tx, row.id, { status: 'EXPIRED', updated_at: platform.clock.now() });
      emit(paymentUpdated(updated));
    });
  }

  return async function reconcileConfirmations(limit = 20): Promise<number> {
    const now = platform.clock.now().getTime();
    const stale = await listStaleConfirmations(db, new Date(now - STALE_AFTER_MS), limit);
    for (const row of stale) {
      const reconciled = await reconcileOrder(deps, row);
      if (reconciled.kind === 'unreadable') continue; // nothing known: never expire on a guess
      const status = reconciled.kind === 'read' ? reconciled.row.status : 'IN_PROGRESS';
      if (status !== 'IN_PROGRESS') {
        logger.info({ paymentId: row.id, status }, 'reconciled a confirmation that got no answer');
      } else if (row.last_confirm_at && now - row.last_confirm_at.getTime() > GIVE_UP_AFTER_MS) {
        logger.warn({ paymentId: row.id }, 'confirmation never completed at the provider; order expired');
        await expire(row.id);
      }
    }
    return stale.length;
  };
}
