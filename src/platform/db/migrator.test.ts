import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { migrate, PLATFORM_MIGRATIONS } from './migrator.ts';

describe.each(databaseKinds())('migrations on %s', (kind) => {
  it("the platform's are applied by the template, and applying again changes nothing", async () => {
    const database = await openTestDatabase(kind);
    try {
      expect(await migrate(database, [PLATFORM_MIGRATIONS])).toEqual([]);
      const rows = await sql<{ module: string }>`SELECT module FROM platform.schema_migrations`.execute(database.db);
      expect(rows.rows.map((r) => r.module)).toContain('platform');
    } finally {
      await database.close();
    }
  });

  it('rolls back a failing migration whole', async () => {
    const database = await openTestDatabase(kind);
    try {
      await expect(
        database.applyMigration('scratch', '0001-broken', 'CREATE TABLE platform.half (id int); SELECT no_such_fn();'),
      ).rejects.toThrow();
      const table = await sql`SELECT to_regclass('platform.half') AS t`.execute(database.db);
      expect((table.rows[0] as { t: unknown }).t).toBeNull();
      expect(await database.applyMigration('scratch', '0001-ok', 'CREATE TABLE platform.half (id int);')).toBe(true);
    } finally {
      await database.close();
    }
  });
});
