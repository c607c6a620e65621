import type { AdminDeps } from './deps.ts';
import { makeGetStats } from './get-stats.ts';
import { makeGetUserDetail } from './get-user-detail.ts';
import { makeReadAuditLog } from './read-audit-log.ts';

export type AdminUseCases = ReturnType<typeof makeAdminUseCases>;

/** Every admin use case, built once; routes call them. */
export function makeAdminUseCases(deps: AdminDeps) {
  return { getStats: makeGetStats(deps), getUserDetail: makeGetUserDetail(deps), readAuditLog: makeReadAuditLog(deps) };
}
