import type { Logger } from 'pino';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import type { Platform } from './platform/module.ts';
import { openPlatform } from './platform/assemble.ts';
import { systemClock } from './platform/clock.ts';
import { assertionAwareVerifier } from './platform/internal-auth.ts';
import { loggerOptions } from './platform/observability/logger.ts';
import { buildMetricsServer } from './platform/observability/metrics.ts';
import { createContractClient, type ContractClient } from './platform/remote/contract-client.ts';
import { remoteApi } from './platform/remote/contract.ts';
import { registerContractServer, type ServedContract } from './platform/remote/contract-server.ts';
import { resolveSecret } from './platform/secrets.ts';
import { closeOnSignals } from './platform/shutdown.ts';
import { MIGRATION_SOURCES } from './modules/migrations.ts';
import { createModules, MODULE_NAMES, REMOTE_CONTRACTS, type ModuleSettings, type RemoteModuleName, type SplitModules } from './modules/index.ts';

// Split mode (docs/decisions/0027-split-mode.md): `serve --modules identity,caregivers` runs only those modules
// (routes, consumers, workers, socket frames, retention rules, migrations) and reaches the others through their
// contracts over HTTP (MODULE_URLS) and through Kafka events. No demo data, no web app: a gateway is in front.

/** `--modules a,b`, `--modules=a,b` or MODULES; undefined when none is given (the one-process monolith). */
export function requestedModules(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] | undefined {
  const at = argv.findIndex((arg) => arg === '--modules' || arg.startsWith('--modules='));
  const text = at < 0 ? env.MODULES : argv[at]!.includes('=') ? argv[at]!.slice('--modules='.length) : (argv[at + 1] ?? '');
  if (text === undefined || text.trim() === '') return at < 0 ? undefined : [];
  return [...new Set(text.split(',').map((name) => name.trim()).filter(Boolean))];
}

/** What keeps a split service from starting with this configuration, one line each. */
export function splitProblems(config: Config, modules: readonly string[]): string[] {
  const problems: string[] = [];
  const unknown = modules.filter((name) => !MODULE_NAMES.includes(name));
  if (modules.length === 0) problems.push(`--modules needs at least one module name: ${MODULE_NAMES.join(', ')}`);
  if (unknown.length > 0) problems.push(`unknown module ${unknown.map((n) => `"${n}"`).join(', ')}: the modules are ${MODULE_NAMES.join(', ')}`);
  if (!config.databaseUrl) problems.push('split mode needs DATABASE_URL (PostgreSQL): the services share one database server, each module in its own schema');
  if (config.kafkaBrokers.length === 0) problems.push('split mode needs KAFKA_BROKERS: events travel between the service processes through Kafka');
  if (!config.redisUrl) problems.push('split mode needs REDIS_URL: WebSocket frames, caches and token revocation must reach every process');
  if (!config.internalSecret) problems.push('split mode needs INTERNAL_SECRET (at least 32 characters, the same in the gateway and every service): it signs contract calls and the gateway\'s assertions');
  if (!modules.includes('identity') && !config.moduleUrls.identity) {
    problems.push('split mode without the identity module needs its URL in MODULE_URLS (identity=http://host:port): access tokens are checked there');
  }
  for (const name of Object.keys(config.moduleUrls)) {
    if (!MODULE_NAMES.includes(name)) problems.push(`MODULE_URLS names an unknown module "${name}": the modules are ${MODULE_NAMES.join(', ')}`);
  }
  return problems;
}

export interface ContractClients extends SplitModules {
  close(): void;
}

