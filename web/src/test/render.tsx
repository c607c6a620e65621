import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { SessionProvider } from '../auth/session-provider.tsx';
import { LocaleProvider, type Locale } from '../i18n/i18n.tsx';
import { storeTokens } from '../api/session-tokens.ts';

// Component-test helpers. Components talk to the API through fetch; tests answer at that boundary with
// canned HTTP responses (status + JSON), so the real client, problem parsing and session code run.

export interface StubbedCall {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly headers: Headers;
}

type Answer = { status?: number; body?: unknown } | ((call: StubbedCall) => { status?: number; body?: unknown });

/**
 * Replaces global fetch: `routes` maps "GET /api/v1/caregivers/{id}"-style keys (path parameters as
 * `{name}` match one segment) to answers. Unmatched requests answer 404 problem+json. Returns the calls.
 */
export function stubApi(routes: Record<string, Answer>): StubbedCall[] {
  const calls: StubbedCall[] = [];
  const patterns = Object.entries(routes).map(([key, answer]) => {
    const [method, path = ''] = key.split(' ');
    const regex = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return { method, regex, answer };
  });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    const url = new URL(request.url, 'http://localhost');
    const text = request.method === 'GET' ? '' : await request.clone().text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const call: StubbedCall = { method: request.method, path: url.pathname, query: url.searchParams, body, headers: request.headers };
    calls.push(call);
    const match = patterns.find((p) => p.method === request.method && p.regex.test(url.pathname));
    const answer = match ? (typeof match.answer === 'function' ? match.answer(call) : match.answer) : { status: 404, body: { status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: 'not stubbed' } };
    const status = answer.status ?? 200;
    const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), { status, headers: { 'content-type': contentType } });
  });
  return calls;
}

/** Signs a test user in (the stubbed /users/me decides who). */
export function signIn(): void {
  storeTokens({ accessToken: 'test-access-token', refreshToken: 'test-refresh-token', expiresIn: 900 });
}

/** Renders `ui` inside the app's providers (locale fixed, session from the stubbed /users/me). */
export function renderWithProviders(ui: ReactElement, options: { locale?: Locale } = {}): RenderResult {
  return render(
    <LocaleProvider locale={options.locale ?? 'ko'}>
      <SessionProvider>{ui}</SessionProvider>
    </LocaleProvider>,
  );
}
