import { mkdir } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  Kysely,
  PGliteDialect,
  PostgresDialect,
  sql,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Transaction,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';

// The database handle every module receives. Kysely speaks to PGlite (embedded) or node-postgres
// (PostgreSQL) through the same interface; only the migrator needs the raw script runner.

// Modules type their own tables; the shared handle is untyped and each repository narrows it (repository.ts: typed).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Executor = Kysely<any> | Transaction<any>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: AnyDb;
  /**
   * Applies one migration script (several statements) and records it, in one transaction, unless
   * `platform.schema_migrations` already has it. Safe with several processes migrating at once.
   */
  applyMigration(module: string, name: string, script: string): Promise<boolean>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data dir as a tarball (tests migrate once and load copies). */
  dump?: () => Promise<Blob>;
  /** Connections of the pool now (/metrics reads it at each scrape). PGlite is one connection, never waited for by the pool. */
  poolStats(): PoolStats;
  /**
   * Runs one compiled statement outside any transaction as a named prepared statement (PostgreSQL): each pooled
   * connection parses and plans it once, then only binds and executes it. For hot statements whose plan does not
   * depend on their parameters (values the planner must see are literals in the text): a read, or a write that
   * is a transaction of its own (transact.oneStatement). Only the first PREPARED_STATEMENTS distinct texts of a
   * process are prepared, so a connection never holds more than that; later ones run unnamed. `pinned` is for a
   * statement whose code builds one fixed text (the booking, a profile by id): it has its own budget of
   * PINNED_STATEMENTS texts, so texts that vary with their literals (search) can never crowd it out.
   * PGlite runs it as any query.
   */
  prepared<R>(query: CompiledQuery<R>, options?: { pinned?: boolean }): Promise<R[]>;
}

/** Distinct statement texts a process prepares (on each pooled connection), at most. */
export const PREPARED_STATEMENTS = 200;
/** Distinct fixed texts (`prepared(query, { pinned: true })`) a process prepares, besides PREPARED_STATEMENTS. */
export const PINNED_STATEMENTS = 50;

export interface PoolStats {
  readonly max: number;
  readonly total: number;
  /** PostgreSQL only: idle connections, and callers waiting for one. */
  readonly idle?: number;
  readonly waiting?: number;
}

// Timestamps come back as Date, bigint counts as numbers (ours stay far below 2^53).
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export const PGLITE_EXTENSIONS = { btree_gist, citext, pg_trgm };

const BOOTSTRAP = `
  CREATE SCHEMA IF NOT EXISTS platform;
  CREATE TABLE IF NOT EXISTS platform.schema_migrations (
    module text NOT NULL,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (module, name)
  );`;
const MIGRATION_LOCK = 727_001;
const SAFE_NAME = /^[a-z0-9][a-z0-9_-]*$/;

function literal(value: string): string {
  if (!SAFE_NAME.test(value)) throw new Error(`unsafe migration identifier: ${value}`);
  return `'${value}'`;
}

/**
 * PGlite is one backend: Kysely's PGlite driver hands the same connection to every caller, so two
 * concurrent transactions would interleave. This driver serialises callers, which is exactly what a
 * single backend can do anyway.
 */
class SerialPgliteDriver implements Driver {
  readonly #inner: Driver;
  #tail: Promise<void> = Promise.resolve();
  readonly #releases = new Map<DatabaseConnection, () => void>();

  constructor(inner: Driver) {
    this.#inner = inner;
  }
  init(): Promise<void> {
    return this.#inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    const connection = await this.#inner.acquireConnection();
    this.#releases.set(connection, release);
    return connection;
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.#inner.releaseConnection(connection);
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    release?.();
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }
  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

class SerialPgliteDialect extends PGliteDialect {
  override createDriver(): Driver {
    return new SerialPgliteDriver(super.createDriver());
  }
}

/**
 * PostgreSQL settings of the embedded backend (docs/decisions/0031-embedded-footprint.md). PGlite keeps
 * PostgreSQL's defaults, sized for a server: shared_buffers=128MB grows the WebAssembly heap from its 128 MB
 * floor to ~190 MB, all of it resident once touched. The embedded mode holds a demo-sized database for one
 * household or a trial, whose tables and indexes fit in far less; reads past the buffers come from the OS
 * page cache of DATA_DIR, not from disk. wal_buffers follows shared_buffers (1/32) unless set.
 */
export const PGLITE_SETTINGS: readonly string[] = ['shared_buffers=16MB', 'temp_buffers=2MB', 'maintenance_work_mem=16MB'];

/**
 * PGlite compiles its 9 MB WebAssembly module in this process. V8's optimising tier (TurboFan) recompiles the hot
 * functions of initdb and the first queries: ~1.3 s of CPU and ~90 MB of resident memory that stays (decision
 * 0031). The long-running embedded server (main.ts) calls this before it opens PGlite, so the baseline compiler
 * (Liftoff) alone is used there. Short-lived work keeps the optimising tier, where speed matters more than memory
 * that is gone at exit: the child creating a new DATA_DIR with the demo, tests, benchmarks. V8 reads the flag
 * when it compiles a module; PGlite is the only WebAssembly of the server (argon2 is native).
 */
let wasmBaselineOnly = false;
export function useWasmBaselineCompiler(): void {
  if (wasmBaselineOnly) return;
  setFlagsFromString('--no-wasm-dynamic-tiering');
  setFlagsFromString('--no-wasm-tier-up');
  setFlagsFromString('--liftoff-only');
  wasmBaselineOnly = true;
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])],
    extensions: PGLITE_EXTENSIONS,
    parsers: { 20: (value: string) => Number(value), 1700: (value: string) => Number(value) },
  });
  const db: AnyDb = new Kysely({ dialect: new SerialPgliteDialect({ pglite }) });
  let bootstrapped = false;
  return {
    kind: 'pglite',
    db,
    applyMigration(module, name, script) {
      // Holding a Kysely connection keeps every other caller out while the script runs on the backend.
      return db.connection().execute(async () => {
        if (!bootstrapped) {
          await pglite.exec(BOOTSTRAP);
          bootstrapped = true;
        }
        const done = await pglite.query(
          'SELECT 1 FROM platform.schema_migrations WHERE module = $1 AND name = $2',
          [module, name],
        );
        if (done.rows.length > 0) return false;
        await pglite.exec(
          `BEGIN;\n${script}\n;INSERT INTO platform.schema_migrations (module, name) VALUES (${literal(module)}, ${literal(name)});\nCOMMIT;`,
        ).catch(async (error: unknown) => {
          await pglite.exec('ROLLBACK').catch(() => undefined);
          throw error;
        });
        return true;
      });
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
    dump: () => db.connection().execute(() => pglite.dumpDataDir('gzip')),
    poolStats: () => ({ max: 1, total: 1 }),
    prepared: async (query) => (await db.executeQuery(query)).rows,
  };
}

