import { sql } from 'kysely';
import { affected, deleteOlderThan, firstDate } from './statements.ts';
import type { RetentionRule } from './retention.ts';

// The platform's own records: event plumbing, idempotency replays, the audit log. Each DELETE picks its
// batch by key in a sub-select (ordered by an index, `FOR UPDATE SKIP LOCKED` so it never waits on a row
// someone holds), so one statement touches at most `limit` rows and holds their locks for milliseconds.

export const platformRetentionRules: readonly RetentionRule[] = [
  {
    // Only published rows: an unpublished row waits for the relay however old it is.
    table: 'platform.outbox',
    policy: 'outboxPublished',
    action: 'delete',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`DELETE FROM platform.outbox WHERE seq IN (
              SELECT seq FROM platform.outbox
               WHERE published_at IS NOT NULL AND published_at < ${cutoff}
               ORDER BY seq LIMIT ${limit} FOR UPDATE SKIP LOCKED)
            RETURNING 1`,
      ),
    // Rows are published in seq order, so the first published row is the oldest (one index probe).
    oldest: (db) =>
      firstDate(db, sql<{ at: Date | null }>`SELECT published_at AS at FROM platform.outbox WHERE published_at IS NOT NULL ORDER BY seq LIMIT 1`),
  },
  {
    // An inbox row exists only once its event was handled (it commits with the handler's writes), so every
    // row is a handled one; past the horizon a redelivery is no longer expected.
    table: 'platform.inbox',
    policy: 'inboxHandled',
    action: 'delete',
    ...deleteOlderThan('platform.inbox', 'consumer, event_id', 'handled_at'),
  },
  {
    table: 'platform.idempotency_keys',
    policy: 'idempotencyKeys',
    action: 'delete',
    ...deleteOlderThan('platform.idempotency_keys', 'scope, key', 'created_at'),
  },
  {
    table: 'platform.dead_letters',
    policy: 'deadLetters',
    action: 'delete',
    ...deleteOlderThan('platform.dead_letters', 'id', 'failed_at'),
  },
  {
    table: 'platform.audit_log',
    policy: 'auditLog',
    action: 'delete',
    ...deleteOlderThan('platform.audit_log', 'id', 'at'),
  },
];
