import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { dueFirst, newestFirst, typed } from '../../../platform/db/repository.ts';
import type { PageRequest } from '../../../platform/paging.ts';
import type { NotificationType } from '../contract.ts';
import type { NotificationData } from '../domain/templates.ts';

// The only place the notifications module talks SQL (db/migrations/0001-notifications.sql).

type Json<T> = ColumnType<T, string, string>;

interface NotificationsTable {
  id: string;
  user_id: string;
  type: NotificationType;
  data: Json<NotificationData>;
  event_id: string;
  read_at: Date | null;
  pushed_at: Date | null;
  created_at: Date;
}

export type SlackStatus = 'PENDING' | 'SENT' | 'FAILED' | 'SKIPPED';

interface SlackDeliveriesTable {
  id: string;
  notification_id: string;
  user_id: string;
  status: SlackStatus;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface Tables {
  'notifications.notifications': NotificationsTable;
  'notifications.slack_deliveries': SlackDeliveriesTable;
}

const q = typed<Tables>;

export type NotificationRow = Selectable<NotificationsTable>;
export type SlackDeliveryRow = Selectable<SlackDeliveriesTable>;

export interface NewNotification {
  readonly id: string;
  readonly userId: string;
  readonly type: NotificationType;
  readonly data: NotificationData;
  readonly eventId: string;
  readonly createdAt: Date;
}

/** Inserts the rows not yet there for (event, recipient); returns the ones inserted. */
export async function insertNotifications(tx: Executor, rows: readonly NewNotification[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return q(tx)
    .insertInto('notifications.notifications')
    .values(rows.map((r) => ({ id: r.id, user_id: r.userId, type: r.type, data: JSON.stringify(r.data), event_id: r.eventId, created_at: r.createdAt })))
    .onConflict((c) => c.constraint('notifications_event_recipient').doNothing())
    .returningAll()
    .execute();
}

export async function insertSlackDeliveries(
  tx: Executor,
  rows: readonly { id: string; notificationId: string; userId: string }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await q(tx)
    .insertInto('notifications.slack_deliveries')
    .values(rows.map((r) => ({ id: r.id, notification_id: r.notificationId, user_id: r.userId, status: 'PENDING' as const, next_attempt_at: now, created_at: now, updated_at: now })))
    .onConflict((c) => c.column('notification_id').doNothing())
    .execute();
}

/** A user's notifications (only unread ones if asked), newest first, a page (newestFirst). */
export function listForUser(db: Executor, userId: string, filter: { unreadOnly: boolean }, page: PageRequest): Promise<NotificationRow[]> {
  let query = q(db).selectFrom('notifications.notifications').selectAll().where('user_id', '=', userId);
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  return newestFirst(query, page).execute();
}

export function markRead(db: Executor, userId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
  return q(db)
    .updateTable('notifications.notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, ${at})` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function markAllRead(db: Executor, userId: string, at: Date): Promise<number> {
  const result = await q(db)
    .updateTable('notifications.notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Claims notifications whose real-time frame has not gone out, marking them pushed (one replica each). One
 * statement (no transaction needed): the rows are locked, skipped by other replicas and marked together.
 */
export async function claimUnpushed(db: Executor, now: Date, limit: number): Promise<NotificationRow[]> {
  const rows = await q(db)
    .updateTable('notifications.notifications')
    .set({ pushed_at: now })
    .where('id', 'in', (eb) =>
      eb.selectFrom('notifications.notifications').select('id').where('pushed_at', 'is', null).orderBy('created_at').limit(limit).forUpdate().skipLocked(),
    )
    .returningAll()
    .execute();
  // RETURNING follows no order: oldest first, as claimed.
  return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
}

export interface ClaimedDelivery {
  readonly delivery: SlackDeliveryRow;
  readonly notification: NotificationRow;
}

/** Claims due Slack deliveries: counts the attempt and leases the row until `leaseUntil` (crash-safe). */
export async function claimDueSlack(tx: Executor, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
  const due = await dueFirst(
    q(tx)
      .selectFrom('notifications.slack_deliveries')
      .selectAll()
      .where('status', '=', 'PENDING'),
    now,
    limit,
  ).execute();
  if (due.length === 0) return [];
  const claimed = await q(tx)
    .updateTable('notifications.slack_deliveries')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil, updated_at: now }))
    .where('id', 'in', due.map((d) => d.id))
    .returningAll()
    .execute();
  const notifications = await q(tx)
    .selectFrom('notifications.notifications')
    .selectAll()
    .where('id', 'in', claimed.map((d) => d.notification_id))
    .execute();
  const byId = new Map(notifications.map((n) => [n.id, n]));
  return claimed.flatMap((delivery) => {
    const notification = byId.get(delivery.notification_id);
    return notification ? [{ delivery, notification }] : [];
  });
}

export async function recordSlackResult(
  db: Executor,
  id: string,
  result: { status: 'SENT' | 'SKIPPED' | 'FAILED'; error?: string } | { status: 'PENDING'; retryAt: Date; error: string },
  now: Date,
): Promise<void> {
  await q(db)
    .updateTable('notifications.slack_deliveries')
    .set({
      status: result.status,
      updated_at: now,
      ...(result.status === 'SENT' ? { sent_at: now, last_error: null } : {}),
      ...(result.status === 'PENDING' ? { next_attempt_at: result.retryAt } : {}),
      ...('error' in result && result.error !== undefined ? { last_error: result.error.slice(0, 500) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export function slackDeliveriesOf(db: Executor, userId: string): Promise<SlackDeliveryRow[]> {
  return q(db).selectFrom('notifications.slack_deliveries').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}

/** A withdrawn user's notifications and undelivered DMs go (API.md: withdrawal drops what modules keep). */
/** When `userId` last got a CHAT_MESSAGE notification for `roomId` (batching), if ever. */
export async function lastChatNotification(db: Executor, userId: string, roomId: string): Promise<Date | undefined> {
  const row = await q(db)
    .selectFrom('notifications.notifications')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('user_id', '=', userId)
    .where('type', '=', 'CHAT_MESSAGE')
    .where(sql<boolean>`data->>'roomId' = ${roomId}`)
    .executeTakeFirst();
  return row?.at ?? undefined;
}

export async function deleteForUser(tx: Executor, userId: string): Promise<void> {
  await q(tx).deleteFrom('notifications.slack_deliveries').where('user_id', '=', userId).execute();
  await q(tx).deleteFrom('notifications.notifications').where('user_id', '=', userId).execute();
}
