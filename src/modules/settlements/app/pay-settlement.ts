import { writeAudit } from '../../../platform/audit.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/uuid.ts';
import { SETTLEMENT_EVENTS } from '../contract.ts';
import { findSettlement, linesOf, markPaid } from '../db/settlements.repo.ts';
import type { SettlementsDeps } from './deps.ts';
import { settlementMetrics } from './metrics.ts';
import type { RunContext } from './run-settlements.ts';
import type { PayInput, SettlementView } from './schemas.ts';
import { settlementView } from './view.ts';

// PENDING -> PAID once: the row is locked, the payout provider records (or makes) the transfer, the
// conditional UPDATE (only from PENDING) writes it, settlement.paid.v1 and the audit row commit with it.

export const alreadyPaid = () => conflict('SETTLEMENT_ALREADY_PAID', 'The settlement is already paid');
export const settlementNotFound = () => notFound('Settlement', 'SETTLEMENT_NOT_FOUND');

export function makePaySettlement({ platform, payout }: SettlementsDeps) {
  return async function paySettlement(id: string, input: PayInput, context: RunContext): Promise<SettlementView> {
    if (!isUuid(id)) throw settlementNotFound();
    const view = await platform.transact(async (tx, emit) => {
      const row = await findSettlement(tx, id, { forUpdate: true });
      if (!row) throw settlementNotFound();
      if (row.status !== 'PENDING') throw alreadyPaid();
      const result = await payout.payout({
        settlementId: row.id,
        caregiverId: row.caregiver_id,
        caregiverUserId: row.caregiver_user_id,
        netAmount: row.net_amount,
        transferReference: input.transferReference ?? null,
      });
      const paidAt = platform.clock.now();
      const paid = await markPaid(tx, id, { paidAt, transferReference: result.transferReference, payoutProvider: payout.name });
      if (!paid) throw alreadyPaid();
      emit(
        SETTLEMENT_EVENTS.paid.of(paid.id, {
          settlementId: paid.id,
          caregiverId: paid.caregiver_id,
          caregiverUserId: paid.caregiver_user_id,
          netAmount: paid.net_amount,
          periodStart: paid.period_start.toISOString(),
          periodEnd: paid.period_end.toISOString(),
          paidAt: paidAt.toISOString(),
        }),
      );
      await writeAudit(
        tx,
        {
          actor: context.actor,
          action: 'settlement.pay',
          resourceType: 'settlement',
          resourceId: paid.id,
          details: { netAmount: paid.net_amount, payoutProvider: payout.name, transferReference: result.transferReference },
          ...(context.requestId !== undefined ? { requestId: context.requestId } : {}),
        },
        paidAt,
      );
      return settlementView(paid, (await linesOf(tx, [paid.id])).get(paid.id) ?? []);
    });
    const metrics = settlementMetrics(platform.metrics);
    metrics.paid.inc();
    metrics.paidWon.inc(view.netAmount);
    return view;
  };
}
