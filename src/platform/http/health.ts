import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Platform } from '../module.ts';

const Check = Type.Union([Type.Literal('ok'), Type.Literal('down')]);
const Ready = Type.Object({
  status: Check,
  checks: Type.Object({ database: Check, cache: Check, events: Check, storage: Check }),
});

const TIMEOUT_MS = 2_000;

async function probe(check: () => Promise<void>): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness says the process answers; readiness checks each configured dependency. */
export function registerHealth(app: FastifyInstance, platform: Platform): void {
  app.get(
    '/health/live',
    { config: { access: 'public' }, schema: { tags: ['operations'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/health/ready',
    { config: { access: 'public' }, schema: { tags: ['operations'], response: { 200: Ready, 503: Ready } } },
    async (_request, reply) => {
      const [database, cache, events, storage] = await Promise.all([
        probe(() => platform.database.ping()),
        probe(() => platform.cache.ping()),
        probe(() => platform.bus.ping()),
        probe(() => platform.storage.ping()),
      ]);
      const checks = { database, cache, events, storage };
      const ok = Object.values(checks).every((c) => c === 'ok');
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'down', checks });
    },
  );
}
