import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { AppError } from '../platform/errors.ts';
import type { ModuleName } from './route-table.ts';

// One service behind the gateway: a keep-alive connection pool and a small circuit breaker. After
// FAILURES_TO_OPEN consecutive failures to reach it (refused, reset, timeout) its routes answer 503 at once for
// OPEN_MS, then one request tries it again (half-open). An answer of any status closes it: a 5xx the
// service chose is its answer, passed on as is. Requests are never retried here (they may not be idempotent).

const FAILURES_TO_OPEN = 5;
const OPEN_MS = 5_000;
export const RETRY_AFTER_SECONDS = 5;

/** Hop-by-hop headers (RFC 9110 7.6.1) and those the gateway sets itself. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

export interface Upstream {
  readonly module: ModuleName;
  readonly url: URL;
  /** Sends one request; the answer's head, or AppError 503 SERVICE_UNAVAILABLE naming the module. */
  send(options: { method: string; path: string; headers: OutgoingHttpHeaders; body?: Readable | undefined }): Promise<IncomingMessage>;
  /** True while the breaker refuses calls. */
  isOpen(): boolean;
  close(): void;
}

export function unavailable(module: string): AppError {
  return new AppError('unavailable', 'SERVICE_UNAVAILABLE', `The ${module} service is not available right now; try again shortly`, {
    extra: { module, retryAfterSeconds: RETRY_AFTER_SECONDS },
  });
}

export function forwardableHeaders(headers: IncomingHttpHeaders, drop: readonly string[] = []): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  const connectionListed = String(headers.connection ?? '').toLowerCase().split(',').map((h) => h.trim());
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || connectionListed.includes(name) || drop.includes(name)) continue;
    out[name] = value;
  }
  return out;
}

export function createUpstream(module: ModuleName, url: URL, timeoutMs: number, now: () => number = Date.now): Upstream {
  const https = url.protocol === 'https:';
  const agent = https ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  let failures = 0;
  let openUntil = 0;
  let probing = false;
  const base = url.pathname.replace(/\/$/, '');

  const failed = (): void => {
    failures += 1;
    probing = false;
    if (failures >= FAILURES_TO_OPEN) openUntil = now() + OPEN_MS;
  };
  const succeeded = (): void => {
    failures = 0;
    openUntil = 0;
    probing = false;
  };

  return {
    module,
    url,
    isOpen: () => openUntil > now(),
    send({ method, path, headers, body }) {
      if (openUntil > now() || (failures >= FAILURES_TO_OPEN && probing)) return Promise.reject(unavailable(module));
      if (failures >= FAILURES_TO_OPEN) probing = true;
      return new Promise((resolve, reject) => {
        const request = (https ? httpsRequest : httpRequest)({
          protocol: url.protocol,
          hostname: url.hostname,
          port: url.port,
          method,
          path: `${base}${path}`,
          headers,
          agent,
          timeout: timeoutMs,
        });
        let settled = false;
        const fail = (): void => {
          if (settled) return;
          settled = true;
          failed();
          body?.unpipe(request);
          reject(unavailable(module));
        };
        request.on('response', (response) => {
          settled = true;
          succeeded();
          resolve(response);
        });
        request.on('timeout', () => {
          fail();
          request.destroy();
        });
        request.on('error', fail);
        if (body) body.pipe(request);
        else request.end();
      });
    },
    close: () => agent.destroy(),
  };
}
