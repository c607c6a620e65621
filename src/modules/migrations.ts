import { fileURLToPath } from 'node:url';
import type { MigrationSource } from '../platform/db/migrator.ts';

// Every schema the platform owns, in the order they are created. Modules own their schemas and never
// reference each other's tables, so the order only matters for the platform's own tables first.
const dir = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export const MIGRATION_SOURCES: readonly MigrationSource[] = [
  { module: 'platform', dir: dir('../platform/db/migrations') },
  { module: 'identity', dir: dir('./identity/db/migrations') },
  { module: 'caregivers', dir: dir('./caregivers/db/migrations') },
  { module: 'reservations', dir: dir('./reservations/db/migrations') },
  { module: 'payments', dir: dir('./payments/db/migrations') },
  { module: 'notifications', dir: dir('./notifications/db/migrations') },
  { module: 'reviews', dir: dir('./reviews/db/migrations') },
];
