import { sql } from 'kysely';
import type { RetentionRule } from '../../../platform/retention/retention.ts';
import { affected, firstDate } from '../../../platform/retention/statements.ts';

// Notifications are a feed, not a record: read ones go RETENTION_READ_NOTIFICATIONS after they were read,
// unread ones RETENTION_UNREAD_NOTIFICATIONS after they were made; Slack deliveries that ended (sent,
// failed, skipped) after RETENTION_SLACK_DELIVERIES. A PENDING delivery stays whatever its age.

export const notificationsRetentionRules: readonly RetentionRule[] = [
  {
    table: 'notifications.notifications (read)',
    policy: 'readNotifications',
    action: 'delete',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`DELETE FROM notifications.notifications WHERE id IN (
              SELECT id FROM notifications.notifications
               WHERE read_at IS NOT NULL AND read_at < ${cutoff}
               ORDER BY read_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
            RETURNING 1`,
      ),
    oldest: (db) => firstDate(db, sql<{ at: Date | null }>`SELECT min(read_at) AS at FROM notifications.notifications WHERE read_at IS NOT NULL`),
  },
  {
    table: 'notifications.notifications (unread)',
    policy: 'unreadNotifications',
    action: 'delete',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`DELETE FROM notifications.notifications WHERE id IN (
              SELECT id FROM notifications.notifications
               WHERE read_at IS NULL AND created_at < ${cutoff}
               ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
              AND read_at IS NULL
            RETURNING 1`,
      ),
    oldest: (db) => firstDate(db, sql<{ at: Date | null }>`SELECT min(created_at) AS at FROM notifications.notifications WHERE read_at IS NULL`),
  },
  {
    table: 'notifications.slack_deliveries',
    policy: 'slackDeliveries',
    action: 'delete',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`DELETE FROM notifications.slack_deliveries WHERE id IN (
              SELECT id FROM notifications.slack_deliveries
               WHERE status <> 'PENDING' AND updated_at < ${cutoff}
               ORDER BY updated_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
            RETURNING 1`,
      ),
    oldest: (db) => firstDate(db, sql<{ at: Date | null }>`SELECT min(updated_at) AS at FROM notifications.slack_deliveries WHERE status <> 'PENDING'`),
  },
];
