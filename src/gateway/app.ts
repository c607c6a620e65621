import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { bearerToken } from '../platform/http/access.ts';
import { frameworkErrors, problem, registerProblemHandlers, sendProblem } from '../platform/http/problem.ts';
import { DOCS_CONTENT_SECURITY_POLICY } from '../platform/http/security-headers.ts';
import { fastifyTrustProxy, type TrustProxy } from '../platform/http/trust-proxy.ts';
import { signActorAssertion } from '../platform/internal-auth.ts';
import { AppError } from '../platform/errors.ts';
import { loggerOptions, requestId } from '../platform/observability/logger.ts';
import { registerWebApp } from '../web-assets.ts';
import { mergedDocs } from './docs.ts';
import { registerGatewayHealth, upstreamProbe } from './health.ts';
import { identityTokenCheck } from './identity-check.ts';
import { identityRemoteApi } from '../modules/identity/remote.ts';
import type { RateLimiter } from './rate-limit.ts';
import { routeTable, socketOwner, type ModuleName, type RouteMatch } from './route-table.ts';
import { createUpstream, forwardableHeaders, unavailable, type Upstream } from './upstream.ts';
import { proxyWebSockets } from './websocket.ts';

// The gateway of split mode (docs/decisions/0028-gateway.md): one Fastify app that owns no route of its own
// under /api/v1. Each request gets a request id, passes the per-IP rate limit, has its bearer token checked once
// with identity, and is streamed to the service running the owning module with an actor assertion instead.

const API_PREFIX = '/api/v1';
/** Headers a client may not pass through: the gateway sets them. */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;
const REPLACED = ['authorization', 'x-request-id', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded'];

export interface GatewayOptions {
  readonly routes: ReadonlyMap<ModuleName, URL>;
  readonly internalSecret: string;
  readonly trustProxy: TrustProxy;
  readonly logLevel: string;
  readonly upstreamTimeoutMs: number;
  /** undefined: no limit. */
  readonly rateLimiter?: RateLimiter | undefined;
  readonly metricsToken?: string | undefined;
  readonly webRoot?: string | undefined;
  readonly now?: () => number;
}

function pathOf(url: string): string {
  return (url.split('?')[0] ?? '').slice(API_PREFIX.length);
}

export async function buildGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: loggerOptions(options.logLevel),
    genReqId: requestId,
    requestIdHeader: false,
    frameworkErrors,
    trustProxy: fastifyTrustProxy(options.trustProxy),
  });
  const upstreams = new Map<ModuleName, Upstream>();
  for (const [module, url] of options.routes) upstreams.set(module, createUpstream(module, url, options.upstreamTimeoutMs, now));
  const table = routeTable();

  // Metrics: the app's HTTP histogram name, labelled with the owning module and the owning pattern as route.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const identityUrl = options.routes.get('identity');
  const identity = identityUrl
    ? identityRemoteApi({ url: identityUrl.href, secret: options.internalSecret, caller: 'gateway', metrics: registry, logger: app.log, now })
    : undefined;
  const checkToken = identity ? identityTokenCheck((token) => identity.api.verifyAccessToken(token)) : undefined;
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template, method, status and upstream module (gateway)',
    labelNames: ['method', 'route', 'status_code', 'module'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const limited = new Counter({ name: 'gateway_rate_limited_total', help: 'Requests refused 429 by the per-IP rate limit', registers: [registry] });
  const matches = new WeakMap<FastifyRequest, RouteMatch>();
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const match = matches.get(request);
    duration.observe(
      { method: request.method, route: match ? `${API_PREFIX}${match.pattern}` : (request.routeOptions.url ?? 'unmatched'), status_code: String(reply.statusCode), module: match?.module ?? 'gateway' },
      reply.elapsedTime / 1000,
    );
  });

  // Bodies are not parsed here: they stream to the service, which applies its own limits (1 MB, 10 MB uploads).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  const docs = mergedDocs([...upstreams.values()], table);
  const probe = upstreamProbe([...upstreams.values()], registry, (module) => docs.forget(module));
  registerProblemHandlers(app, options.webRoot ? await registerWebApp(app, options.webRoot) : undefined);
  registerGatewayHealth(app, probe);
  await app.register(swagger, { mode: 'static', specification: { document: docs.current() as never } });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, validatorUrl: null },
    staticCSP: DOCS_CONTENT_SECURITY_POLICY,
    transformSpecification: () => docs.current(),
    transformSpecificationClone: false,
  });
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/docs/json') || request.url.startsWith('/docs/yaml')) await docs.refresh();
  });
  app.get('/metrics', async (request, reply) => {
    if (options.metricsToken && bearerToken(request) !== options.metricsToken) {
      throw new AppError('unauthenticated', 'INVALID_TOKEN', 'The metrics token is not valid');
    }
    return reply.type(registry.contentType).header('cache-control', 'no-store').send(await registry.metrics());
  });

  app.all(`${API_PREFIX}/*`, async (request, reply) => {
    const path = pathOf(request.url);
    // Dot segments never reach a service (they could climb out of the area the route table checked).
    const match = DOT_SEGMENT.test(path) ? undefined : table(path);
    if (!match) return sendProblem(reply, problem(404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]!.slice(0, 100)}`));
    matches.set(request, match);
    const upstream = upstreams.get(match.module);
    if (!upstream) throw unavailable(match.module);
    if (options.rateLimiter) {
      const decision = await options.rateLimiter(request.ip);
      if (!decision.allowed) {
        limited.inc();
        throw new AppError('too_many_requests', 'TOO_MANY_REQUESTS', 'Too many requests from this address; try again shortly', {
          extra: { retryAfterSeconds: decision.retryAfterSeconds },
        });
      }
    }
    const headers = forwardableHeaders(request.headers, REPLACED);
    headers['x-request-id'] = request.id;
    headers['x-forwarded-for'] = request.ip;
    headers['x-forwarded-proto'] = request.protocol;
    headers['x-forwarded-host'] = request.host;
    const token = bearerToken(request);
    if (token !== undefined && checkToken) {
      headers.authorization = `Bearer ${await signActorAssertion(options.internalSecret, await checkToken(token), now())}`;
    }
    const body = request.body as Readable | undefined;
    const response = await upstream.send({ method: request.method, path: request.url, headers, body });
    reply.status(response.statusCode ?? 502);
    for (const [name, value] of Object.entries(forwardableHeaders(response.headers, ['x-request-id']))) {
      if (value !== undefined) reply.header(name, value);
    }
    return reply.send(response);
  });

  const socketModule = socketOwner(new Set(upstreams.keys()));
  proxyWebSockets(app.server, {
    upstream: socketModule ? upstreams.get(socketModule) : undefined,
    limiter: options.rateLimiter,
    clientIp: (request: IncomingMessage) => request.socket.remoteAddress ?? 'unknown',
    requestId,
  });
  app.addHook('onClose', async () => {
    for (const upstream of upstreams.values()) upstream.close();
    identity?.client.close();
  });
  return app;
}
