import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import type { RateLimiter } from './rate-limit.ts';
import type { Upstream } from './upstream.ts';
import { forwardableHeaders } from './upstream.ts';

// `/api/v1/ws` is passed through byte for byte: the gateway forwards the upgrade request to the upstream that
// owns the socket (route-table.ts socketOwner), writes its 101 answer back, then pipes both sockets. Frames are
// not read here: the socket's first frame carries the user's own access token, which the service checks with
// identity's contract. Refusals before the upgrade are plain HTTP answers (429, 503, 404).

const WS_PATH = '/api/v1/ws';

function refuse(socket: Duplex, status: number, reason: string, extra: Record<string, string> = {}): void {
  const headers = Object.entries({ connection: 'close', 'content-length': '0', ...extra }).map(([k, v]) => `${k}: ${v}`).join('\r\n');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers}\r\n\r\n`);
}

function headLines(response: IncomingMessage): string {
  const lines = [`HTTP/1.1 ${response.statusCode} ${response.statusMessage}`];
  for (let i = 0; i < response.rawHeaders.length; i += 2) lines.push(`${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export function proxyWebSockets(
  server: Server,
  options: { upstream: Upstream | undefined; limiter: RateLimiter | undefined; clientIp: (request: IncomingMessage) => string; requestId: (request: IncomingMessage) => string },
): void {
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    void (async () => {
      if ((request.url ?? '').split('?')[0] !== WS_PATH) return refuse(socket, 404, 'Not Found');
      const upstream = options.upstream;
      if (!upstream || upstream.isOpen()) return refuse(socket, 503, 'Service Unavailable', { 'retry-after': '5' });
      if (options.limiter) {
        const decision = await options.limiter(options.clientIp(request));
        if (!decision.allowed) return refuse(socket, 429, 'Too Many Requests', { 'retry-after': String(decision.retryAfterSeconds) });
      }
      const url = upstream.url;
      const headers = { ...forwardableHeaders(request.headers), connection: 'Upgrade', upgrade: String(request.headers.upgrade ?? 'websocket'), 'x-request-id': options.requestId(request) };
      const outgoing = (url.protocol === 'https:' ? httpsRequest : httpRequest)({
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port,
        method: 'GET',
        path: `${url.pathname.replace(/\/$/, '')}${request.url ?? WS_PATH}`,
        headers,
        timeout: 10_000,
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', () => refuse(socket, 503, 'Service Unavailable', { 'retry-after': '5' }));
      outgoing.on('response', (response) => {
        // The upstream refused the upgrade with a plain answer: pass its status on.
        socket.end(headLines(response));
        response.resume();
      });
      outgoing.on('upgrade', (response, upstreamSocket, upstreamHead) => {
        upstreamSocket.on('error', () => socket.destroy());
        socket.on('close', () => upstreamSocket.destroy());
        upstreamSocket.on('close', () => socket.destroy());
        socket.write(headLines(response));
        if (upstreamHead.length > 0) socket.write(upstreamHead);
        if (head.length > 0) upstreamSocket.write(head);
        upstreamSocket.pipe(socket).pipe(upstreamSocket);
      });
      outgoing.end();
    })().catch(() => socket.destroy());
  });
}
