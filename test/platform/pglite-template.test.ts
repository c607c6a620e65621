import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/platform/db/database.ts';
import { migrate, type MigrationSource } from '../../src/platform/db/migrator.ts';
import { copyTemplate, makeTemplate, templateKey } from '../../src/platform/db/pglite-template.ts';

// The install-time database template (decision 0035): made once by `npm ci`, copied into a new DATA_DIR, and
// never used for migrations other than the ones it was made with.

const scratch = await mkdtemp(join(tmpdir(), 'carenest-template-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function source(name: string, files: Record<string, string>): Promise<MigrationSource> {
  const dir = join(scratch, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return { module: 'sample', dir };
}

describe('the embedded database template', () => {
  it('is made once, migrated, and a copy opens with nothing left to migrate', async () => {
    const root = join(scratch, 'root-a');
    const sources = [await source('a', { '0001-notes.sql': 'CREATE SCHEMA sample; CREATE TABLE sample.notes (id int PRIMARY KEY, text text NOT NULL);' })];
    const first = await makeTemplate(sources, root);
    expect(first.made).toBe(true);
    expect((await makeTemplate(sources, root)).made).toBe(false);
    expect(await readdir(root)).toEqual([`pglite-${await templateKey(sources)}`]); // no build directory left behind

    const target = join(scratch, 'data-a', 'pglite');
    await mkdir(join(scratch, 'data-a'));
    expect(await copyTemplate(target, sources, root)).toBe(true);
    const database = await openPglite(target);
    try {
      expect(await migrate(database, sources)).toEqual([]);
      await sql`INSERT INTO sample.notes VALUES (1, 'copied')`.execute(database.db);
    } finally {
      await database.close();
    }
    // The copy is the DATA_DIR's own: the template did not change.
    const template = await openPglite(first.dir);
    try {
      const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sample.notes`.execute(template.db);
      expect(rows.rows[0]?.n).toBe(0);
    } finally {
      await template.close();
    }
  }, 120_000);

  it('is not used for other migrations, and the next one made replaces it', async () => {
    const root = join(scratch, 'root-b');
    const before = [await source('b1', { '0001-a.sql': 'CREATE TABLE a (id int);' })];
    const after = [await source('b2', { '0001-a.sql': 'CREATE TABLE a (id int);', '0002-b.sql': 'CREATE TABLE b (id int);' })];
    expect(await templateKey(after)).not.toBe(await templateKey(before));
    await makeTemplate(before, root);
    await mkdir(join(scratch, 'data-b'));
    expect(await copyTemplate(join(scratch, 'data-b', 'pglite'), after, root)).toBe(false);
    await makeTemplate(after, root);
    expect(await readdir(root)).toEqual([`pglite-${await templateKey(after)}`]);
    expect(await copyTemplate(join(scratch, 'data-b', 'pglite'), after, root)).toBe(true);
  }, 120_000);

  it('is never copied over a database that is there already', async () => {
    const root = join(scratch, 'root-a');
    const sources = [await source('a', {})];
    const target = join(scratch, 'data-a', 'pglite');
    expect(await copyTemplate(target, sources, root)).toBe(false);
    expect(await readdir(join(scratch, 'data-a'))).toEqual(['pglite']);
  });
});
