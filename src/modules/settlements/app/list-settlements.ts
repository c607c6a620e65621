import type { Actor } from '../../../platform/access.ts';
import { instantRange, pageRequest, toCreatedAtPage, type Page } from '../../../platform/paging.ts';
import { isUuid } from '../../../platform/uuid.ts';
import { findSettlement, listRuns, listSettlements, type SettlementFilter } from '../db/settlements.repo.ts';
import type { SettlementsDeps } from './deps.ts';
import { settlementNotFound } from './pay-settlement.ts';
import type { RunView, SettlementStatus, SettlementView } from './schemas.ts';
import { runView, settlementViews } from './view.ts';

// Reading settlements: admins see every one, a caregiver only their own (anyone else's is 404).

export interface AdminSettlementQuery {
  readonly status?: SettlementStatus | undefined;
  readonly caregiverId?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** The admin filter: status, caregiver (profile id), and periods overlapping [from, to). */
export function adminFilter(query: AdminSettlementQuery): SettlementFilter {
  const { from, to } = instantRange(query.from, query.to);
  return { status: query.status, caregiverId: query.caregiverId, from, to };
}

export function makeListSettlements({ platform }: SettlementsDeps) {
  const db = platform.database.db;
  async function page(filter: SettlementFilter, query: { limit?: number | undefined; cursor?: string | undefined }): Promise<Page<SettlementView>> {
    const request = pageRequest(query);
    const rows = await listSettlements(db, filter, request);
    const shown = toCreatedAtPage(rows, request.limit, (row) => row);
    return { items: await settlementViews(db, shown.items), nextCursor: shown.nextCursor };
  }
  async function one(id: string, visible: (row: { caregiver_user_id: string }) => boolean): Promise<SettlementView> {
    const row = isUuid(id) ? await findSettlement(db, id) : undefined;
    if (!row || !visible(row)) throw settlementNotFound();
    const [view] = await settlementViews(db, [row]);
    return view!;
  }
  return {
    listSettlements: (query: AdminSettlementQuery) => page(adminFilter(query), query),
    getSettlement: (id: string) => one(id, () => true),
    listMySettlements: (actor: Actor, query: { status?: SettlementStatus | undefined; limit?: number | undefined; cursor?: string | undefined }) =>
      page({ status: query.status, caregiverUserId: actor.userId }, query),
    getMySettlement: (actor: Actor, id: string) => one(id, (row) => row.caregiver_user_id === actor.userId),
    async listRuns(query: { limit?: number | undefined; cursor?: string | undefined }): Promise<Page<RunView>> {
      const request = pageRequest(query);
      return toCreatedAtPage(await listRuns(db, request), request.limit, runView);
    },
    /** SettlementsApi.listForCaregiverUser: newest first, with lines. */
    async listForCaregiverUser(userId: string, limit: number): Promise<SettlementView[]> {
      const rows = await listSettlements(db, { caregiverUserId: userId }, { limit });
      return settlementViews(db, rows.slice(0, limit));
    },
  };
}
