import { Counter, Gauge, type Registry } from 'prom-client';
import { oncePerRegistry } from './shared.ts';

// WebSocket metrics. Labels are bounded: frame types are the server's own or the ones handlers declare
// (anything else a client sends counts as "invalid"), and a disconnect's reason is one of a short list.

export type DisconnectReason = 'client' | 'unauthenticated' | 'slow_client' | 'policy' | 'heartbeat' | 'too_big' | 'abnormal' | 'server';

export interface RealtimeMetrics {
  readonly connections: Gauge;
  readonly frames: Counter<'direction' | 'type'>;
  readonly disconnects: Counter<'reason'>;
}

export function realtimeMetrics(registry: Registry | undefined): RealtimeMetrics {
  return oncePerRegistry(registry, 'realtime', (registers) => ({
    connections: new Gauge({ name: 'websocket_connections', help: 'Open WebSocket connections on this process', registers }),
    frames: new Counter({
      name: 'websocket_frames_total',
      help: 'WebSocket frames by direction (in, out) and frame type',
      labelNames: ['direction', 'type'] as const,
      registers,
    }),
    disconnects: new Counter({
      name: 'websocket_disconnects_total',
      help: 'WebSocket connections ended, by reason (client, unauthenticated, slow_client, policy, heartbeat, too_big, abnormal, server)',
      labelNames: ['reason'] as const,
      registers,
    }),
  }));
}

/** The reason a connection ended: ours when the server closed it with `serverCode`, else from the close code seen. */
export function disconnectReason(serverCode: number | undefined, seenCode: number): DisconnectReason {
  switch (serverCode) {
    case undefined:
      break;
    case 4401:
      return 'unauthenticated';
    case 1013:
      return 'slow_client';
    case 1008:
      return 'policy';
    default:
      return 'server';
  }
  if (seenCode === 1009) return 'too_big';
  if (seenCode === 1006) return 'abnormal';
  return 'client';
}
