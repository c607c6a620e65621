import type { IdentityApi, UserSummary } from '../../identity/contract.ts';
import type { NotificationRow } from '../db/notifications.repo.ts';
import { renderNotification, type NotificationData } from '../domain/templates.ts';
import type { NotificationView } from './schemas.ts';

export type { NotificationView };

/** A user's display name by id (undefined when unknown or withdrawn). */
export type NameOf = (userId: string) => string | undefined;

/** The ids whose names the texts of these rows need: the guardian of a caregiver's reservation notification. */
export function namedIds(rows: ReadonlyArray<Pick<NotificationRow, 'data'>>): string[] {
  return rows.map((row) => row.data.guardianId).filter((id): id is string => typeof id === 'string' && id !== '');
}

/** The stored data plus the names its text needs, resolved now (so a withdrawn guardian's name is never shown). */
export function textData(data: NotificationData, nameOf: NameOf): NotificationData {
  const guardianId = data.guardianId;
  return typeof guardianId === 'string' ? { ...data, guardianName: nameOf(guardianId) ?? '' } : data;
}

/** Names of `ids` from identity, one call; withdrawn accounts are left out. */
export async function lookUpNames(identity: Pick<IdentityApi, 'findUsers'>, ids: readonly string[]): Promise<NameOf> {
  const unique = [...new Set(ids)];
  return namesOf(unique.length === 0 ? [] : await identity.findUsers(unique));
}

/** Names from users already looked up; withdrawn accounts are left out. */
export function namesOf(users: readonly Pick<UserSummary, 'id' | 'name' | 'status'>[]): NameOf {
  const names = new Map(users.filter((u) => u.status !== 'WITHDRAWN').map((u) => [u.id, u.name]));
  return (id) => names.get(id);
}

export function notificationView(row: NotificationRow, preferredLanguage: string | undefined, nameOf: NameOf = () => undefined): NotificationView {
  const text = renderNotification(row.type, textData(row.data, nameOf), preferredLanguage);
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
