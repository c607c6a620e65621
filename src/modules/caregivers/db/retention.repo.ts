import { sql } from 'kysely';
import type { RetentionRule } from '../../../platform/retention/retention.ts';
import { affected, firstDate } from '../../../platform/retention/statements.ts';

// Busy-slot tombstones (inactive rows of ended reservations) guard against a late or redelivered event
// bringing an ended reservation back. Redeliveries stop at the inbox horizon, so a tombstone older than
// RETENTION_BUSY_SLOT_TOMBSTONES (longer than that horizon) guards nothing and is deleted. Active slots stay.

export const caregiversRetentionRules: readonly RetentionRule[] = [
  {
    table: 'caregivers.busy_slots',
    policy: 'busySlotTombstones',
    action: 'delete',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`DELETE FROM caregivers.busy_slots WHERE reservation_id IN (
              SELECT reservation_id FROM caregivers.busy_slots
               WHERE NOT active AND updated_at < ${cutoff}
               ORDER BY updated_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
              AND NOT active
            RETURNING 1`,
      ),
    oldest: (db) => firstDate(db, sql<{ at: Date | null }>`SELECT min(updated_at) AS at FROM caregivers.busy_slots WHERE NOT active`),
  },
];
