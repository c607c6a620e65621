import type { UserRow } from '../db/identity.repo.ts';
import type { UserView } from './schemas.ts';

export type { UserView };

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