/** The other modules' contract clients from MODULE_URLS, each built on first use (one circuit breaker per module). */
export function contractClients(options: {
  config: Config;
  modules: readonly string[];
  settings: ModuleSettings;
  platform: Pick<Platform, 'metrics' | 'logger'>;
}): ContractClients {
  const { config, modules, settings, platform } = options;
  const clients = new Map<string, ContractClient>();
  const apis = new Map<string, unknown>();
  const caller = modules.join(',');
  const settingsOf = (name: RemoteModuleName): never => (name === 'ai' ? settings.ai : undefined) as never;
  return {
    modules,
    remote(name) {
      if (apis.has(name)) return apis.get(name) as never;
      const contract = REMOTE_CONTRACTS[name];
      const url = config.moduleUrls[name];
      let api: unknown;
      if (url && config.internalSecret) {
        const client = createContractClient({
          module: name,
          url,
          secret: config.internalSecret,
          caller,
          timeoutMs: config.contractCallTimeoutMs,
          metrics: platform.metrics,
          logger: platform.logger.child({ component: 'contract-client', upstream: name }),
        });
        clients.set(name, client);
        api = remoteApi(contract as never, client.call, settingsOf(name));
      } else {
        // No URL: what needs the module answers 503 naming it; the rest of this service works.
        platform.logger.warn({ module: name }, `MODULE_URLS has no URL for the ${name} module: calls to it answer 503`);
        api = remoteApi(contract as never, async () => {
          throw new AppError('unavailable', 'SERVICE_UNAVAILABLE', `The ${name} service is unavailable (MODULE_URLS names no URL for it)`);
        }, settingsOf(name));
      }
      apis.set(name, api);
      return api as never;
    },
    close() {
      for (const client of clients.values()) client.close();
    },
  };
}

/** `serve --modules ...`: one service of the split, behind the gateway. */
export async function serveSplit({ config, modules: settings }: { config: Config; modules: ModuleSettings }, modules: readonly string[]): Promise<void> {
  const startedAt = performance.now();
  const logger: Logger = pino(loggerOptions(config.logLevel));
  const internalSecret = config.internalSecret!;
  const jwtSecret = await resolveSecret(config.jwtSecret, config.dataDir, 'jwt-secret');
  const adminSecret = await resolveSecret(config.adminSignupSecret, config.dataDir, 'admin-signup-secret');
  // The platform's tables and the listed modules' own; the migrator's advisory lock lets services start together.
  const migrations = MIGRATION_SOURCES.filter((source) => source.module === 'platform' || modules.includes(source.module));
  const running = await openPlatform({ config, logger, migrations });
  const remote = contractClients({ config, modules, settings, platform: running.platform });
  const built = createModules(running.platform, { jwtSecret: jwtSecret.value, adminSignupSecret: adminSecret.value }, settings, remote);
  await running.start(built.consumers, built.workers);
  const app = await buildApp({
    platform: running.platform,
    modules: built.modules,
    verifyAccessToken: assertionAwareVerifier(internalSecret, built.verifyAccessToken, () => systemClock.now().getTime()),
  });
  const served: ServedContract[] = [];
  for (const name of Object.keys(REMOTE_CONTRACTS) as RemoteModuleName[]) {
    const module = built[name];
    if (module) served.push({ contract: REMOTE_CONTRACTS[name], api: module.api });
  }
  registerContractServer(app, { secret: internalSecret, served });
  const metricsServer = config.metricsPort ? buildMetricsServer(running.platform.metrics, { token: config.metricsToken, logLevel: config.logLevel }) : undefined;

  closeOnSignals(logger, 'shutting down: draining HTTP, then closing pools', async () => {
    await app.close();
    await metricsServer?.close();
    remote.close();
    await running.close();
  });

  await app.listen({ port: config.port, host: config.host });
  if (metricsServer) await metricsServer.listen({ port: config.metricsPort, host: config.host });
  const { port } = app.server.address() as { port: number };
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
  logger.info({ modules, port, startupSeconds: Number(seconds), rssMb: Math.round(process.memoryUsage().rss / 1048576) }, 'ready');
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  process.stdout.write(`\n  CareNest service ready: ${modules.join(', ')}\n  API        http://${host}:${port}/api/v1 (behind the gateway)\n  Health     http://${host}:${port}/health/ready\n\n`);
}
