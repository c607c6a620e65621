import type { UserRow } from '../db/identity.repo.ts';
import type { AdminUserView, UserView } from './schemas.ts';

export type { AdminUserView, UserView };

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    role: row.role,
    preferredLanguage: row.preferred_language,
    slackUserId: row.slack_user_id,
  };
}

export function toAdminUserView(row: UserRow): AdminUserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    role: row.role,
    status: row.status,
    preferredLanguage: row.preferred_language,
    createdAt: row.created_at.toISOString(),
    suspendedAt: row.suspended_at?.toISOString() ?? null,
    suspensionReason: row.suspension_reason,
  };
}
