import type { NotificationRow } from '../db/notifications.repo.ts';
import { renderNotification } from '../domain/templates.ts';
import type { NotificationView } from './schemas.ts';

export type { NotificationView };

export function notificationView(row: NotificationRow, preferredLanguage: string | undefined): NotificationView {
  const text = renderNotification(row.type, row.data, preferredLanguage);
  return {
    id: row.id,
    type: row.type,
    title: text.title,
    body: text.body,
    data: row.data,
    readAt: row.read_at ? row.read_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}
