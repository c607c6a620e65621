import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import multipart from '@fastify/multipart';
import type { Module, Platform } from './platform/module.ts';
import type { AccessTokenVerifier } from './platform/access.ts';
import { authorize, type Access } from './platform/http/access.ts';
import { frameworkErrors, MAX_PARAM_LENGTH, registerProblemHandlers } from './platform/http/problem.ts';
import { registerValidation } from './platform/http/validation.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerHealth } from './platform/http/health.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { fastifyTrustProxy } from './platform/http/trust-proxy.ts';
import { loggerOptions, requestId } from './platform/observability/logger.ts';
import { registerMetrics } from './platform/observability/metrics.ts';
import { localRealtimeOf } from './platform/realtime/local-realtime.ts';
import { registerRealtimeRoute, type WebSocketOptions } from './platform/realtime/websocket.ts';
import { mergeSocketFrames } from './platform/realtime/socket-frames.ts';
import { registerWebApp } from './web-assets.ts';

export const API_PREFIX = '/api/v1';
export const BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 10 * 1024 * 1024;

export interface ApiRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
  /** The module that registered it (the gateway's route table is checked against it). */
  readonly module: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route under /api/v1 with its access rule (the role-matrix test walks them). */
    readonly apiRoutes: readonly ApiRoute[];
  }
}

export interface AppOptions {
  readonly platform: Platform;
  readonly modules: readonly Module[];
  readonly verifyAccessToken: AccessTokenVerifier;
  /** WebSocket limits and timers (tests shorten them); API.md's values otherwise. */
  readonly websocket?: Partial<WebSocketOptions>;
  /** Built web app to serve at `/` (web/dist); none in API-only processes and most tests. */
  readonly webRoot?: string;
  /** Where the request log goes (tests read it); stdout otherwise. */
  readonly logStream?: DestinationStream;
}

/** Builds the HTTP app (no listening): tests drive it with inject(), main.ts listens. */
export async function buildApp({ platform, modules, verifyAccessToken, websocket, webRoot, logStream }: AppOptions): Promise<FastifyInstance> {
  const { config } = platform;
  const app = Fastify({
    logger: { ...loggerOptions(config.logLevel), ...(logStream ? { stream: logStream } : {}) },
    genReqId: requestId,
    requestIdHeader: false,
    // One access line per request (below) instead of Fastify's two ("incoming request", "request completed").
    logController: new LogController({ disableRequestLogging: true }),
    // Router errors (a path segment over the limit, an undecodable URL) answer problem+json: problem.ts.
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    bodyLimit: BODY_LIMIT,
    // X-Forwarded-* only from the proxies TRUST_PROXY names (none by default): request.ip keys rate limits.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // The access line: request id, method, path without query, host, address, status, time. It holds only these
  // fields, which the redaction of personal data (logger.ts) never applies to, so it skips that walk: ~4 µs of
  // CPU a line instead of ~70 (docs/caregiver-search.md, Performance). Every other line is still redacted.
  const accessLog = app.log.child({}, { redact: { paths: [] } });
  app.addHook('onResponse', async (request, reply) => {
    accessLog.info({ reqId: request.id, req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  });

  // A route under the API that does not say who may call it is a bug: refuse to start.
  const apiRoutes: ApiRoute[] = [];
  let registering = '';
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(`${API_PREFIX}/`)) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access, module: registering });
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access !== undefined) await authorize(request, access, verifyAccessToken);
  });

  registerValidation(app);
  registerSecurityHeaders(app);
  registerProblemHandlers(app, webRoot ? await registerWebApp(app, webRoot) : undefined);
  await registerOpenApi(app);
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
    throwFileSizeLimit: true,
  });
  // With METRICS_PORT, main.ts serves /metrics on that port and this one answers 404 for it.
  registerMetrics(app, platform.metrics, { serve: config.metricsPort === undefined, token: config.metricsToken });
  registerHealth(app, platform);

  // GET (upgrade) /api/v1/ws, fed by the in-process hub behind platform.realtime.
  const hub = localRealtimeOf(platform.realtime);
  if (hub) {
    await registerRealtimeRoute(app, {
      path: `${API_PREFIX}/ws`,
      hub,
      verifyAccessToken,
      clock: platform.clock,
      frameHandlers: mergeSocketFrames(modules.map((module) => module.socketFrames)),
      metrics: platform.metrics,
      ...(websocket ? { options: websocket } : {}),
    });
  }

  await app.register(
    async (api) => {
      for (const module of modules) {
        registering = module.name;
        await module.routes(api);
      }
    },
    { prefix: API_PREFIX },
  );
  return app;
}