export async function openPostgres(
  connectionString: string,
  maxConnections = 10,
  onPoolError?: (error: Error) => void,
): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: maxConnections, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection (server restart, admin kill) is reported here; without a
  // listener it would crash the process. The pool replaces the client on next use.
  pool.on('error', (error) => onPoolError?.(error));
  const db: AnyDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    applyMigration(module, name, script) {
      return db.transaction().execute(async (tx) => {
        // Replicas starting together wait here for each other; the check below then sees their work.
        await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
        await sql.raw(BOOTSTRAP).execute(tx);
        const done = await sql`SELECT 1 FROM platform.schema_migrations WHERE module = ${module} AND name = ${name}`.execute(tx);
        if (done.rows.length > 0) return false;
        // A statement string without parameters goes over the simple protocol, which runs several statements.
        await sql.raw(script).execute(tx);
        await sql`INSERT INTO platform.schema_migrations (module, name) VALUES (${module}, ${name})`.execute(tx);
        return true;
      });
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
    poolStats: () => ({ max: maxConnections, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    prepared: preparedStatements(pool),
  };
}

/** Statement names are handed out per text in this process; node-postgres prepares a name once per connection. */
function preparedStatements(pool: pg.Pool): Database['prepared'] {
  const names = new Map<string, string>();
  const pinned = new Map<string, string>();
  return async <R>(query: CompiledQuery<R>, options?: { pinned?: boolean }) => {
    let name = names.get(query.sql) ?? pinned.get(query.sql);
    if (name === undefined && options?.pinned === true && pinned.size < PINNED_STATEMENTS) {
      name = `carenest_pinned_${pinned.size + 1}`;
      pinned.set(query.sql, name);
    } else if (name === undefined && options?.pinned !== true && names.size < PREPARED_STATEMENTS) {
      name = `carenest_${names.size + 1}`;
      names.set(query.sql, name);
    }
    const values = [...query.parameters];
    // Not pool.query: it closes the connection after ANY failed query, and a booking that loses a race fails with
    // 23P01 by design; each such loss cost a new connection (and a new parse of every statement on it). An error
    // PostgreSQL answered leaves the connection usable, so only other errors (the socket) give it up.
    const client = await pool.connect();
    const onError = (): void => undefined; // a broken socket also fails the query below, which reports it
    client.on('error', onError);
    let failure: unknown;
    try {
      const result = await client.query(name === undefined ? { text: query.sql, values } : { name, text: query.sql, values });
      return result.rows as R[];
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(failure === undefined || failure instanceof pg.DatabaseError ? undefined : (failure as Error));
    }
  };
}

export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  onPoolError?: (error: Error) => void;
}): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, 10, options.onPoolError)
    : openPglite(pgliteDataDir(options.dataDir));
}

/** Where the embedded database lives in DATA_DIR. */
export function pgliteDataDir(dataDir: string): string {
  return `${dataDir.replace(/\/$/, '')}/pglite`;
}

/** SQLSTATEs after which running the whole transaction again is the standard remedy. */
const TRANSIENT = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure
const ATTEMPTS = 4;

/**
 * Runs `work` in one transaction. Use cases call this; repositories receive the transaction.
 * A deadlock or serialization failure rolls everything back, so the whole transaction is run again
 * (up to 4 times, with a short random pause). Concurrent inserts that collide on an exclusion
 * constraint deadlock this way on PostgreSQL; the retry then sees the winner and fails cleanly.
 * Hence `work` must only touch the database: no provider calls, no messages sent from inside.
 */
export async function inTransaction<T>(db: AnyDb, work: (tx: Transaction<unknown> & AnyDb) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => work(tx as Transaction<unknown> & AnyDb));
    } catch (error) {
      if (attempt >= ATTEMPTS || !TRANSIENT.has(pgErrorCode(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/** PostgreSQL error code of a failed query, if it is one (23505 unique, 23P01 exclusion, ...). */
export function pgErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  const constraint = (error as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}
