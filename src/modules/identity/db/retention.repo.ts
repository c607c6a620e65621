import { sql } from 'kysely';
import type { RetentionRule } from '../../../platform/retention/retention.ts';
import { affected, deleteOlderThan, firstDate } from '../../../platform/retention/statements.ts';

// Identity's retention (docs/data-retention.md): expired refresh tokens, and expired entries of the
// access-token revocation list once that table exists, are deleted a day after they expired.

export const identityRetentionRules: readonly RetentionRule[] = [
  {
    table: 'identity.refresh_tokens',
    policy: 'expiredTokens',
    action: 'delete',
    ...deleteOlderThan('identity.refresh_tokens', 'id', 'expires_at'),
  },
  {
    // identity.revocations(kind, id, expires_at): an entry matters only until the token it names expires.
    table: 'identity.revocations',
    policy: 'expiredTokens',
    action: 'delete',
    prune: async (db, cutoff, limit) =>
      (await revocationsExist(db))
        ? affected(
            db,
            sql`DELETE FROM identity.revocations WHERE ctid = ANY (ARRAY(
                  SELECT ctid FROM identity.revocations
                   WHERE expires_at < ${cutoff}
                   LIMIT ${limit} FOR UPDATE SKIP LOCKED))
                RETURNING 1`,
          )
        : 0,
    oldest: async (db) =>
      (await revocationsExist(db)) ? firstDate(db, sql<{ at: Date | null }>`SELECT min(expires_at) AS at FROM identity.revocations`) : undefined,
  },
];

async function revocationsExist(db: Parameters<RetentionRule['prune']>[0]): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`SELECT to_regclass('identity.revocations') IS NOT NULL AS present`.execute(db);
  return rows[0]?.present ?? false;
}
