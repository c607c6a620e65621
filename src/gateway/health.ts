import type { FastifyInstance } from 'fastify';
import { Gauge, type Registry } from 'prom-client';
import type { Upstream } from './upstream.ts';

// /health/live: the gateway answers. /health/ready: every upstream's own /health/ready, probed now.
// 200 while at least one upstream is ready (`status: ok` when all are, `degraded` when some are not): every
// gateway replica sees the same services, so taking the gateways out of a load balancer because one service
// is down would turn a partial outage into a total one; that service's routes answer 503 meanwhile.
// 503 (`status: down`) only when no upstream is ready: this gateway cannot serve anything.

const PROBE_TIMEOUT_MS = 2_000;

export interface UpstreamProbe {
  probe(): Promise<Record<string, { url: string; ready: boolean }>>;
}

export function upstreamProbe(upstreams: readonly Upstream[], registry: Registry, onRecovered: (module: string) => void): UpstreamProbe {
  const up = new Gauge({ name: 'gateway_upstream_up', help: 'Whether the upstream service answered its /health/ready with 200 at the last probe', labelNames: ['module'] as const, registers: [registry] });
  const last = new Map<string, boolean>();
  return {
    async probe() {
      const results = await Promise.all(
        upstreams.map(async (upstream) => {
          let ready: boolean;
          try {
            const response = await fetch(new URL('health/ready', upstream.url.href.endsWith('/') ? upstream.url : `${upstream.url.href}/`), {
              signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
            });
            ready = response.ok;
            await response.body?.cancel();
          } catch {
            ready = false;
          }
          if (ready && last.get(upstream.module) === false) onRecovered(upstream.module);
          last.set(upstream.module, ready);
          up.set({ module: upstream.module }, ready ? 1 : 0);
          return [upstream.module, { url: upstream.url.href, ready }] as const;
        }),
      );
      return Object.fromEntries(results);
    },
  };
}

export function registerGatewayHealth(app: FastifyInstance, probe: UpstreamProbe): void {
  app.get('/health/live', async () => ({ status: 'ok' as const }));
  app.get('/health/ready', async (_request, reply) => {
    const upstreams = await probe.probe();
    const states = Object.values(upstreams).map((u) => u.ready);
    const status = states.every(Boolean) ? 'ok' : states.some(Boolean) ? 'degraded' : 'down';
    return reply.status(status === 'down' ? 503 : 200).send({ status, upstreams });
  });
}
