// The session's tokens, below React (the API client and the live connection use them; the signed-in
// user for screens is auth/session-provider.tsx). The access token lives only in memory; the refresh
// token is kept in localStorage so a reload keeps the session (the API is bearer-only, so there is no
// cookie to fall back on). Refreshes are single-flight: concurrent 401s wait for one /auth/refresh,
// since refresh tokens rotate and a reused one revokes the whole family (API.md).

const REFRESH_KEY = 'carenest.refreshToken';
/** Per account (email, lower case): the login's deviceToken, sent back as X-Device-Token (decision 0020). */
const DEVICE_KEY = 'carenest.deviceTokens';

interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
}

type Listener = (signedIn: boolean) => void;

let accessToken: string | undefined;
let accessExpiresAt = 0;
let refreshing: Promise<string | undefined> | undefined;
const listeners = new Set<Listener>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function notify(): void {
  const signedIn = hasSession();
  for (const listener of listeners) listener(signedIn);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasSession(): boolean {
  return accessToken !== undefined || Boolean(storage()?.getItem(REFRESH_KEY));
}

export function storeTokens(tokens: Tokens): void {
  accessToken = tokens.accessToken;
  // Refresh a little before the server would refuse the token.
  accessExpiresAt = Date.now() + Math.max(0, tokens.expiresIn - 30) * 1000;
  storage()?.setItem(REFRESH_KEY, tokens.refreshToken);
  notify();
}

function deviceTokens(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(DEVICE_KEY) ?? '{}');
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The device token an earlier login of this account left in this browser: with it, the login counts as
 * from a known device and is let in even while someone else's wrong guesses hold the account's ceiling.
 * Kept across sign-out on purpose (it proves the device, not a session).
 */
export function deviceTokenFor(email: string): string | undefined {
  return deviceTokens()[email.trim().toLowerCase()];
}

export function rememberDevice(email: string, token: string): void {
  storage()?.setItem(DEVICE_KEY, JSON.stringify({ ...deviceTokens(), [email.trim().toLowerCase()]: token }));
}

export function clearSession(): void {
  accessToken = undefined;
  accessExpiresAt = 0;
  storage()?.removeItem(REFRESH_KEY);
  notify();
}

async function refresh(): Promise<string | undefined> {
  const refreshToken = storage()?.getItem(REFRESH_KEY);
  if (!refreshToken) return undefined;
  const response = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  if (!response.ok) {
    // Only a refusal ends the session; a network failure leaves it for the next try.
    if (response.status === 401 || response.status === 400) clearSession();
    return undefined;
  }
  const tokens = (await response.json()) as Tokens;
  storeTokens(tokens);
  return tokens.accessToken;
}

/** A valid access token (refreshed when needed), or undefined when nobody is signed in. */
export async function currentAccessToken(options: { forceRefresh?: boolean } = {}): Promise<string | undefined> {
  if (accessToken && !options.forceRefresh && Date.now() < accessExpiresAt) return accessToken;
  refreshing ??= refresh().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}
