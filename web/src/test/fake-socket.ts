import { act } from '@testing-library/react';
import { afterEach, beforeAll, vi } from 'vitest';
import { startLive } from '../api/live.ts';
import { signIn } from './render.tsx';

// A WebSocket stand-in for the app's real live connection (api/live.ts): tests push server frames with
// `emit` and read what the app sent in `sent`.

export class FakeSocket {
  static OPEN = 1;
  static last: FakeSocket | undefined;
  readyState = 1;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | undefined;
  onmessage: ((event: { data: string }) => void) | undefined;
  onclose: (() => void) | undefined;
  constructor(readonly url: string) {
    FakeSocket.last = this;
    setTimeout(() => this.onopen?.());
  }
  authenticated = false;
  send(data: string): void {
    const frame = JSON.parse(data) as Record<string, unknown>;
    if (frame.type === 'auth') this.authenticated = true;
    this.sent.push(frame);
  }
  close(): void {}
  emit(frame: unknown): void {
    act(() => this.onmessage?.({ data: JSON.stringify(frame) }));
  }
  drop(): void {
    this.readyState = 3;
    act(() => this.onclose?.());
  }
  framesOf(type: string) {
    return this.sent.filter((f) => f.type === type);
  }
}

/** Signed in, with the app's live connection on a FakeSocket (one per tab, kept across tests); each test starts at `/`. */
export function withLiveSocket(): void {
  beforeAll(() => {
    vi.stubGlobal('WebSocket', FakeSocket);
    signIn();
    startLive();
  });
  afterEach(() => {
    window.history.replaceState(null, '', '/');
  });
}
