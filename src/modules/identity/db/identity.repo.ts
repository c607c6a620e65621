import type { Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { typed } from '../../../platform/db/repository.ts';
import type { Role, UserStatus } from '../contract.ts';

// The only place identity talks SQL.

interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  name: string;
  phone: string | null;
  role: Role;
  preferred_language: string;
  slack_user_id: string | null;
  status: UserStatus;
  tokens_valid_after: Date | null;
  created_at: Date;
  updated_at: Date;
  withdrawn_at: Date | null;
  suspended_at: Date | null;
  suspension_reason: string | null;
}

interface RefreshTokensTable {
  id: string;
  family_id: string;
  user_id: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

interface RevocationsTable {
  kind: 'token' | 'session';
  id: string;
  expires_at: Date;
}

export interface IdentityTables {
  'identity.users': UsersTable;
  'identity.refresh_tokens': RefreshTokensTable;
  'identity.revocations': RevocationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;

const q = typed<IdentityTables>;

export async function insertUser(db: Executor, user: UserRow): Promise<'inserted' | 'email-taken'> {
  const result = await q(db)
    .insertInto('identity.users')
    .values(user)
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? 'inserted' : 'email-taken';
}

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return q(db).selectFrom('identity.users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return q(db).selectFrom('identity.users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUsersByIds(db: Executor, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return q(db).selectFrom('identity.users').selectAll().where('id', 'in', ids).execute();
}

export type UserChanges = Partial<
  Pick<UserRow, 'name' | 'phone' | 'preferred_language' | 'slack_user_id' | 'email' | 'password_hash' | 'status' | 'tokens_valid_after' | 'withdrawn_at' | 'suspended_at' | 'suspension_reason'>
>;

export async function updateUser(db: Executor, id: string, changes: UserChanges, at: Date): Promise<UserRow | undefined> {
  return q(db)
    .updateTable('identity.users')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function insertRefreshToken(db: Executor, token: RefreshTokenRow): Promise<void> {
  await q(db).insertInto('identity.refresh_tokens').values(token).execute();
}

export function findRefreshTokenByHash(db: Executor, hash: string): Promise<RefreshTokenRow | undefined> {
  return q(db).selectFrom('identity.refresh_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

/** Marks the token used unless someone else already did; false means it was already used (a race or a replay). */
export async function useRefreshToken(db: Executor, id: string, at: Date): Promise<boolean> {
  const result = await q(db)
    .updateTable('identity.refresh_tokens')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeFamily(db: Executor, familyId: string, at: Date): Promise<void> {
  await q(db)
    .updateTable('identity.refresh_tokens')
    .set({ revoked_at: at })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeAllOfUser(db: Executor, userId: string, at: Date): Promise<void> {
  await q(db)
    .updateTable('identity.refresh_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await q(db).selectFrom('identity.users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** ACTIVE accounts per role (roles without any are absent). */
export async function countActiveUsersByRole(db: Executor): Promise<{ role: Role; count: number }[]> {
  const rows = await q(db)
    .selectFrom('identity.users')
    .select(['role', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('status', '=', 'ACTIVE')
    .groupBy('role')
    .execute();
  return rows.map((row) => ({ role: row.role, count: Number(row.count) }));
}
