import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { verifyInternalCall } from '../internal-auth.ts';
import { decodeWire, encodeWire } from './codec.ts';
import type { RemoteContract } from './contract.ts';

// The serving side of contract calls (split mode): `POST /internal/v1/<module>/<method>` with `{ args }`,
// answered `{ result }`, or `{ error }` with the AppError's status. Only a valid call token signed with
// INTERNAL_SECRET gets an answer; anything else (no token, a user's token, an undeclared method, a module this
// process does not run) is the same 404 as an unknown path, so the endpoint reveals nothing. Outside /api/v1:
// no access rule, not in the public OpenAPI document.

export const INTERNAL_PREFIX = '/internal/v1';

export interface ServedContract {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly contract: RemoteContract<any, any>;
  /** The module's in-process api. */
  readonly api: object;
}

const STATUS: Partial<Record<AppError['kind'], number>> = {
  invalid: 400, unauthenticated: 401, payment_required: 402, forbidden: 403, not_found: 404, conflict: 409,
  too_large: 413, unsupported_media_type: 415, unprocessable: 422, too_many_requests: 429, unavailable: 503,
};

export function registerContractServer(app: FastifyInstance, options: { secret: string; served: readonly ServedContract[]; now?: () => number }): void {
  const now = options.now ?? Date.now;
  const byModule = new Map(options.served.map((served) => [served.contract.module, served]));
  app.post<{ Params: { module: string; method: string }; Body: { args?: unknown } }>(
    `${INTERNAL_PREFIX}/:module/:method`,
    {
      schema: { hide: true },
      // Before the body is read: a caller without a call token learns nothing, not even that the body was bad.
      onRequest: async (request, reply) => {
        const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
        if (token && (await verifyInternalCall(options.secret, token, now()))) return;
        reply.callNotFound();
        return reply;
      },
    },
    async (request, reply) => {
      const served = byModule.get(request.params.module);
      const { method } = request.params;
      const declared = served !== undefined && Object.hasOwn(served.contract.methods, method) ? served : undefined;
      const args = decodeWire(request.body?.args);
      const target = declared ? (declared.api as Record<string, unknown>)[method] : undefined;
      if (typeof target !== 'function' || !Array.isArray(args)) {
        reply.callNotFound();
        return reply;
      }
      try {
        const result: unknown = await Reflect.apply(target, declared?.api, args);
        return reply.send(result === undefined ? {} : { result: encodeWire(result) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const { kind, code, message, errors, extra } = error;
        return reply.code(STATUS[kind] ?? 500).send({ error: { kind, code, message, ...(errors ? { errors } : {}), ...(extra ? { extra: encodeWire(extra) } : {}) } });
      }
    },
  );
}
