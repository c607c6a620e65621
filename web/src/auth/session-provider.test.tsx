import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
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
