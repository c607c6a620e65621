import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// One registry per app instance (tests build many apps in one process).
export interface Metrics {
  readonly registry: Registry;
}

/** Serves `/metrics` from `registry` (shared with the event bus's metrics when given), adding process and HTTP metrics. */
export function registerMetrics(app: FastifyInstance, registry: Registry = new Registry()): Metrics {
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
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return { registry };
}
