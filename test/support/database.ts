import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/database.ts';

// A fresh, migrated database per test file, cheap to make: PGlite loads the data dir that the global
// setup migrated once; PostgreSQL copies the template database the global setup migrated once.

export type TestDatabaseKind = 'pglite' | 'postgres';

/** The kinds to run database suites on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function databaseKinds(): TestDatabaseKind[] {
  return process.env.CARENEST_TEST_PG_TEMPLATE ? ['pglite', 'postgres'] : ['pglite'];
}

export async function openTestDatabase(kind: TestDatabaseKind = 'pglite'): Promise<Database> {
  if (kind === 'pglite') {
    const dump = process.env.CARENEST_TEST_PGLITE_DUMP;
    if (!dump) throw new Error('the vitest global setup did not prepare a PGlite template');
    const blob = new Blob([await readFile(dump)]);
    return openPglite(undefined, blob);
  }
  const template = process.env.CARENEST_TEST_PG_TEMPLATE;
  const adminUrl = process.env.DATABASE_URL;
  if (!template || !adminUrl) throw new Error('PostgreSQL test database requested without DATABASE_URL');
  const name = `carenest_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  return {
    ...database,
    async close() {
      await database.close();
      // pool.end() resolves before the server has seen every disconnect; dropping then would kill
      // connections still closing. Wait for them to go first.
      await waitForNoConnections(adminUrl, name);
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function waitForNoConnections(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database]);
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
