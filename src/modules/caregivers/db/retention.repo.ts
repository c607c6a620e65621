import type { RetentionRule } from '../../../platform/retention/retention.ts';
import { deleteOlderThan } from '../../../platform/retention/statements.ts';

// Busy-slot tombstones (inactive rows of ended reservations) guard against a late or redelivered event
// bringing an ended reservation back. Redeliveries stop at the inbox horizon, so a tombstone older than
// RETENTION_BUSY_SLOT_TOMBSTONES (longer than that horizon) guards nothing and is deleted. Active slots stay.

export const caregiversRetentionRules: readonly RetentionRule[] = [
  {
    table: 'caregivers.busy_slots',
    policy: 'busySlotTombstones',
    action: 'delete',
    ...deleteOlderThan('caregivers.busy_slots', 'reservation_id', 'updated_at', 'NOT active'),
  },
];
