import type { FastifyRequest } from 'fastify';
import type { AccessTokenVerifier, Actor, Role } from '../access.ts';
import { AppError } from '../errors.ts';

// Who may call a route. Every route under /api declares one of these in `config.access`;
// app.ts refuses to start with a route that declares nothing. Roles and actors: ../access.ts.

/** 'public': anyone; 'user': any signed-in user; a role list: signed-in users with one of them. */
export type Access = 'public' | 'user' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

export function describeAccess(access: Access): string {
  if (access === 'public') return 'anyone';
  if (access === 'user') return 'any signed-in user';
  return access.join(', ');
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** The signed-in caller; routes with an access rule other than 'public' always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'AUTHENTICATION_REQUIRED', 'Sign in first');
  return request.actor;
}

/** Enforces a route's access rule: sets request.actor, or throws 401/403. */
export async function authorize(request: FastifyRequest, access: Access, verify: AccessTokenVerifier): Promise<void> {
  const token = bearerToken(request);
  if (access === 'public') {
    // Public routes still learn who is asking when a valid token comes along (owners see more).
    request.actor = token ? await verify(token).catch(() => undefined) : undefined;
    return;
  }
  if (!token) throw new AppError('unauthenticated', 'AUTHENTICATION_REQUIRED', 'A bearer access token is required');
  const actor = await verify(token);
  if (access !== 'user' && !access.includes(actor.role)) {
    throw new AppError('forbidden', 'FORBIDDEN', `This action is for ${access.join(' or ')} accounts`);
  }
  request.actor = actor;
}
