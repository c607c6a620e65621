import { useCallback, useEffect, useState } from 'react';
import { api, call } from '../api/client.ts';
import { useLiveFrames } from '../api/live.ts';
import type { Notification, Role } from '../api/types.ts';
import { useSession } from '../auth/session-provider.tsx';
import { common } from '../i18n/common.ts';
import { defineMessages, useFormat, useLocale, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView, ErrorNotice } from '../ui/feedback.tsx';
import { Page } from '../ui/page.tsx';
import { useAction, useAsync } from '../ui/use-async.ts';

const messages = defineMessages(
  { title: '알림', unread: '읽지 않음', markRead: '읽음으로 표시', markAllRead: '모두 읽음', empty: '새 알림이 없습니다.', more: '이전 알림 더 보기' },
  { title: 'Notifications', unread: 'Unread', markRead: 'Mark as read', markAllRead: 'Mark all as read', empty: 'No notifications yet.', more: 'Show older' },
);

/** Unread notifications, counted from the list (up to 100) and kept current by `notification` frames. */
export function useUnreadCount(enabled: boolean): number {
  const [count, setCount] = useState(0);
  const load = useCallback(async () => {
    if (!enabled) return setCount(0);
    try {
      const page = await call(api.GET('/api/v1/notifications', { params: { query: { unread: true, limit: 100 } } }));
      setCount(page.items.length);
    } catch {
      // keep the last count; the bell is not worth an error
    }
  }, [enabled]);
  useEffect(() => {
    void load();
    window.addEventListener('carenest:notifications-read', load);
    return () => window.removeEventListener('carenest:notifications-read', load);
  }, [load]);
  useLiveFrames((frame) => {
    if (frame.type === 'notification') setCount((n) => n + 1);
    if (frame.type === 'auth.ok') void load();
  });
  return count;
}

function announceRead(): void {
  window.dispatchEvent(new Event('carenest:notifications-read'));
}

/** Where a notification leads: its reservation in the reader's own area, when it has one. */
export function linkOf(notification: Notification, role: Role | undefined): string | undefined {
  const id = (notification.data as Record<string, unknown> | undefined)?.reservationId;
  if (typeof id !== 'string') return undefined;
  const area = role === 'CAREGIVER' ? '/caregiver/reservations' : role === 'ADMIN' ? '/admin/reservations' : '/reservations';
  return `${area}/${encodeURIComponent(id)}`;
}

export function NotificationsPage() {
  const m = useMessages(messages);
  const c = useMessages(common);
  const f = useFormat();
  const { user } = useSession();
  const [items, setItems] = useState<Notification[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  // Texts in the language on screen (`lang`), whatever the account's preferredLanguage says.
  const { locale } = useLocale();
  const state = useAsync(async () => {
    const page = await call(api.GET('/api/v1/notifications', { params: { query: { limit: 20, lang: locale } } }));
    setItems(page.items);
    setCursor(page.nextCursor);
    return page;
  }, [locale]);
  useLiveFrames((frame) => {
    if (frame.type !== 'notification') return;
    setItems((list) => [frame.notification as Notification, ...list.filter((n) => n.id !== frame.notification.id)]);
    // A frame is written in the account's language: fetch the newest again in the one on screen.
    void call(api.GET('/api/v1/notifications', { params: { query: { limit: 20, lang: locale } } })).then(
      (page) => setItems((list) => [...page.items, ...list.filter((n) => !page.items.some((p) => p.id === n.id))]),
      () => {},
    );
  });
  const more = useAction(async () => {
    if (!cursor) return;
    const page = await call(api.GET('/api/v1/notifications', { params: { query: { limit: 20, cursor, lang: locale } } }));
    setItems((list) => [...list, ...page.items]);
    setCursor(page.nextCursor);
  });
  const markRead = useAction(async (id: string) => {
    await call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id }, query: { lang: locale } } }));
    setItems((list) => list.map((n) => (n.id === id ? { ...n, readAt: new Date().toISOString() } : n)));
    announceRead();
  });
  const markAll = useAction(async () => {
    await call(api.POST('/api/v1/notifications/read-all'));
    setItems((list) => list.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })));
    announceRead();
  });
  const hasUnread = items.some((n) => !n.readAt);
  return (
    <Page
      title={m.title}
      actions={
        hasUnread && (
          <button type="button" className="btn btn-secondary" onClick={() => void markAll.run()} disabled={markAll.pending}>
            {m.markAllRead}
          </button>
        )
      }
    >
      <ErrorNotice problem={markRead.problem ?? markAll.problem ?? more.problem} />
      <AsyncView state={state} isEmpty={() => items.length === 0} empty={m.empty}>
        {() => (
          <>
            <ul className="list notification-list">
              {items.map((n) => {
                const link = linkOf(n, user?.role);
                return (
                  <li key={n.id} className={n.readAt ? 'card notification' : 'card notification unread'}>
                    <div>
                      <p className="notification-title">
                        {!n.readAt && <span className="dot" role="img" aria-label={m.unread} />} {link ? <Link to={link}>{n.title}</Link> : n.title}
                      </p>
                      <p>{n.body}</p>
                      <p className="muted">
                        <time dateTime={n.createdAt}>{f.dateTime(n.createdAt)}</time>
                      </p>
                    </div>
                    {!n.readAt && (
                      <button type="button" className="btn btn-link" onClick={() => void markRead.run(n.id)}>
                        {m.markRead}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
            {cursor && (
              <button type="button" className="btn btn-secondary" onClick={() => void more.run()} disabled={more.pending}>
                {more.pending ? c.states.loading : m.more}
              </button>
            )}
          </>
        )}
      </AsyncView>
    </Page>
  );
}
