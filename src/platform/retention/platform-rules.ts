import { sql } from 'kysely';
import { affected, firstDate } from './statements.ts';
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
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`DELETE FROM platform.inbox WHERE (consumer, event_id) IN (
              SELECT consumer, event_id FROM platform.inbox
               WHERE handled_at < ${cutoff}
               ORDER BY handled_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
            RETURNING 1`,
      ),
    oldest: (db) => firstDate(db, sql<{ at: Date | null }>`SELECT min(handled_at) AS at FROM platform.inbox`),
  },
  {
    table: 'platform.idempotency_keys',
    policy: 'idempotencyKeys',
    action: 'delete',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`DELETE FROM platform.idempotency_keys WHERE (scope, key) IN (
              SELECT scope, key FROM platform.idempotency_keys
               WHERE created_at < ${cutoff}
               ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
            RETURNING 1`,
      ),
    oldest: (db) => firstDate(db, sql<{ at: Date | null }>`SELECT min(created_at) AS at FROM platform.idempotency_keys`),
  },
  {
    table: 'platform.dead_letters',
    policy: 'deadLetters',
    action: 'delete',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`DELETE FROM platform.dead_letters WHERE id IN (
              SELECT id FROM platform.dead_letters
               WHERE failed_at < ${cutoff}
               ORDER BY failed_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
            RETURNING 1`,
      ),
    oldest: (db) => firstDate(db, sql<{ at: Date | null }>`SELECT min(failed_at) AS at FROM platform.dead_letters`),
  },
  {
    table: 'platform.audit_log',
    policy: 'auditLog',
    action: 'delete',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`DELETE FROM platform.audit_log WHERE id IN (
              SELECT id FROM platform.audit_log
               WHERE at < ${cutoff}
               ORDER BY at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
            RETURNING 1`,
      ),
    oldest: (db) => firstDate(db, sql<{ at: Date | null }>`SELECT min(at) AS at FROM platform.audit_log`),
  },
];
