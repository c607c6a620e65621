import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoggerOptions } from 'pino';
import { serializeError } from './log-serializers.ts';

// pino options shared by the HTTP server and background work. Neither secrets nor personal data reach the log:
// - errors keep what tells what failed (type, message, code, stack, constraint, table...) and drop what
//   carried data (a database error's query, params, detail, where...): log-serializers.ts;
// - requests are logged as method, path (no query string), host and address: never headers or bodies;
// - any field named below is censored wherever it sits (up to three levels deep) as a second line of defence.
//   Ids (userId, reservationId, paymentId...) stay: they are what a log is read by.

/** Field names whose values are secrets or personal data; censored in every log line. */
export const REDACTED_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'tokens',
  'accessToken',
  'refreshToken',
  'adminSecret',
  'adminSignupSecret',
  'secret',
  'authorization',
  'cookie',
  'email',
  'phone',
  'phoneNumber',
  'address',
  'patient',
  'patientName',
  'cancelReason',
  'query',
  'params',
  'parameters',
  'detail',
] as const;

function redactPaths(): string[] {
  const paths = ['req.headers.authorization', 'req.headers.cookie'];
  for (const field of REDACTED_FIELDS) paths.push(field, `*.${field}`, `*.*.${field}`);
  return paths;
}

interface LoggedRequest {
  readonly method?: string;
  readonly url?: string;
  readonly host?: string;
  readonly ip?: string;
  readonly socket?: { readonly remotePort?: number };
}

/** A request in a log line: the path without its query string (which may carry search text or payment keys). */
export function serializeRequest(request: LoggedRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: request.url?.split('?')[0],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: { err: serializeError, error: serializeError, req: serializeRequest },
    redact: { paths: redactPaths(), censor: '[redacted]' },
  };
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Honours a well-formed incoming `x-request-id` (from a gateway or load balancer), else makes one. */
export function requestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
