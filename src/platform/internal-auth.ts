import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ROLES, type AccessTokenVerifier, type Actor } from './access.ts';
import { AppError, type ErrorKind } from './errors.ts';

// Split mode (docs/decisions/0027-split-mode.md): the gateway and the services trust each other through
// INTERNAL_SECRET, never through the network they share.
// - The gateway verifies a caller's access token once (identity's contract) and forwards the request with
//   `Authorization: Bearer <actor assertion>`: a short-lived HS256 token naming the actor, or the reason the
//   caller's token was refused. A service's verifier accepts that assertion, so routes keep their access rules
//   and answer exactly as one process would (a bad token on a public route is anonymous, on others its 401).
// - Contract calls between services carry a call token of their own (audience `carenest-internal-call`).
// Users' access tokens are signed with JWT_SECRET for another audience: they never pass for either.

const ISSUER = 'carenest-internal';
const ACTOR_AUDIENCE = 'carenest-internal-actor';
const CALL_AUDIENCE = 'carenest-internal-call';
/** How long an assertion lives: one forwarded request (and its retries) or one contract call. */
const LIFETIME_SECONDS = 60;
export const INTERNAL_SECRET_MIN_LENGTH = 32;

/** What the gateway found when it checked the caller's token. */
export type ActorAssertion =
  | { readonly actor: Actor }
  | { readonly refused: { readonly kind: ErrorKind; readonly code: string; readonly message: string } };

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/** A short-lived HS256 token for one audience: the assertions and the call tokens differ only in that and their claims. */
function signFor(secret: string, audience: string, claims: Record<string, unknown>, nowMs: number, subject?: string): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setAudience(audience);
  if (subject !== undefined) jwt.setSubject(subject);
  const now = Math.floor(nowMs / 1000);
  return jwt.setIssuedAt(now).setExpirationTime(now + LIFETIME_SECONDS).sign(keyOf(secret));
}

/** The claims of `token` when it is one of ours for `audience` and still valid, else undefined. */
async function claimsFor(secret: string, audience: string, token: string, nowMs: number): Promise<JWTPayload | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { issuer: ISSUER, audience, algorithms: ['HS256'], currentDate: new Date(nowMs) });
    return payload;
  } catch {
    return undefined;
  }
}

export function signActorAssertion(secret: string, assertion: ActorAssertion, nowMs: number): Promise<string> {
  return signFor(secret, ACTOR_AUDIENCE, { ...assertion }, nowMs);
}

/** The assertion in `token`, or undefined when it is not one signed with `secret` (e.g. a user's own token). */
export async function readActorAssertion(secret: string, token: string, nowMs: number): Promise<ActorAssertion | undefined> {
  const payload = await claimsFor(secret, ACTOR_AUDIENCE, token, nowMs);
  if (isActor(payload?.actor)) return { actor: payload.actor };
  if (isRefusal(payload?.refused)) return { refused: payload.refused };
  return undefined;
}

/**
 * A service's token verifier behind the gateway: the gateway's assertion when the token is one, otherwise the
 * caller's own token checked by `direct` (identity, in process or over its contract client), so a service
 * reached directly is no weaker than through the gateway.
 */
export function assertionAwareVerifier(secret: string, direct: AccessTokenVerifier, now: () => number): AccessTokenVerifier {
  return async (token) => {
    const assertion = await readActorAssertion(secret, token, now());
    if (!assertion) return direct(token);
    if ('actor' in assertion) return assertion.actor;
    throw new AppError(assertion.refused.kind, assertion.refused.code, assertion.refused.message);
  };
}

export function signInternalCall(secret: string, caller: string, nowMs: number): Promise<string> {
  return signFor(secret, CALL_AUDIENCE, {}, nowMs, caller);
}

/** The calling process's name when `token` is a valid call token, else undefined. */
export async function verifyInternalCall(secret: string, token: string, nowMs: number): Promise<string | undefined> {
  const payload = await claimsFor(secret, CALL_AUDIENCE, token, nowMs);
  return typeof payload?.sub === 'string' ? payload.sub : undefined;
}

function isActor(value: unknown): value is Actor {
  if (typeof value !== 'object' || value === null) return false;
  const actor = value as Record<string, unknown>;
  return (
    typeof actor.userId === 'string' &&
    (ROLES as readonly unknown[]).includes(actor.role) &&
    typeof actor.tokenId === 'string' &&
    typeof actor.expiresAt === 'number' &&
    (actor.sessionId === undefined || typeof actor.sessionId === 'string')
  );
}

function isRefusal(value: unknown): value is { kind: ErrorKind; code: string; message: string } {
  if (typeof value !== 'object' || value === null) return false;
  const refusal = value as Record<string, unknown>;
  return (
    (refusal.kind === 'unauthenticated' || refusal.kind === 'forbidden' || refusal.kind === 'unavailable') &&
    typeof refusal.code === 'string' &&
    typeof refusal.message === 'string'
  );
}
