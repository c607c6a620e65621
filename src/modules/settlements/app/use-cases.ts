import { splitAmount } from '../domain/commission.ts';
import { seriesOf, type StatsRange } from '../../../platform/stats-range.ts';
import type { SettlementsApi } from '../contract.ts';
import { commissionByBucket } from '../db/earnings.repo.ts';
import type { SettlementsDeps } from './deps.ts';
import { makeExportCsv } from './export-csv.ts';
import { makeListSettlements } from './list-settlements.ts';
import { makePaySettlement } from './pay-settlement.ts';
import { makeRunSettlements } from './run-settlements.ts';
import { makeEarningsSummary } from './summary.ts';

export type SettlementsUseCases = ReturnType<typeof makeSettlementsUseCases>;

/** Every settlements use case, built once; routes call them, and so may tests. */
export function makeSettlementsUseCases(deps: SettlementsDeps) {
  return {
    ...makeRunSettlements(deps),
    ...makeListSettlements(deps),
    paySettlement: makePaySettlement(deps),
    earningsSummary: makeEarningsSummary(deps),
    exportCsv: makeExportCsv(deps),
  };
}

/** The contract other modules call (admin user detail and statistics). */
export function makeSettlementsApi(deps: SettlementsDeps, useCases: SettlementsUseCases): SettlementsApi {
  return {
    listForCaregiverUser: (userId, limit) => useCases.listForCaregiverUser(userId, limit),
    async expectedEarnings(grossAmount) {
      return { grossAmount, ...splitAmount(grossAmount, deps.commissionBps) };
    },
    async commissionSeries(range: StatsRange) {
      const rows = await commissionByBucket(deps.platform.database.db, range);
      return seriesOf(
        range,
        rows.map((row) => ({ start: row.start.toISOString(), commissionAmount: row.commissionAmount })),
        (start) => ({ start, commissionAmount: 0 }),
      );
    },
  };
}
