import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { clearSession } from '../api/session-tokens.ts';
import { LoginPage } from './login-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

function stubLogin(preferredLanguage: string) {
  stubApi({
    'POST /api/v1/auth/login': { body: { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900 } },
    'GET /api/v1/users/me': { body: { id: 'u1', email: 'g@example.com', name: 'G', phone: null, role: 'GUARDIAN', preferredLanguage } },
  });
}

async function logIn(emailLabel: RegExp, passwordLabel: RegExp, button: string) {
  await userEvent.type(screen.getByLabelText(emailLabel), 'g@example.com');
  await userEvent.type(screen.getByLabelText(passwordLabel), 'long enough password');
  await userEvent.click(screen.getByRole('button', { name: button }));
}

describe('the language after logging in', () => {
  it("follows the account's preferred language when none was picked in this browser", async () => {
    stubLogin('en');
    renderWithProviders(<LoginPage />, { locale: 'ko' });
    await logIn(/이메일/, /비밀번호/, '로그인');
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('keeps a language picked in this browser', async () => {
    localStorage.setItem('carenest.locale', 'en');
    window.history.replaceState(null, '', '/login');
    stubLogin('ko');
    renderWithProviders(<LoginPage />, { locale: 'en' });
    await logIn(/Email/, /Password/, 'Log in');
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('the device token (decision 0020)', () => {
  it('keeps the login’s deviceToken for the account and sends it back on the next login, also after signing out', async () => {
    localStorage.clear();
    const calls = stubApi({
      'POST /api/v1/auth/login': { body: { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, deviceToken: 'device-1' } },
      'GET /api/v1/users/me': { body: { id: 'u1', email: 'g@example.com', name: 'G', phone: null, role: 'GUARDIAN', preferredLanguage: 'ko' } },
    });
    const first = renderWithProviders(<LoginPage />, { locale: 'ko' });
    await logIn(/이메일/, /비밀번호/, '로그인');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/users/me')).toBe(true));
    expect(calls[0]!.headers.get('x-device-token')).toBeNull();
    clearSession();
    first.unmount();
    window.history.replaceState(null, '', '/login');
    renderWithProviders(<LoginPage />, { locale: 'ko' });
    await logIn(/이메일/, /비밀번호/, '로그인');
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/auth/login')).toHaveLength(2));
    expect(calls.filter((c) => c.path === '/api/v1/auth/login')[1]!.headers.get('x-device-token')).toBe('device-1');
  });
});
