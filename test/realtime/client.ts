import { WebSocket } from 'ws';
import type { ServerFrame } from '../../src/platform/realtime/frames.ts';

// A WebSocket client for tests: collects every frame and waits for the ones asked for.

export interface TestSocket {
  readonly ws: WebSocket;
  readonly frames: Record<string, unknown>[];
  /** Resolves with the first frame (already received or coming) that matches, or rejects after `timeoutMs`. */
  next(match: (frame: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  readonly closed: Promise<{ code: number; reason: string }>;
  send(frame: unknown): void;
}

export async function openSocket(url: string, options: { autoPong?: boolean } = {}): Promise<TestSocket> {
  const ws = new WebSocket(url, { autoPong: options.autoPong ?? true });
  const frames: Record<string, unknown>[] = [];
  const waiters = new Set<{ match: (frame: Record<string, unknown>) => boolean; resolve: (frame: Record<string, unknown>) => void }>();
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Record<string, unknown>;
    frames.push(frame);
    for (const waiter of waiters) {
      if (waiter.match(frame)) {
        waiters.delete(waiter);
        waiter.resolve(frame);
      }
    }
  });
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    frames,
    closed,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next(match, timeoutMs = 5_000) {
      const seen = frames.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (frame: Record<string, unknown>) => {
            clearTimeout(timer);
            resolve(frame);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames).slice(0, 500)}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}

/** Opens a socket and authenticates it with `token`, waiting for auth.ok. */
export async function openAuthenticated(url: string, token: string, options: { autoPong?: boolean } = {}): Promise<TestSocket> {
  const socket = await openSocket(url, options);
  socket.send({ type: 'auth', token });
  await socket.next((frame) => frame.type === 'auth.ok');
  return socket;
}

/** A well-formed notification frame (the shape frames.ts declares) with `id` and test `data`. */
/** The sockets a test file opens: `connect` authenticates one as `user`, `closeAll` (in afterAll) ends them all. */
export function socketsOf(url: () => string) {
  const open: TestSocket[] = [];
  return {
    track(socket: TestSocket): TestSocket {
      open.push(socket);
      return socket;
    },
    async connect(user: { accessToken: string }): Promise<TestSocket> {
      return this.track(await openAuthenticated(url(), user.accessToken));
    },
    closeAll(): void {
      for (const socket of open.splice(0)) socket.ws.terminate();
    },
  };
}

export function notificationFrame(id: string, data: Record<string, unknown> = {}): ServerFrame {
  return { type: 'notification', notification: { id, type: 'TEST', title: 'title', body: 'body', data, readAt: null, createdAt: '2026-05-01T00:00:00.000Z' } };
}

export function wsUrl(address: string): string {
  return `${address.replace(/^http/, 'ws')}/api/v1/ws`;
}

/** True when nothing matching arrives within `ms`. */
export async function nothingWithin(socket: TestSocket, match: (frame: Record<string, unknown>) => boolean, ms = 300): Promise<boolean> {
  return socket.next(match, ms).then(
    () => false,
    () => true,
  );
}
