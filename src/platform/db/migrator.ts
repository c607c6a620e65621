import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

// Plain SQL migrations, the same files on PGlite and PostgreSQL. Each module keeps its own in
// `<module>/db/migrations/NNNN-name.sql`; they run in module order, then file order, each once.

export interface MigrationSource {
  readonly module: string;
  readonly dir: string;
}

/** The migrations in `dir` (e.g. `new URL('./db/migrations', import.meta.url)`), recorded under `module`. */
export function migrationsAt(module: string, dir: URL): MigrationSource {
  return { module, dir: fileURLToPath(dir) };
}

/** The platform's own tables (outbox, inbox, dead letters, audit log, ...), created before any module's. */
export const PLATFORM_MIGRATIONS: MigrationSource = migrationsAt('platform', new URL('./migrations', import.meta.url));

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
