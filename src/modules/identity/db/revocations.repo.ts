import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { typed } from '../../../platform/db/repository.ts';
import type { RevocationKind } from '../domain/revocation.ts';
import type { IdentityTables } from './identity.repo.ts';

// Identity's SQL for revocations: the denylist of sessions and tokens, and the per-user state the verifier checks.

const q = typed<IdentityTables>;

/** Denies (kind, id) until `expiresAt`; a second revocation keeps the later expiry. */
export async function insertRevocation(db: Executor, kind: RevocationKind, id: string, expiresAt: Date): Promise<void> {
  await q(db)
    .insertInto('identity.revocations')
    .values({ kind, id, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet({ expires_at: sql<Date>`greatest(identity.revocations.expires_at, excluded.expires_at)` }))
    .execute();
}

/** When the denial of (kind, id) ends, if there is one. */
export async function findRevocation(db: Executor, kind: RevocationKind, id: string): Promise<Date | undefined> {
  const row = await q(db).selectFrom('identity.revocations').select('expires_at').where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
  return row?.expires_at;
}

/** What the verifier needs of a user: is the account usable, and from when are its tokens valid. */
export function findUserAuthState(db: Executor, userId: string) {
  return q(db).selectFrom('identity.users').select(['status', 'tokens_valid_after']).where('id', '=', userId).executeTakeFirst();
}
