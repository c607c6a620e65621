import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { MIGRATION_SOURCES } from '../src/modules/migrations.ts';
import { adminQuery } from './support/database.ts';
import { serviceUrl } from './support/services.ts';

// Migrates once per run: a PGlite data dir dumped to a file, and (with DATABASE_URL) a PostgreSQL
// template database. Test files copy these instead of migrating again.
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'carenest-test-'));
  const pglite = await openPglite(undefined);
  await migrate(pglite, MIGRATION_SOURCES);
  const file = join(dir, 'pglite.tar.gz');
  await writeFile(file, Buffer.from(await (await pglite.dump!()).arrayBuffer()));
  await pglite.close();
  process.env.CARENEST_TEST_PGLITE_DUMP = file;

  const databaseUrl = serviceUrl('DATABASE_URL');
  let template: string | undefined;
  if (databaseUrl) {
    template = `carenest_tpl_${process.pid}`;
    await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${template}`);
    await adminQuery(databaseUrl, `CREATE DATABASE ${template}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${template}`;
    const postgres = await openPostgres(url.toString(), 1);
    await migrate(postgres, MIGRATION_SOURCES);
    await postgres.close();
    process.env.CARENEST_TEST_PG_TEMPLATE = template;
  }
  return async () => {
    if (databaseUrl && template) await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  };
}
