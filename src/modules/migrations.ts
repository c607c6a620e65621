import { PLATFORM_MIGRATIONS, type MigrationSource } from '../platform/db/migrator.ts';
import { MODULE_MANIFESTS } from './index.ts';

// Every schema, in the order it is created: the platform's own tables first, then each module's, named
// by its manifest. Modules never reference each other's tables, so only the platform must come first.
export const MIGRATION_SOURCES: readonly MigrationSource[] = [
  PLATFORM_MIGRATIONS,
  ...MODULE_MANIFESTS.flatMap((manifest) => (manifest.migrations ? [manifest.migrations] : [])),
];
