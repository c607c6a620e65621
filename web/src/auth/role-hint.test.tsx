import { screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { clearSession } from '../api/session-tokens.ts';
import { caregiverUser } from '../test/fixtures.ts';
import { renderWithProviders, signIn, stubApi } from '../test/render.tsx';
import { roleHint, useSession } from './session-provider.tsx';

// Issue 13 item 14: the role of the last signed-in user is remembered as a hint, so the app can render that
// role's page (loading its code and data) while the token refresh and /users/me are still on their way.

afterEach(() => {
  vi.unstubAllGlobals();
  clearSession();
});

function Who() {
  const { status, user } = useSession();
  return <p>{status === 'signed-in' ? user?.role : status}</p>;
}

it('remembers the role once /users/me answered, and forgets it when the session ends', async () => {
  stubApi({ 'GET /api/v1/users/me': { body: caregiverUser } });
  expect(roleHint()).toBeUndefined();
  signIn();
  renderWithProviders(<Who />);
  await screen.findByText('CAREGIVER');
  expect(roleHint()).toBe('CAREGIVER');
  clearSession();
  await screen.findByText('anonymous');
  await waitFor(() => expect(roleHint()).toBeUndefined());
});

it('gives no hint without a session, whatever is stored', () => {
  localStorage.setItem('carenest.sessionRole', 'ADMIN');
  expect(roleHint()).toBeUndefined();
});
