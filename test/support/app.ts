import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadSettings } from '../../src/platform/settings.ts';
import { openPlatform } from '../../src/platform/assemble.ts';
import type { Platform } from '../../src/platform/module.ts';
import type { Clock } from '../../src/platform/clock.ts';
import type { Role } from '../../src/platform/access.ts';
import { createModules, startupSettings } from '../../src/modules/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { openTestDatabase, type TestDatabaseKind } from './database.ts';

export const TEST_ADMIN_SECRET = 'test-admin-secret-0123456789';

export interface TestUser {
  readonly userId: string;
  readonly email: string;
  readonly password: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly auth: { authorization: string };
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly platform: Platform;
  readonly modules: ReturnType<typeof createModules>;
  signup(role: Role, overrides?: Partial<{ email: string; name: string; password: string; preferredLanguage: string }>): Promise<TestUser>;
  /** Waits until the outbox is published and every consumer is idle. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** The whole app on a fresh migrated database (PGlite unless asked), with local storage in a temp dir. */
export async function startTestApp(
  options: {
    kind?: TestDatabaseKind;
    env?: Record<string, string>;
    clock?: Clock;
    /** A database shared with another instance (a second replica); the caller closes it. */
    database?: Database;
    /** Built web app to serve at `/`. */
    webRoot?: string;
  } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'carenest-app-'));
  const { config, modules: settings } = loadSettings({ DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'silent', ...options.env }, startupSettings);
  // A shared database stays open when this instance closes: its owner closes it.
  const database = options.database ? { ...options.database, close: async () => {} } : await openTestDatabase(options.kind ?? 'pglite');
  const running = await openPlatform({
    config,
    logger: pino({ level: 'silent' }),
    database,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const modules = createModules(
    running.platform,
    { jwtSecret: 'test-jwt-secret-that-is-long-enough-0123456789', adminSignupSecret: TEST_ADMIN_SECRET },
    settings,
  );
  await running.start(modules.consumers, modules.workers);
  const app = await buildApp({
    platform: running.platform,
    modules: modules.modules,
    verifyAccessToken: modules.verifyAccessToken,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  await app.ready();

  return {
    app,
    platform: running.platform,
    modules,
    async signup(role, overrides = {}) {
      counter += 1;
      const email = overrides.email ?? `${role.toLowerCase()}-${process.pid}-${counter}-${Date.now()}@example.com`;
      const password = overrides.password ?? 'correct horse battery staple';
      const signup = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: {
          email,
          password,
          name: overrides.name ?? `${role} ${counter}`,
          role,
          ...(role === 'ADMIN' ? { adminSecret: TEST_ADMIN_SECRET } : {}),
          ...(overrides.preferredLanguage ? { preferredLanguage: overrides.preferredLanguage } : {}),
        },
      });
      if (signup.statusCode !== 201) throw new Error(`signup failed: ${signup.statusCode} ${signup.body}`);
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
      const tokens = login.json() as { accessToken: string; refreshToken: string };
      return {
        userId: (signup.json() as { id: string }).id,
        email,
        password,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        auth: { authorization: `Bearer ${tokens.accessToken}` },
      };
    },
    async settle() {
      await running.relay.flush();
      const bus = running.platform.bus as { idle?: () => Promise<void> };
      await bus.idle?.();
    },
    async close() {
      await app.close();
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
