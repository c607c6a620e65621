import type { RetentionRule } from '../../../platform/retention/retention.ts';
import { deleteOlderThan } from '../../../platform/retention/statements.ts';

// Notifications are a feed, not a record: read ones go RETENTION_READ_NOTIFICATIONS after they were read,
// unread ones RETENTION_UNREAD_NOTIFICATIONS after they were made; Slack deliveries that ended (sent,
// failed, skipped) after RETENTION_SLACK_DELIVERIES. A PENDING delivery stays whatever its age.

export const notificationsRetentionRules: readonly RetentionRule[] = [
  {
    table: 'notifications.notifications (read)',
    policy: 'readNotifications',
    action: 'delete',
    ...deleteOlderThan('notifications.notifications', 'id', 'read_at', 'read_at IS NOT NULL'),
  },
  {
    table: 'notifications.notifications (unread)',
    policy: 'unreadNotifications',
    action: 'delete',
    ...deleteOlderThan('notifications.notifications', 'id', 'created_at', 'read_at IS NULL'),
  },
  {
    table: 'notifications.slack_deliveries',
    policy: 'slackDeliveries',
    action: 'delete',
    ...deleteOlderThan('notifications.slack_deliveries', 'id', 'updated_at', "status <> 'PENDING'"),
  },
];
