import type { UserRow } from '../db/identity.repo.ts';

// The shape of /users/me: never the password hash, status or token bookkeeping.
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly phone: string | null;
  readonly role: UserRow['role'];
  readonly preferredLanguage: string;
  readonly slackUserId: string | null;
}

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
