import type { Executor } from '../../../platform/db/database.ts';
import type { SandboxStore } from '../providers/sandbox.ts';
import { q } from './tables.ts';

/**
 * The sandbox provider's state in a table, so an embedded install can still confirm and refund its
 * sandbox payments after a restart. Each call is its own statement: the sandbox is a provider, and the
 * module never calls a provider inside one of its transactions.
 */
export function createDatabaseSandboxStore(db: Executor): SandboxStore {
  return {
    async get(key) {
      const row = await q(db).selectFrom('payments.sandbox_entries').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value;
    },
    async set(key, value) {
      await q(db)
        .insertInto('payments.sandbox_entries')
        .values({ key, value, updated_at: new Date() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() }))
        .execute();
    },
  };
}
