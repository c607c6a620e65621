import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { LoginPage, safeNext } from './login-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('LoginPage', () => {
  it('shows the localized message for wrong credentials and stays on the page', async () => {
    stubApi({ 'POST /api/v1/auth/login': { status: 401, body: { status: 401, code: 'INVALID_CREDENTIALS', title: 'Unauthorized', detail: 'Invalid email or password' } } });
    renderWithProviders(<LoginPage />);
    await userEvent.type(screen.getByLabelText(/이메일/), 'a@example.com');
    await userEvent.type(screen.getByLabelText(/비밀번호/), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: '로그인' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '이메일 또는 비밀번호가 올바르지 않습니다.');
    expect(window.location.pathname).toBe('/');
  });

  it('logs in and goes to the role home (a caregiver to /caregiver)', async () => {
    window.history.replaceState(null, '', '/login');
    const calls = stubApi({
      'POST /api/v1/auth/login': { body: { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900 } },
      'GET /api/v1/users/me': { body: { id: 'u1', email: 'c@example.com', name: 'C', phone: null, role: 'CAREGIVER', preferredLanguage: 'ko' } },
    });
    renderWithProviders(<LoginPage />, { locale: 'en' });
    await userEvent.type(screen.getByLabelText(/Email/), 'c@example.com');
    await userEvent.type(screen.getByLabelText(/Password/), 'long enough password');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(window.location.pathname).toBe('/caregiver'));
    expect(calls[0]?.body).toEqual({ email: 'c@example.com', password: 'long enough password' });
    expect(calls.find((c) => c.path === '/api/v1/users/me')?.headers.get('authorization')).toBe('Bearer a');
  });

  it('follows only same-site next paths', () => {
    expect(safeNext('/reservations/1')).toBe('/reservations/1');
    expect(safeNext('//evil.example')).toBeUndefined();
    expect(safeNext('https://evil.example')).toBeUndefined();
    expect(safeNext(null)).toBeUndefined();
  });
});
