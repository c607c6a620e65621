import type { NotificationType } from '../contract.ts';
import type { NotificationRow } from '../db/notifications.repo.ts';
import { renderNotification } from '../domain/templates.ts';

// The API shape of a notification (API.md): {id, type, title, body, data, readAt, createdAt}.
export interface NotificationView {
  readonly id: string;
  readonly type: NotificationType;
  readonly title: string;
  readonly body: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly readAt: string | null;
  readonly createdAt: string;
}

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
