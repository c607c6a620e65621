import { useEffect, useRef, useState } from 'react';
import { isLiveFrame, type ClientFrame, type LiveFrame } from '../../../src/platform/realtime/frames.ts';
import { currentAccessToken, hasSession, onSessionChange } from './session-tokens.ts';

// One WebSocket to /api/v1/ws per tab while someone is signed in (API.md "Notifications and real time").
// It authenticates with the first frame, reconnects with backoff (a fresh token each time: the server
// closes with 4401 when the token expires) and hands frames to whoever subscribed. The frames are the
// server's own schemas (src/platform/realtime/frames.ts); one that does not match them is dropped.

export type { LiveFrame };

export type LiveStatus = 'offline' | 'connecting' | 'live';

type FrameListener = (frame: LiveFrame) => void;
type StatusListener = (status: LiveStatus) => void;

const frameListeners = new Set<FrameListener>();
const statusListeners = new Set<StatusListener>();
let socket: WebSocket | undefined;
/** The connection being opened (awaiting its token), shared by every caller meanwhile. */
let pending: Promise<void> | undefined;
let status: LiveStatus = 'offline';
let attempts = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let pingTimer: ReturnType<typeof setInterval> | undefined;
let wanted = false;

function setStatus(next: LiveStatus): void {
  status = next;
  for (const listener of statusListeners) listener(next);
}

function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/api/v1/ws`;
}

function scheduleReconnect(): void {
  if (!wanted || retryTimer) return;
  const delay = Math.min(30_000, 500 * 2 ** attempts) * (0.5 + Math.random() / 2);
  attempts += 1;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    void open();
  }, delay);
}

/**
 * Opens the tab's one connection. The pending attempt is recorded before the token is awaited: the first
 * token refresh announces the session (onSessionChange), which calls this again while the first call is
 * still waiting, and two callers must share one socket (two sockets delivered every frame twice).
 */
function open(): Promise<void> {
  if (!wanted || socket) return Promise.resolve();
  pending ??= connect().finally(() => {
    pending = undefined;
  });
  return pending;
}

async function connect(): Promise<void> {
  setStatus('connecting');
  let token: string | undefined;
  try {
    token = await currentAccessToken();
  } catch {
    // A network failure: try again later.
    setStatus('offline');
    return scheduleReconnect();
  }
  if (!token || !wanted || socket) return setStatus(socket ? status : 'offline');
  const ws = new WebSocket(socketUrl());
  socket = ws;
  ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token } satisfies ClientFrame));
  ws.onmessage = (event) => {
    let frame: unknown;
    try {
      frame = JSON.parse(String(event.data));
    } catch {
      return;
    }
    if (!isLiveFrame(frame)) return;
    if (frame.type === 'auth.ok') {
      attempts = 0;
      setStatus('live');
      pingTimer = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ type: 'ping' } satisfies ClientFrame)), 25_000);
    }
    for (const listener of frameListeners) listener(frame);
  };
  ws.onclose = () => {
    clearInterval(pingTimer);
    if (socket === ws) socket = undefined;
    setStatus('offline');
    scheduleReconnect();
  };
}

function close(): void {
  wanted = false;
  clearTimeout(retryTimer);
  retryTimer = undefined;
  socket?.close(1000, 'signed out');
  socket = undefined;
  setStatus('offline');
}

function ensureConnection(): void {
  if (typeof WebSocket === 'undefined') return;
  if (hasSession()) {
    wanted = true;
    void open();
  } else close();
}

let started = false;
/** Opens the connection while signed in (called once by the app shell). */
export function startLive(): void {
  if (started) return;
  started = true;
  onSessionChange(ensureConnection);
  ensureConnection();
}

/**
 * Sends a client frame (chat.send, chat.read) when the connection is live; false otherwise, so the caller
 * can use the REST route instead. Delivery is not confirmed here: chat.send is answered by chat.ack.
 */
export function sendFrame(frame: ClientFrame): boolean {
  if (status !== 'live' || !socket || socket.readyState !== WebSocket.OPEN) return false;
  socket.send(JSON.stringify(frame));
  return true;
}

/** Calls `listener` with every server frame while the component is mounted. */
export function useLiveFrames(listener: FrameListener): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    const forward: FrameListener = (frame) => latest.current(frame);
    frameListeners.add(forward);
    return () => {
      frameListeners.delete(forward);
    };
  }, []);
}

/** The connection state, for a "live" indicator. */
export function useLiveStatus(): LiveStatus {
  const [current, setCurrent] = useState(status);
  useEffect(() => {
    statusListeners.add(setCurrent);
    return () => {
      statusListeners.delete(setCurrent);
    };
  }, []);
  return current;
}
