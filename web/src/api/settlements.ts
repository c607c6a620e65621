import { api, authorisedBlobUrl, call } from './client.ts';
import type { Body, Json, Query } from './types.ts';

// The settlement API of the admin and caregiver screens (caregiver payouts, issue 11), in one place,
// typed by the generated client.

export type Settlement = Json<'/api/v1/admin/settlements/{id}', 'get'>;
export type SettlementStatus = Settlement['status'];
export type SettlementLine = Settlement['lines'][number];
export type SettlementRun = Json<'/api/v1/admin/settlements/runs', 'post'>['run'];
export type EarningsSummary = Json<'/api/v1/settlements/summary', 'get'>;
export type Period = Body<'/api/v1/admin/settlements/runs', 'post'>;
export type AdminSettlementQuery = Query<'/api/v1/admin/settlements'>;

export const SETTLEMENT_STATUSES: readonly SettlementStatus[] = ['PENDING', 'PAID'];

export const SETTLEMENT_PAGE_SIZE = 20;

/** The query string of the admin list filters (also the CSV export's). */
export function settlementQueryString(query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const settlementsApi = {
  preview: (period: Period) => call(api.POST('/api/v1/admin/settlements/runs/preview', { body: period })),
  run: (period: Period) => call(api.POST('/api/v1/admin/settlements/runs', { body: period })),
  list: (query: AdminSettlementQuery) => call(api.GET('/api/v1/admin/settlements', { params: { query: { limit: SETTLEMENT_PAGE_SIZE, ...query } } })),
  get: (id: string) => call(api.GET('/api/v1/admin/settlements/{id}', { params: { path: { id } } })),
  pay: (id: string, transferReference: string | undefined) =>
    call(api.POST('/api/v1/admin/settlements/{id}/pay', { params: { path: { id } }, body: transferReference ? { transferReference } : {} })),
  /** The CSV of the filtered list, fetched with the bearer token, as a blob URL to save. */
  exportCsv: (query: AdminSettlementQuery) => {
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    return authorisedBlobUrl(`/api/v1/admin/settlements/export.csv${settlementQueryString(filters)}`);
  },
  mine: (cursor?: string) => call(api.GET('/api/v1/settlements', { params: { query: { limit: SETTLEMENT_PAGE_SIZE, ...(cursor ? { cursor } : {}) } } })),
  summary: () => call(api.GET('/api/v1/settlements/summary')),
};

/** A settlement as the preview computes it: nothing is written, so it has no id, run or creation time. */
export type SettlementPreview = Awaited<ReturnType<typeof settlementsApi.preview>>['items'][number];
