import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { describeAccess } from './access.ts';
import { DOCS_CONTENT_SECURITY_POLICY } from './security-headers.ts';

// The OpenAPI 3.1 document is generated from the same schemas that validate and serialise each route.
export const ProblemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 9457 problem details; `code` is stable and machine-readable',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', examples: ['VALIDATION_FAILED'] },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string' },
          message: { type: 'string' },
          keyword: { type: 'string', description: 'The schema rule that failed (JSON Schema keyword), for localized messages', examples: ['format'] },
          params: { type: 'object', additionalProperties: true, description: "The rule's parameters", examples: [{ format: 'email' }] },
        },
      },
    },
    requestId: { type: 'string' },
  },
  required: ['type', 'title', 'status', 'detail', 'code'],
  additionalProperties: true,
} as const;

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  app.addSchema(ProblemSchema);
  // Each API route gets its access rule in the description, a bearer requirement when it needs one,
  // and the problem responses; done here so routes cannot forget it.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!route.url.startsWith('/api/') || access === undefined || route.schema?.hide) return;
    const schema = { ...(route.schema ?? {}) } as Record<string, unknown>;
    const who = `**Who:** ${describeAccess(access)}.`;
    schema.description = schema.description ? `${String(schema.description)}\n\n${who}` : who;
    if (access !== 'public') schema.security = [{ bearerAuth: [] }];
    schema.response = { '4xx': { $ref: 'Problem#' }, '5xx': { $ref: 'Problem#' }, ...(schema.response ?? {}) };
    route.schema = schema;
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CareNest API',
        version: '1.0.0',
        description:
          'Caregiver matching for families in Korea. Errors are application/problem+json with a stable `code`. ' +
          'Lists take `limit` (1-100, default 20) and `cursor`, and answer `{ items, nextCursor }`. ' +
          'Text must be well-formed Unicode without control characters (U+0000-U+001F, DEL); texts allowing more than ' +
          '200 characters may hold TAB, LF and CR. Dates and date-times take years 1900-9999. Else 400 `VALIDATION_FAILED` ' +
          'naming the field. An unreadable multipart body is 400 `MALFORMED_MULTIPART`; a path segment (an id) over 100 ' +
          'characters is 400 `VALIDATION_FAILED` (field `params`).',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  // No validator badge: it would send the document's address to validator.swagger.io (and need it in the CSP).
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, validatorUrl: null },
    staticCSP: DOCS_CONTENT_SECURITY_POLICY,
  });
}
