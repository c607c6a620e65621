import type { Executor } from './db/database.ts';
import type { Actor } from './access.ts';

// Access to sensitive data (caregiver documents, patient details) leaves a row here, in the same
// transaction as the read it records where there is one. The log is append-only.
export interface AuditEntry {
  readonly actor: Actor | undefined;
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
