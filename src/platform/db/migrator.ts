import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database.ts';

// Plain SQL migrations, the same files on PGlite and PostgreSQL. Each module keeps its own in
// `<module>/db/migrations/NNNN-name.sql`; they run in module order, then file order, each once.

export interface MigrationSource {
  readonly module: string;
  readonly dir: string;
}

const FILE = /^(\d{4})-[a-z0-9-]+\.sql$/;

export async function listMigrations(source: MigrationSource): Promise<{ name: string; path: string }[]> {
  const files = await readdir(source.dir).catch(() => [] as string[]);
  const unexpected = files.filter((f) => f.endsWith('.sql') && !FILE.test(f));
  if (unexpected.length > 0) throw new Error(`migration files must be named NNNN-name.sql: ${unexpected.join(', ')}`);
  return files
    .filter((f) => FILE.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.sql$/, ''), path: join(source.dir, f) }));
}

/** Applies every pending migration; returns the ones applied now, as `module/name`. */
export async function migrate(database: Database, sources: readonly MigrationSource[]): Promise<string[]> {
  const applied: string[] = [];
  for (const source of sources) {
    for (const file of await listMigrations(source)) {
      const script = await readFile(file.path, 'utf8');
      if (await database.applyMigration(source.module, file.name, script)) applied.push(`${source.module}/${file.name}`);
    }
  }
  return applied;
}
