import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createPoller, type PollerSpec } from '../../../platform/poller.ts';
import { createSagaWorker } from './saga-worker.ts';

const poller = <T>(spec: PollerSpec<T>) => createPoller(spec, { logger: pino({ level: 'silent' }) });

describe('the payments saga worker', () => {
  function steps() {
    const calls: string[] = [];
    return {
      calls,
      processDueRefunds: async (options?: { ignoreLease?: boolean }) => {
        calls.push(options?.ignoreLease ? 'sweep' : 'refunds');
        return 0;
      },
      reconcileConfirmations: async () => {
        calls.push('reconcile');
        return 0;
      },
    };
  }

  it('sweeps every pending refund on start, then polls, reconciling every few runs', async () => {
    const s = steps();
    const worker = createSagaWorker(poller, s, { pollMs: 10, reconcileEvery: 3 });
    worker.start();
    await sleep(80);
    await worker.stop();
    expect(s.calls[0]).toBe('sweep');
    expect(s.calls.filter((c) => c === 'sweep')).toHaveLength(1);
    expect(s.calls).toContain('reconcile');
    const count = s.calls.length;
    await sleep(30);
    expect(s.calls.length).toBe(count); // stopped
  });

  it('runs soon after a kick, and keeps running when a step fails', async () => {
    let runs = 0;
    const worker = createSagaWorker(
      poller,
      {
        processDueRefunds: async () => {
          runs += 1;
          throw new Error('database away');
        },
        reconcileConfirmations: async () => 0,
      },
      { pollMs: 60_000 },
    );
    worker.start();
    await sleep(20);
    expect(runs).toBe(1);
    worker.kick();
    await sleep(60);
    expect(runs).toBe(2);
    let stopped = false;
    const closing = createSagaWorker(poller, { processDueRefunds: async () => 0, reconcileConfirmations: async () => 0 }, { onStop: () => (stopped = true) });
    await closing.stop();
    expect(stopped).toBe(true);
    await worker.stop();
  });
});
