// Who is calling, whatever the call came through (HTTP, WebSocket, a test): use cases take an Actor and
// never import HTTP. The HTTP side (routes' access rules, bearer tokens) is in http/access.ts.

export const ROLES = ['GUARDIAN', 'CAREGIVER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly userId: string;
  readonly role: Role;
  /** The access token's id, for logout. */
  readonly tokenId: string;
  /** When the access token expires (epoch seconds). */
  readonly expiresAt: number;
  /** The sign-in session (refresh-token family) the token belongs to, when the verifier knows it. */
  readonly sessionId?: string;
}

/** Checks a bearer token: signature, expiry, denylist, account state. Provided by the identity module. */
export type AccessTokenVerifier = (token: string) => Promise<Actor>;
