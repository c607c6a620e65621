import { kstIso } from '../../../platform/kst.ts';
import { invalid } from '../../../platform/errors.ts';
import { toCsv } from '../domain/csv.ts';
import { allSettlements } from '../db/settlements.repo.ts';
import type { SettlementsDeps } from './deps.ts';
import { adminFilter, type AdminSettlementQuery } from './list-settlements.ts';

// GET /admin/settlements/export.csv: one row per settlement of the admin list's filter, for Korean Excel
// (domain/csv.ts: BOM, CRLF, plain numbers, formula guard). Times in KST, 'YYYY-MM-DD HH:mm'.

export const CSV_MAX_ROWS = 10_000;
/** What an accountant reads first comes first (name, period, money, status); the ids close the row. */
export const CSV_HEADER = ['간병인', '정산 시작', '정산 종료', '총액', '수수료', '지급액', '상태', '지급일', '이체 참조', '정산ID', '간병인ID'];
const STATUS_TEXT = { PENDING: '지급 대기', PAID: '지급 완료' } as const;

const kstMinute = (at: Date) => kstIso(at).slice(0, 16).replace('T', ' ');

export function makeExportCsv({ platform }: SettlementsDeps) {
  return async function exportCsv(query: Omit<AdminSettlementQuery, 'limit' | 'cursor'>): Promise<{ filename: string; body: string }> {
    const rows = await allSettlements(platform.database.db, adminFilter(query), CSV_MAX_ROWS + 1);
    if (rows.length > CSV_MAX_ROWS) throw invalid(`At most ${CSV_MAX_ROWS} settlements per export: narrow the filter`, [{ field: 'from', message: 'too many settlements' }]);
    const body = toCsv(
      CSV_HEADER,
      rows.map((row) => [
        row.caregiver_name,
        kstMinute(row.period_start),
        kstMinute(row.period_end),
        row.gross_amount,
        row.commission_amount,
        row.net_amount,
        STATUS_TEXT[row.status],
        row.paid_at ? kstMinute(row.paid_at) : null,
        row.transfer_reference,
        row.id,
        row.caregiver_id,
      ]),
    );
    const today = kstIso(platform.clock.now()).slice(0, 10).replaceAll('-', '');
    return { filename: `settlements-${today}.csv`, body };
  };
}
