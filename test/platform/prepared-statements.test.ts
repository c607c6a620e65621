import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PINNED_STATEMENTS, PREPARED_STATEMENTS } from '../../src/platform/db/database.ts';
import { databaseKinds, openTestDatabase } from '../support/database.ts';

// Database.prepared (the caregiver search's hot statement, the booking, a profile by id): same rows as the unnamed
// query; on PostgreSQL the statement stays prepared on the connection, and a process prepares at most
// PREPARED_STATEMENTS texts, plus PINNED_STATEMENTS fixed texts that the others cannot crowd out.
describe.each(databaseKinds())('prepared statements on %s', (kind) => {
  it('answers what the same query answers unprepared', async () => {
    const database = await openTestDatabase(kind);
    try {
      const query = sql<{ n: number; s: string }>`SELECT ${sql.lit(2)}::int + ${3}::int AS n, ${"it's"}::text AS s`.compile(database.db);
      expect(await database.prepared(query)).toEqual((await database.db.executeQuery(query)).rows);
      expect(await database.prepared(query)).toEqual([{ n: 5, s: "it's" }]);
    } finally {
      await database.close();
    }
  });

  // Connections and their prepared statements exist on PostgreSQL only (PGlite runs the text as a query).
  if (kind === 'postgres') it('keeps each text prepared on the connection, up to the limit', async () => {
    const database = await openTestDatabase(kind);
    try {
      // Calls one after another reuse the pool's one idle connection.
      for (let i = 0; i <= PREPARED_STATEMENTS; i++) await database.prepared(sql`SELECT ${sql.lit(i)}::int AS n, ${i}::int AS m`.compile(database.db));
      const kept = await database.prepared(sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.compile(database.db));
      expect(kept).toHaveLength(PREPARED_STATEMENTS);
      expect(kept.map((row) => row.statement)).toContain('SELECT 0::int AS n, $1::int AS m');
      expect(kept.map((row) => row.statement)).not.toContain(`SELECT ${PREPARED_STATEMENTS}::int AS n, $1::int AS m`);
    } finally {
      await database.close();
    }
  });

  if (kind === 'postgres') it('prepares pinned texts even when the other texts used up their budget, up to their own limit', async () => {
    const database = await openTestDatabase(kind);
    try {
      for (let i = 0; i < PREPARED_STATEMENTS; i++) await database.prepared(sql`SELECT ${sql.lit(i)}::int AS n, ${i}::int AS m`.compile(database.db));
      for (let i = 0; i <= PINNED_STATEMENTS; i++) {
        const rows = await database.prepared(sql<{ p: number }>`SELECT ${sql.lit(i)}::int + ${1}::int AS p`.compile(database.db), { pinned: true });
        expect(rows).toEqual([{ p: i + 1 }]);
      }
      const kept = await database.prepared(sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.compile(database.db));
      expect(kept).toHaveLength(PREPARED_STATEMENTS + PINNED_STATEMENTS);
      expect(kept.map((row) => row.statement)).toContain('SELECT 0::int + $1::int AS p');
      expect(kept.map((row) => row.statement)).not.toContain(`SELECT ${PINNED_STATEMENTS}::int + $1::int AS p`);
    } finally {
      await database.close();
    }
  });

  // A booking that loses a race fails with 23P01 by design: that must not cost the pooled connection (pool.query
  // closes it after any failed query) nor the statements prepared on it.
  if (kind === 'postgres') it('keeps the connection and its prepared statements after a statement fails in PostgreSQL', async () => {
    const database = await openTestDatabase(kind);
    try {
      const backend = sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.compile(database.db);
      const [before] = await database.prepared(backend);
      const failing = sql`SELECT 1 / ${0}::int AS n`.compile(database.db);
      await expect(database.prepared(failing, { pinned: true })).rejects.toMatchObject({ code: '22012' });
      await expect(database.prepared(failing, { pinned: true })).rejects.toMatchObject({ code: '22012' });
      expect(await database.prepared(backend)).toEqual([before]);
      const kept = await database.prepared(sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.compile(database.db));
      expect(kept.map((row) => row.statement)).toContain('SELECT 1 / $1::int AS n');
    } finally {
      await database.close();
    }
  });
});
