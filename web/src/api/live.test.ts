import { afterAll, expect, it, vi } from 'vitest';
import { startLive, useLiveStatus } from './live.ts';
import { stubApi } from '../test/render.tsx';
import { renderHook, waitFor } from '@testing-library/react';

// Issue 13 item 4: the first token refresh announces the session, which asked for a second connection
// while the first was still awaiting its token; both connected and the bell counted every frame twice.

class CountingSocket {
  static OPEN = 1;
  static made: CountingSocket[] = [];
  readyState = 1;
  sent: string[] = [];
  onopen: (() => void) | undefined;
  onmessage: ((event: { data: string }) => void) | undefined;
  onclose: (() => void) | undefined;
  constructor(readonly url: string) {
    CountingSocket.made.push(this);
    setTimeout(() => this.onopen?.());
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {}
}

afterAll(() => {
  vi.unstubAllGlobals();
});

it('opens one socket when the session appears while the token is still being refreshed', async () => {
  vi.stubGlobal('WebSocket', CountingSocket);
  // A reload: only the refresh token is stored, so the first token comes from a (slow) refresh.
  localStorage.setItem('carenest.refreshToken', 'stored-refresh-token');
  const calls = stubApi({
    'POST /api/v1/auth/refresh': { body: { accessToken: 'fresh', refreshToken: 'rotated', expiresIn: 900 } },
  });
  startLive();
  startLive();
  const status = renderHook(() => useLiveStatus());
  await waitFor(() => expect(CountingSocket.made).toHaveLength(1));
  await waitFor(() => expect(CountingSocket.made[0]?.sent).toHaveLength(1));
  // A moment later there is still one socket and one refresh (refresh tokens rotate: a second would revoke).
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(CountingSocket.made).toHaveLength(1);
  expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
  expect(JSON.parse(CountingSocket.made[0]?.sent[0] ?? '{}')).toEqual({ type: 'auth', token: 'fresh' });
  CountingSocket.made[0]?.onmessage?.({ data: JSON.stringify({ type: 'auth.ok', userId: 'u1', role: 'GUARDIAN', expiresAt: new Date(Date.now() + 900_000).toISOString() }) });
  await waitFor(() => expect(status.result.current).toBe('live'));
});
