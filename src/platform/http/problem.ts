import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorKind, type FieldError } from '../errors.ts';

// Every error leaves as RFC 9457 problem+json with a stable `code`. Internals never leave the process:
// a 5xx says only that something went wrong and which request id to quote.

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: readonly FieldError[];
  [extra: string]: unknown;
}

export function problem(status: number, code: string, detail: string, errors?: readonly FieldError[]): Problem {
  return {
    type: `urn:carenest:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

function fieldName(error: { instancePath?: string; params?: Record<string, unknown> }, part: string | undefined): string {
  const path = (error.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const missing = error.params?.missingProperty ?? error.params?.additionalProperty;
  const name = [path, typeof missing === 'string' ? missing : ''].filter(Boolean).join('.');
  return name || part || 'body';
}

/** Maps Fastify's own errors (validation, parsing, limits) to problems with stable codes. */
function fromFastifyError(error: FastifyError): Problem | undefined {
  if (error.validation) {
    const part = error.validationContext;
    const errors = error.validation.map((v) => ({
      field: fieldName(v as never, part),
      message:
        v.keyword === 'additionalProperties'
          ? 'is not an accepted field'
          : v.keyword === 'required'
            ? 'is required'
            : (v.message ?? 'is invalid'),
      keyword: v.keyword,
      params: v.params ?? {},
    }));
    return problem(400, 'VALIDATION_FAILED', `The ${part ?? 'request'} is not valid`, errors);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than allowed');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'BAD_REQUEST', 'The Content-Length header does not match the body');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send this as multipart/form-data');
    case 'FST_MP_PREMATURE_CLOSE':
      return problem(400, 'MALFORMED_MULTIPART', 'The multipart/form-data body ended early');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(400, 'VALIDATION_FAILED', 'The request is not valid', [{ field: 'params', message: `each path segment is at most ${MAX_PARAM_LENGTH} characters` }]);
    case 'FST_ERR_BAD_URL':
      return problem(400, 'BAD_REQUEST', 'The URL is not valid');
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return problem(413, 'PAYLOAD_TOO_LARGE', 'Too many parts in the upload');
  }
  if (error.statusCode === 400 && error instanceof SyntaxError) {
    return problem(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
  }
  return undefined;
}

// Safety nets for input that got past validation (the causes are fixed there: input-rules.ts). A database data
// exception (SQLSTATE class 22: invalid text representation, value out of range, U+0000 in text...) is the caller's
// input, not our failure; so is a multipart body the parser cannot read (busboy throws plain Errors).
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;
export const DATA_EXCEPTION_DETAIL = 'A value in the request is malformed or out of range';
const MALFORMED_MULTIPART = /^Multipart: |multipart data|^Malformed (part header|content type)/;

function fromInputError(error: unknown): Problem | undefined {
  if (!(error instanceof Error) || (error as FastifyError).statusCode !== undefined) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && DATA_EXCEPTION.test(code)) {
    return problem(400, 'VALIDATION_FAILED', DATA_EXCEPTION_DETAIL);
  }
  if (MALFORMED_MULTIPART.test(error.message)) return problem(400, 'MALFORMED_MULTIPART', 'The multipart/form-data body cannot be read');
  return undefined;
}

export function toProblem(error: unknown): Problem {
  if (error instanceof AppError) {
    const body = problem(STATUS[error.kind], error.code, error.message, error.errors);
    return error.extra ? { ...error.extra, ...body } : body;
  }
  const known = fromFastifyError(error as FastifyError) ?? fromInputError(error);
  if (known) return known;
  const status = (error as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problem(status, 'BAD_REQUEST', 'The request could not be processed');
  }
  return problem(500, 'INTERNAL_ERROR', 'Something went wrong on our side. Quote the request id when reporting it.');
}

/** Fastify's `maxParamLength`: ids are uuids, and no path segment of ours is longer. */
export const MAX_PARAM_LENGTH = 100;

/**
 * Fastify's `frameworkErrors` option: errors the router meets before any route (a path segment longer than
 * MAX_PARAM_LENGTH, a URL that does not decode) answer problem+json too, without echoing the URL.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = toProblem(error);
  request.log.info({ code: body.code, status: body.status }, 'request refused');
  reply.header('x-request-id', request.id);
  return sendProblem(reply, { ...body, requestId: request.id });
}

/** The path of a URL for a message: at most 100 characters, so a long or hostile URL is not echoed whole. */
function shortPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.length > 100 ? `${path.slice(0, 100)}...` : path;
}

/** Answers a request no route matched with something other than a problem (the web app's index.html), or undefined. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

export function registerProblemHandlers(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const body = toProblem(error);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, status: body.status }, 'request refused');
    if (body.status === 401) reply.header('www-authenticate', 'Bearer');
    // A 429 or 503 that knows when to come back says so (RFC 9110 Retry-After), e.g. AppError extra.retryAfterSeconds.
    if (typeof body.retryAfterSeconds === 'number' && body.retryAfterSeconds > 0) reply.header('retry-after', String(Math.ceil(body.retryAfterSeconds)));
    return sendProblem(reply, { ...body, requestId: request.id });
  });
  app.setNotFoundHandler(
    (request, reply) =>
      fallback?.(request, reply) ??
      sendProblem(reply, problem(404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${shortPath(request.url)}`)),
  );
}
