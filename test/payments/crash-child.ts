import { pino } from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadSettings } from '../../src/platform/settings.ts';
import { openPlatform } from '../../src/platform/assemble.ts';
import { openPglite, openPostgres } from '../../src/platform/db/database.ts';
import { createModules, startupSettings } from '../../src/modules/index.ts';
import { MIGRATION_SOURCES } from '../../src/modules/migrations.ts';

// One CareNest process for the crash test (crash.test.ts): the whole app on a database that outlives
// it (a PGlite data dir on disk, or a PostgreSQL database), killed with SIGKILL by the test.
// CRASH_MODE=no-bus serves HTTP but never starts the relay, the consumers or the workers: the process
// "dies" after a use case committed its outbox rows and before any consumer ran.
// Prints {"port": n} once listening.

const env = process.env;
const { config, modules: settings } = loadSettings(env, startupSettings);
const target = env.CRASH_DATABASE ?? '';
const database = target.startsWith('postgres') ? await openPostgres(target) : await openPglite(target);
const running = await openPlatform({ config, logger: pino({ level: 'silent' }), database, migrations: MIGRATION_SOURCES });
const modules = createModules(running.platform, { jwtSecret: config.jwtSecret ?? '', adminSignupSecret: config.adminSignupSecret ?? '' }, settings);
if (env.CRASH_MODE !== 'no-bus') await running.start(modules.consumers, modules.workers);
const app = await buildApp({ platform: running.platform, modules: modules.modules, verifyAccessToken: modules.verifyAccessToken });
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
process.stdout.write(`${JSON.stringify({ port })}\n`);

process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => running.close())
    .finally(() => process.exit(0));
});
