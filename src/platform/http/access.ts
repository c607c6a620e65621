import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

// Who may call a route. Every route under /api declares one of these in `config.access`;
// app.ts refuses to start with a route that declares nothing.
export const ROLES = ['GUARDIAN', 'CAREGIVER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** 'public': anyone; 'user': any signed-in user; a role list: signed-in users with one of them. */
export type Access = 'public' | 'user' | readonly Role[];

export interface Actor {
  readonly userId: string;
  readonly role: Role;
  /** The access token's id, for logout. */
  readonly tokenId: string;
  /** When the access token expires (epoch seconds). */
  readonly expiresAt: number;
}

/** Checks a bearer token: signature, expiry, denylist, account state. Provided by the identity module. */
export type AccessTokenVerifier = (token: string) => Promise<Actor>;

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
