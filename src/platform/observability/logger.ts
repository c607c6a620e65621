import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoggerOptions } from 'pino';

// pino options shared by the HTTP server and background work. Secrets never reach the log.
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.refreshToken',
        '*.accessToken',
        '*.adminSecret',
      ],
      censor: '[redacted]',
    },
  };
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Honours a well-formed incoming `x-request-id` (from a gateway or load balancer), else makes one. */
export function requestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
