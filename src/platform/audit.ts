import { sql } from 'kysely';
import type { Executor } from './db/database.ts';
import type { Actor } from './access.ts';

// Access to sensitive data (caregiver documents, patient details) and every admin action leave a row here, in the same
// transaction as the read or change it records. The log is append-only; the back office reads it (readAudit).
export interface AuditEntry {
  readonly actor: Pick<Actor, 'userId' | 'role'> | undefined;
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly requestId?: string;
}

export async function writeAudit(db: Executor, entry: AuditEntry, at: Date): Promise<void> {
  await db
    .insertInto('platform.audit_log')
    .values({
      actor_id: entry.actor?.userId ?? null,
      actor_role: entry.actor?.role ?? null,
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      details: JSON.stringify(entry.details ?? {}),
      request_id: entry.requestId ?? null,
      at,
    })
    .execute();
}

/** One row of the audit log as the back office reads it. */
export interface AuditRecord {
  readonly id: string;
  readonly at: Date;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly requestId: string | null;
}

/** Which entries to read: every given filter must hold. `action` ending in `.` (e.g. `user.`) is a prefix. */
export interface AuditFilter {
  readonly actorId?: string | undefined;
  readonly action?: string | undefined;
  readonly resourceType?: string | undefined;
  readonly resourceId?: string | undefined;
  /**
   * Entries whose actor, resource id or subject (details.userId, details.guardianId, details.caregiverUserId)
   * is one of these: a user's trail (their id, their caregiver profile's id).
   */
  readonly involving?: readonly string[] | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

/** A position in the newest-first log: the (at, id) of the last entry seen. */
export interface AuditPosition {
  readonly at: Date;
  readonly id: string;
}

interface AuditRow {
  id: string | number;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string;
  resource_id: string;
  details: unknown;
  request_id: string | null;
}

/** The keys of `details` that name a user the entry is about (besides the resource). */
const SUBJECT_KEYS = ['userId', 'guardianId', 'caregiverUserId'] as const;

function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Newest first, after `after`, at most `limit` + 1 entries (so a caller can tell whether more follow). */
export async function readAudit(db: Executor, filter: AuditFilter, page: { limit: number; after?: AuditPosition | undefined }): Promise<AuditRecord[]> {
  let query = db.selectFrom('platform.audit_log').selectAll();
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action !== undefined) {
    query = filter.action.endsWith('.') ? query.where('action', 'like', likePrefix(filter.action)) : query.where('action', '=', filter.action);
  }
  if (filter.resourceType !== undefined) query = query.where('resource_type', '=', filter.resourceType);
  if (filter.resourceId !== undefined) query = query.where('resource_id', '=', filter.resourceId);
  const involving = filter.involving;
  if (involving !== undefined && involving.length > 0) {
    query = query.where((eb) =>
      eb.or([
        eb('actor_id', 'in', involving),
        eb('resource_id', 'in', involving),
        ...SUBJECT_KEYS.map((key) => eb(sql<string>`details->>${sql.lit(key)}`, 'in', involving)),
      ]),
    );
  }
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  const { after } = page;
  if (after) query = query.where(sql<boolean>`(at, id) < (${after.at}, ${after.id}::bigint)`);
  const rows = (await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute()) as AuditRow[];
  return rows.map((row) => ({
    id: String(row.id),
    at: new Date(row.at),
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details ?? {}) as Record<string, unknown>,
    requestId: row.request_id,
  }));
}
