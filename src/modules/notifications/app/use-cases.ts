import { inTransaction } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/uuid.ts';
import { pageRequest, toCreatedAtPage, type Page } from '../../../platform/paging.ts';
import { listForUser, markAllRead, markRead } from '../db/notifications.repo.ts';
import type { NotificationsDeps } from './deps.ts';
import { lookUpNames, namedIds, notificationView, type NotificationView } from './view.ts';

// The reader's use cases: list (newest first, cursor), read one, read all. Someone else's id is 404.


/** `lang`: the language the reader is looking at (the UI's), over the account's preferredLanguage. */
export interface NotificationsUseCases {
  list(userId: string, query: { unread?: boolean; limit?: number; cursor?: string; lang?: string }): Promise<Page<NotificationView>>;
  markRead(userId: string, id: string, lang?: string): Promise<NotificationView>;
  markAllRead(userId: string): Promise<{ updated: number }>;
}

export function makeNotificationsUseCases(deps: Pick<NotificationsDeps, 'platform' | 'identity'>): NotificationsUseCases {
  const { platform, identity } = deps;
  const db = platform.database.db;
  const languageOf = async (userId: string, lang: string | undefined) => lang ?? (await identity.findUsers([userId]))[0]?.preferredLanguage;

  return {
    async list(userId, query) {
      const page = pageRequest({ limit: query.limit, cursor: query.cursor || undefined });
      const [rows, language] = await Promise.all([listForUser(db, userId, { unreadOnly: query.unread === true }, page), languageOf(userId, query.lang)]);
      const nameOf = await lookUpNames(identity, namedIds(rows));
      return toCreatedAtPage(rows, page.limit, (row) => notificationView(row, language, nameOf));
    },
    async markRead(userId, id, lang) {
      if (!isUuid(id)) throw notFound('Notification', 'NOTIFICATION_NOT_FOUND');
      const row = await inTransaction(db, (tx) => markRead(tx, userId, id, platform.clock.now()));
      if (!row) throw notFound('Notification', 'NOTIFICATION_NOT_FOUND');
      const [language, nameOf] = await Promise.all([languageOf(userId, lang), lookUpNames(identity, namedIds([row]))]);
      return notificationView(row, language, nameOf);
    },
    async markAllRead(userId) {
      return { updated: await inTransaction(db, (tx) => markAllRead(tx, userId, platform.clock.now())) };
    },
  };
}
