import { readAudit, type AuditRecord } from '../../../platform/audit.ts';
import { decodeCursor, encodeCursor, instantRange } from '../../../platform/paging.ts';
import { invalid } from '../../../platform/errors.ts';
import type { AdminDeps } from './deps.ts';
import type { AuditLogEntry, AuditLogPage, AuditLogQuery } from './schemas.ts';

/** An entry as the API shows it (times ISO UTC). */
export function auditEntryView(record: AuditRecord): AuditLogEntry {
  return { ...record, at: record.at.toISOString(), details: { ...record.details } };
}

function auditCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const [at, id] = decodeCursor(cursor, 2);
  const instant = typeof at === 'string' ? new Date(at) : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime()) || typeof id !== 'string' || !/^\d{1,18}$/.test(id)) {
    throw invalid('The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor from this list' }]);
  }
  return { at: instant, id };
}

/**
 * Admin: the audit log, newest first, filtered by actor, action (exact, or a prefix ending in '.'), resource
 * and period [from, to). Reading the log is not itself audited: each read would add a row to what it reads.
 */
export function makeReadAuditLog({ platform }: AdminDeps) {
  return async function readAuditLog(query: AuditLogQuery): Promise<AuditLogPage> {
    const { from, to } = instantRange(query.from, query.to);
    const limit = query.limit ?? 50;
    const rows = await readAudit(
      platform.database.db,
      { actorId: query.actorId, action: query.action, resourceType: query.resourceType, resourceId: query.resourceId, from, to },
      { limit, after: auditCursor(query.cursor) },
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(auditEntryView),
      nextCursor: rows.length > limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null,
    };
  };
}
