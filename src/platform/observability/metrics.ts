import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AppError } from '../errors.ts';
import { bearerToken } from '../http/access.ts';
import { registerProblemHandlers } from '../http/problem.ts';
import { loggerOptions, requestId } from './logger.ts';

// Prometheus metrics. By default `/metrics` is served on the main port to anyone (scrapers expect it).
// METRICS_PORT serves it on its own port instead (the main port then answers 404), METRICS_TOKEN requires
// `Authorization: Bearer <token>` (401 problem+json otherwise), on whichever port serves it.

export interface Metrics {
  readonly registry: Registry;
}

export interface MetricsRoute {
  /** Serve `/metrics` on this app (false when METRICS_PORT serves it elsewhere). */
  readonly serve: boolean;
  readonly token?: string | undefined;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Refuses a request without the bearer token; constant-time (both sides hashed to the same length first). */
function requireToken(token: string): (request: FastifyRequest) => Promise<void> {
  const expected = digest(token);
  return async (request) => {
    const given = bearerToken(request);
    if (given === undefined) throw new AppError('unauthenticated', 'AUTHENTICATION_REQUIRED', 'A bearer token is required for /metrics');
    if (!timingSafeEqual(digest(given), expected)) throw new AppError('unauthenticated', 'INVALID_TOKEN', 'The metrics token is not valid');
  };
}

function registerMetricsRoute(app: FastifyInstance, registry: Registry, token: string | undefined): void {
  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { hide: true }, ...(token ? { onRequest: requireToken(token) } : {}) },
    async (_request, reply) => {
      reply.type(registry.contentType).header('cache-control', 'no-store');
      return registry.metrics();
    },
  );
}

/** Measures every request of `app` into `registry` (shared with the event bus's metrics), adding process metrics; serves `/metrics` unless told not to. */
export function registerMetrics(app: FastifyInstance, registry: Registry = new Registry(), route: MetricsRoute = { serve: true }): Metrics {
  // Several apps may share one platform (tests, the split mode): register the shared metrics once.
  const existing = registry.getSingleMetric('http_request_duration_seconds') as Histogram<'method' | 'route' | 'status_code'> | undefined;
  if (!existing) collectDefaultMetrics({ register: registry });
  const duration = existing ?? new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template, method and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The template (/caregivers/:id), never the raw URL, so label cardinality stays bounded.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  if (route.serve) registerMetricsRoute(app, registry, route.token);
  return { registry };
}

/** The METRICS_PORT server: `/metrics` alone (token-checked when METRICS_TOKEN is set); main.ts listens on it. */
export function buildMetricsServer(registry: Registry, options: { readonly token?: string | undefined; readonly logLevel: string }): FastifyInstance {
  // A scrape every few seconds is not worth two log lines each: failures are still logged.
  const app = Fastify({
    logger: loggerOptions(options.logLevel),
    genReqId: requestId,
    requestIdHeader: false,
    logController: new LogController({ disableRequestLogging: true }),
  });
  registerProblemHandlers(app);
  registerMetricsRoute(app, registry, options.token);
  return app;
}
