// Setting up what a browser test then looks at (accounts, profiles, bookings) straight through the API, the way
// a script would. Every account shares one password; a non-2xx answer throws with its body.

export const PASSWORD = 'correct horse battery staple';

export interface ApiCall {
  readonly method?: string;
  readonly body?: unknown;
  readonly form?: FormData;
  readonly token?: string;
}

export interface E2EApi {
  call<T>(path: string, options?: ApiCall): Promise<T>;
  /** An access token for an existing account. */
  logIn(email: string): Promise<string>;
  /** Signs up with the required consents (and `extra`: phone, adminSecret...), then logs in. */
  signUp(role: string, name: string, email: string, extra?: Record<string, unknown>): Promise<string>;
}

/** `baseUrl` is read at each call: servers start in beforeAll, after the test file has built its helpers. */
export function e2eApi(baseUrl: () => string): E2EApi {
  async function call<T>(path: string, options: ApiCall = {}): Promise<T> {
    const { method, body, form, token } = options;
    const response = await fetch(`${baseUrl()}/api/v1${path}`, {
      method: method ?? (body !== undefined || form ? 'POST' : 'GET'),
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : form ? { body: form } : {}),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const logIn = async (email: string): Promise<string> =>
    (await call<{ accessToken: string }>('/auth/login', { body: { email, password: PASSWORD } })).accessToken;
  async function signUp(role: string, name: string, email: string, extra: Record<string, unknown> = {}): Promise<string> {
    const consents = { terms: true, privacy: true, ...(role === 'CAREGIVER' ? { sensitive: true } : {}) };
    await call('/auth/signup', { body: { email, password: PASSWORD, name, role, consents, ...extra } });
    return logIn(email);
  }
  return { call, logIn, signUp };
}

/** Polls `check` every 150 ms until it holds; throws after `timeout` ms naming `what`. */
export async function until(what: string, check: () => Promise<boolean>, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
