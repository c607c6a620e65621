import type { FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import type { Registry } from 'prom-client';
import type { RawData, WebSocket } from 'ws';
import type { Clock } from '../clock.ts';
import type { Actor, AccessTokenVerifier } from '../access.ts';
import { AppError } from '../errors.ts';
import { problem, sendProblem } from '../http/problem.ts';
import { disconnectReason, realtimeMetrics } from '../observability/realtime-metrics.ts';
import type { LocalRealtime } from './local-realtime.ts';
import { AuthFrame, matchesFrame, type ControlFrame, type ServerFrame } from './frames.ts';
import type { SocketFrameHandler, SocketFrameHandlers } from './socket-frames.ts';

// GET (upgrade) /api/v1/ws. The HTTP upgrade is public; the client proves who it is with its first
// frame `{"type":"auth","token":"<accessToken>"}` within `authTimeoutMs`, else the socket closes 4401.
// An authenticated connection is registered in the local hub and receives the frames published to its
// user (and the admin feed for admins) until it closes, its token expires (4401), it stops answering
// pings, the hub is told to disconnect its user or session (suspension, withdrawal, logout: 4401), it lets its send buffer grow past `maxBufferedBytes` (1013: a slow client is dropped, the
// server keeps its memory) or it keeps sending bad frames (1008). Frames above `maxFrameBytes` close 1009.
// Client frames other than auth and ping go to the module that registered their type (Module.socketFrames),
// checked against the handler's schema first, one at a time per connection (a client's sends keep their order).

export const CLOSE_CODES = {
  goingAway: 1001,
  policyViolation: 1008,
  tooBig: 1009,
  tryAgainLater: 1013,
  unauthenticated: 4401,
} as const;

export interface WebSocketOptions {
  /** How long a new connection has to send its auth frame. */
  readonly authTimeoutMs: number;
  /** Ping interval; a connection that has not answered the previous ping is terminated. */
  readonly heartbeatMs: number;
  /** Largest client frame accepted (bigger closes 1009). */
  readonly maxFrameBytes: number;
  /** Bytes a connection may have queued and unsent before it is dropped as too slow (1013). */
  readonly maxBufferedBytes: number;
  /** Bad frames tolerated (each answered with an error frame) before the connection is closed 1008. */
  readonly maxBadFrames: number;
}

export const DEFAULT_WEBSOCKET_OPTIONS: WebSocketOptions = {
  authTimeoutMs: 5_000,
  heartbeatMs: 30_000,
  maxFrameBytes: 64 * 1024,
  maxBufferedBytes: 1024 * 1024,
  maxBadFrames: 10,
};

export interface RealtimeRouteDependencies {
  readonly path: string;
  readonly hub: LocalRealtime;
  readonly verifyAccessToken: AccessTokenVerifier;
  readonly clock: Clock;
  /** Client frames modules answer (chat.send, chat.read), by type. */
  readonly frameHandlers?: SocketFrameHandlers;
  readonly options?: Partial<WebSocketOptions>;
  /** Where connections, frames and disconnects are counted. */
  readonly metrics?: Registry;
}

const OPEN = 1;
// setTimeout takes at most a signed 32-bit delay.
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Connection {
  readonly socket: WebSocket;
  alive: boolean;
  /** Set when the server ended it: the close code it sent, or 1006 for a missed heartbeat. */
  closedWith?: number;
}

export async function registerRealtimeRoute(app: FastifyInstance, deps: RealtimeRouteDependencies): Promise<void> {
  const options: WebSocketOptions = { ...DEFAULT_WEBSOCKET_OPTIONS, ...deps.options };
  const { hub, verifyAccessToken, clock } = deps;
  const handlers = deps.frameHandlers ?? {};
  const handlerOf = (type: string): SocketFrameHandler | undefined => (Object.hasOwn(handlers, type) ? handlers[type] : undefined);
  const metrics = realtimeMetrics(deps.metrics);
  const countIn = (type: string): void => metrics.frames.inc({ direction: 'in', type });
  const countOut = (frame: ControlFrame | ServerFrame): void => metrics.frames.inc({ direction: 'out', type: frame.type });
  await app.register(websocket, { options: { maxPayload: options.maxFrameBytes } });

  // One timer pings every connection; a connection that missed the previous pong is cut.
  const connections = new Set<Connection>();
  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        connection.closedWith ??= 0;
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }, options.heartbeatMs);
  heartbeat.unref();
  app.addHook('onClose', async () => clearInterval(heartbeat));

  // A frame sent to many connections is serialised once.
  const serialised = new WeakMap<object, string>();
  const serialise = (frame: ServerFrame): string => {
    let text = serialised.get(frame);
    if (text === undefined) {
      text = JSON.stringify(frame);
      serialised.set(frame, text);
    }
    return text;
  };

  function accept(socket: WebSocket): void {
    const connection: Connection = { socket, alive: true };
    connections.add(connection);
    metrics.connections.inc();
    let state: 'waiting' | 'authenticating' | 'open' | 'closed' = 'waiting';
    let badFrames = 0;
    let unsubscribe: (() => void) | undefined;
    let expiry: NodeJS.Timeout | undefined;
    let kill: NodeJS.Timeout | undefined;
    let actor: Actor | undefined;
    // Module frames run one after the other, so a client's chat.send frames are stored in the order sent.
    let work: Promise<void> = Promise.resolve();

    const close = (code: number, reason: string): void => {
      if (state === 'closed') return;
      state = 'closed';
      connection.closedWith ??= code;
      cleanup();
      socket.close(code, reason);
      // A peer that does not read never acknowledges the close either: cut it soon.
      kill = setTimeout(() => socket.terminate(), 1_000);
      kill.unref();
    };
    const cleanup = (): void => {
      clearTimeout(authTimer);
      clearTimeout(expiry);
      unsubscribe?.();
      unsubscribe = undefined;
      connections.delete(connection);
    };
    const authTimer = setTimeout(() => close(CLOSE_CODES.unauthenticated, 'authentication timeout'), options.authTimeoutMs);

    const send = (frame: ControlFrame | ServerFrame): void => {
      if (socket.readyState !== OPEN) return;
      countOut(frame);
      socket.send(JSON.stringify(frame));
    };
    const deliver = (frame: ServerFrame): void => {
      if (state !== 'open' || socket.readyState !== OPEN) return;
      if (socket.bufferedAmount > options.maxBufferedBytes) {
        close(CLOSE_CODES.tryAgainLater, 'send buffer full: the client reads too slowly');
        return;
      }
      countOut(frame);
      socket.send(serialise(frame));
    };
    const reject = (code: string, message: string): void => {
      if (state === 'waiting' || state === 'authenticating') {
        send({ type: 'error', code, message });
        close(CLOSE_CODES.unauthenticated, 'the first frame must be {"type":"auth","token":...}');
        return;
      }
      badFrames += 1;
      send({ type: 'error', code, message });
      if (badFrames > options.maxBadFrames) close(CLOSE_CODES.policyViolation, 'too many bad frames');
    };

    // A module's answer: its frames to this socket, or an error frame with its AppError's code (not counted
    // as a bad frame: the frame was well formed, what it asked for was refused).
    const dispatch = (handler: SocketFrameHandler, who: Actor, frame: unknown): void => {
      work = work.then(async () => {
        try {
          for (const answer of await handler.handle(who, frame)) deliver(answer);
        } catch (error) {
          if (error instanceof AppError) send({ type: 'error', code: error.code, message: error.message });
          else {
            app.log.error({ err: error }, 'a WebSocket frame handler failed');
            send({ type: 'error', code: 'INTERNAL_ERROR', message: 'The frame could not be handled; try again' });
          }
        }
      });
    };

    const authenticate = (token: string): void => {
      state = 'authenticating';
      verifyAccessToken(token).then(
        (verified) => {
          actor = verified;
          if (state !== 'authenticating') return;
          const remainingMs = actor.expiresAt * 1000 - clock.now().getTime();
          if (remainingMs <= 0) {
            close(CLOSE_CODES.unauthenticated, 'access token expired');
            return;
          }
          clearTimeout(authTimer);
          expiry = setTimeout(() => close(CLOSE_CODES.unauthenticated, 'access token expired'), Math.min(remainingMs, MAX_TIMER_MS));
          expiry.unref();
          state = 'open';
          unsubscribe = hub.subscribe(actor.userId, actor.role === 'ADMIN', deliver, {
            sessionId: actor.sessionId,
            disconnect: (reason) => close(CLOSE_CODES.unauthenticated, reason),
          });
          send({ type: 'auth.ok', userId: actor.userId, role: actor.role, expiresAt: new Date(actor.expiresAt * 1000).toISOString() });
        },
        () => close(CLOSE_CODES.unauthenticated, 'invalid access token'),
      );
    };

    const onMessage = (data: RawData, isBinary: boolean): void => {
      if (state === 'closed') return;
      if (isBinary) return reject('INVALID_FRAME', 'Frames are JSON text, not binary');
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return reject('INVALID_JSON', 'A frame must be a JSON object');
      }
      if (typeof frame !== 'object' || frame === null || Array.isArray(frame) || typeof (frame as { type?: unknown }).type !== 'string') {
        return reject('INVALID_FRAME', 'A frame must be a JSON object with a string "type"');
      }
      if (state === 'waiting') {
        if (!matchesFrame(AuthFrame, frame)) {
          return reject('AUTHENTICATION_REQUIRED', 'The first frame must be {"type":"auth","token":"<accessToken>"}');
        }
        countIn('auth');
        return authenticate(frame.token);
      }
      const { type } = frame as { type: string };
      countIn(type === 'ping' || type === 'auth' || handlerOf(type) ? type : 'invalid');
      if (state === 'authenticating') return reject('AUTHENTICATION_PENDING', 'Wait for auth.ok before sending frames');
      switch (type) {
        case 'ping':
          return send({ type: 'pong' });
        case 'auth':
          return reject('ALREADY_AUTHENTICATED', 'This connection is authenticated already');
        default: {
          const handler = handlerOf(type);
          if (!handler || !actor) return reject('UNKNOWN_TYPE', `Unknown frame type "${type.slice(0, 50)}"`);
          if (!matchesFrame(handler.schema, frame)) return reject('INVALID_FRAME', `A "${type}" frame is missing fields or has wrong ones`);
          return dispatch(handler, actor, frame);
        }
      }
    };

    socket.on('message', onMessage);
    socket.on('pong', () => {
      connection.alive = true;
    });
    // Oversized frames and protocol errors surface here; ws closes the socket itself (1009, 1002).
    socket.on('error', () => {});
    socket.on('close', (code: number) => {
      metrics.connections.dec();
      const server = connection.closedWith === 0 ? undefined : connection.closedWith;
      metrics.disconnects.inc({ reason: connection.closedWith === 0 ? 'heartbeat' : disconnectReason(server, code) });
      state = 'closed';
      clearTimeout(kill);
      cleanup();
    });
  }

  app.route({
    method: 'GET',
    url: deps.path,
    config: { access: 'public' },
    schema: {
      summary: 'WebSocket: real-time frames. Send {"type":"auth","token":"<accessToken>"} first, within 5 s.',
      tags: ['notifications'],
    },
    // A plain GET (no upgrade) learns what to do instead of a bare 404.
    handler: (_request, reply) =>
      sendProblem(reply.header('upgrade', 'websocket'), {
        ...problem(426, 'UPGRADE_REQUIRED', 'This endpoint speaks WebSocket only'),
        title: 'Upgrade Required',
      }),
    wsHandler: (socket) => accept(socket),
  });
}
