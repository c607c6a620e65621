import { screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { LoginPage } from './login-page.tsx';
import { authMessages } from './messages.ts';
import { SignupPage } from './signup-page.tsx';

// Issue 13 item 5: a login asked for by a protected action says why, and `next` survives the way to
// sign-up and back (예약하기 → 로그인 → 회원가입 → the booking form).

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

it('says why the login appeared and keeps next on the sign-up link', () => {
  stubApi({});
  window.history.replaceState(null, '', '/login?next=%2Fbook%2Fc1');
  renderWithProviders(<LoginPage />);
  expect(screen.getByRole('status').textContent).toBe(authMessages.ko.login.reasonBook);
  expect(screen.getByRole('link', { name: authMessages.ko.login.signupLink }).getAttribute('href')).toBe('/signup?next=%2Fbook%2Fc1');
});

it('says "continue" for other protected pages, in English too', () => {
  stubApi({});
  window.history.replaceState(null, '', '/login?next=%2Freservations');
  renderWithProviders(<LoginPage />, { locale: 'en' });
  expect(screen.getByRole('status').textContent).toBe('Please log in to continue.');
});

it('shows no reason and plain links without next (or with an off-site next)', () => {
  stubApi({});
  window.history.replaceState(null, '', '/login?next=%2F%2Fevil.example');
  renderWithProviders(<LoginPage />);
  expect(screen.queryByRole('status')).toBeNull();
  expect(screen.getByRole('link', { name: authMessages.ko.login.signupLink }).getAttribute('href')).toBe('/signup');
});

it('keeps next on the sign-up page’s way back to the login', () => {
  stubApi({});
  window.history.replaceState(null, '', '/signup?next=%2Fbook%2Fc1');
  renderWithProviders(<SignupPage />);
  expect(screen.getByRole('link', { name: authMessages.ko.signup.loginLink }).getAttribute('href')).toBe('/login?next=%2Fbook%2Fc1');
});
