import { expect } from 'vitest';
import type { TestApp, TestUser } from '../support/app.ts';
import { eventually } from '../payments/support.ts';

// Shared by the notifications tests.

export interface NotificationJson {
  id: string;
  type: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}

export async function setSlackId(t: TestApp, user: TestUser, slackUserId: string): Promise<void> {
  const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/users/me', headers: user.auth, payload: { slackUserId } });
  if (res.statusCode !== 200) throw new Error(`set slack id: ${res.statusCode} ${res.body}`);
}

export async function notificationsOf(t: TestApp, user: TestUser, query = ''): Promise<{ items: NotificationJson[]; nextCursor: string | null }> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/notifications${query}`, headers: user.auth });
  if (res.statusCode !== 200) throw new Error(`list notifications: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Waits until `user` has a notification of each of `types` (events are asynchronous). */
export async function waitForTypes(t: TestApp, user: TestUser, types: readonly string[]): Promise<NotificationJson[]> {
  return eventually(async () => {
    await t.settle();
    const { items } = await notificationsOf(t, user, '?limit=100');
    expect(items.map((n) => n.type)).toEqual(expect.arrayContaining([...types]));
    return items;
  });
}

export function slackDeliveries(t: TestApp, userId: string) {
  return t.platform.database.db
    .selectFrom('notifications.slack_deliveries')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute() as Promise<{ id: string; notification_id: string; status: string; attempts: number; next_attempt_at: Date; last_error: string | null }[]>;
}
