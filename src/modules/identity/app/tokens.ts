import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Clock } from '../../../platform/clock.ts';
import { AppError, unauthenticated } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Role } from '../contract.ts';
import { createVerifiedTokens } from './verified-tokens.ts';

// Short-lived signed access tokens (HS256 JWT with a jti) and opaque refresh tokens stored hashed.

const ISSUER = 'carenest';
const AUDIENCE = 'carenest-api';
const DEVICE_AUDIENCE = 'carenest-device';

export interface AccessClaims {
  readonly userId: string;
  readonly role: Role;
  readonly tokenId: string;
  /** The refresh-token family (login session) this access token belongs to. */
  readonly sessionId: string;
  /** Issue instant in ms (JWT iat is whole seconds, too coarse for revocation). */
  readonly issuedAtMs: number;
  readonly expiresAt: number;
}

export interface TokenService {
  readonly accessTtlMs: number;
  readonly refreshTtlMs: number;
  issueAccess(user: { id: string; role: Role }, sessionId: string): Promise<{ token: string; expiresIn: number }>;
  verifyAccess(token: string): Promise<AccessClaims>;
  /** A signed "known device" token for the user (decision 0020): proof of an earlier successful login. */
  issueDevice(userId: string): Promise<string>;
  /** The user a device token was issued to; undefined when it is not valid (forged, expired, malformed). */
  verifyDevice(token: string): Promise<string | undefined>;
}

export function createTokenService(options: {
  secret: string;
  accessTtlMs: number;
  refreshTtlMs: number;
  deviceTtlMs: number;
  clock: Clock;
}): TokenService {
  const key = new TextEncoder().encode(options.secret);
  const verified = createVerifiedTokens<AccessClaims>(10_000);
  return {
    accessTtlMs: options.accessTtlMs,
    refreshTtlMs: options.refreshTtlMs,
    async issueAccess(user, sessionId) {
      const now = options.clock.now().getTime();
      const expiresIn = Math.floor(options.accessTtlMs / 1000);
      const token = await new SignJWT({ role: user.role, sid: sessionId, iatms: now })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(user.id)
        .setJti(newId())
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(Math.floor(now / 1000))
        .setExpirationTime(Math.floor(now / 1000) + expiresIn)
        .sign(key);
      return { token, expiresIn };
    },
    async verifyAccess(token) {
      const known = verified.get(token, options.clock.now().getTime());
      if (known !== undefined) return known;
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: options.clock.now(),
          requiredClaims: ['sub', 'jti', 'exp', 'iat'],
        });
        const { role, sid, iatms } = payload as { role?: unknown; sid?: unknown; iatms?: unknown };
        if (
          (role !== 'GUARDIAN' && role !== 'CAREGIVER' && role !== 'ADMIN') ||
          typeof sid !== 'string' ||
          typeof iatms !== 'number'
        ) {
          throw unauthenticated('INVALID_TOKEN', 'The access token is not valid');
        }
        const claims: AccessClaims = {
          userId: payload.sub!,
          role,
          tokenId: payload.jti!,
          sessionId: sid,
          issuedAtMs: iatms,
          expiresAt: payload.exp!,
        };
        verified.set(token, claims);
        return claims;
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof joseErrors.JWTExpired) throw unauthenticated('TOKEN_EXPIRED', 'The access token has expired');
        throw unauthenticated('INVALID_TOKEN', 'The access token is not valid');
      }
    },
    async issueDevice(userId) {
      const now = Math.floor(options.clock.now().getTime() / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(DEVICE_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + Math.floor(options.deviceTtlMs / 1000))
        .sign(key);
    },
    async verifyDevice(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: DEVICE_AUDIENCE,
          currentDate: options.clock.now(),
          requiredClaims: ['sub', 'exp'],
        });
        return payload.sub;
      } catch {
        return undefined;
      }
    },
  };
}

/** A new opaque refresh token (256 random bits) and the hash that is stored in its place. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
