import { Redis } from 'ioredis';
import { pino } from 'pino';
import { ConfigError, type Env } from '../platform/settings.ts';
import { loggerOptions } from '../platform/observability/logger.ts';
import { closeOnSignals } from '../platform/shutdown.ts';
import { ensureWebAssets, WEB_DIST } from '../web-assets.ts';
import { buildGateway } from './app.ts';
import { loadGatewaySettings, type GatewayStartup } from './config.ts';
import { memoryRateLimiter, redisRateLimiter } from './rate-limit.ts';

// `node src/main.ts gateway --routes identity=http://127.0.0.1:4101,...`: the split mode's front door.

function readSettings(argv: readonly string[], env: Env): GatewayStartup {
  try {
    return loadGatewaySettings(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

export async function runGateway(argv: readonly string[], env: Env): Promise<void> {
  const { config, gateway } = readSettings(argv, env);
  const logger = pino(loggerOptions(config.logLevel));
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }) : undefined;
  redis?.on('error', (error) => logger.warn({ err: error }, 'gateway rate limit: Redis unavailable (requests pass meanwhile)'));
  const limit = gateway.rateLimitPerMinute;
  const rateLimiter = limit === 0 ? undefined : redis ? redisRateLimiter(redis, limit) : memoryRateLimiter(limit);
  const web = config.serveWeb && (await ensureWebAssets(logger));
  const app = await buildGateway({
    routes: gateway.routes,
    internalSecret: gateway.internalSecret,
    trustProxy: config.trustProxy,
    logLevel: config.logLevel,
    upstreamTimeoutMs: gateway.upstreamTimeoutMs,
    rateLimiter,
    metricsToken: config.metricsToken,
    webRoot: web ? WEB_DIST : undefined,
  });
  closeOnSignals(logger, 'gateway shutting down', async () => {
    await app.close().catch(() => undefined); // nothing of its own to lose: stop regardless
    redis?.disconnect();
  });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as { port: number };
  const routes = [...gateway.routes].map(([module, url]) => `${module}=${url.href}`).join(', ');
  logger.info({ port, routes, rateLimitPerMinute: limit, rateLimitStore: redis ? 'redis' : 'memory' }, 'gateway ready');
  process.stdout.write(`\n  CareNest gateway is ready on port ${port}\n  Routes     ${routes}\n  API docs   /docs (merged)    Health /health/ready\n\n`);
}
