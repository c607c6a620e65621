import type { Poller, PollerSpec } from '../../../platform/poller.ts';
import type { Worker } from '../../../platform/module.ts';

// Drives the steps that call the provider outside transactions: requested refunds, and confirmations
// that never got an answer. A platform poller (the database is the source of truth, so a restart resumes
// where the last process stopped), kicked for the fast path. Its first run sweeps every pending refund,
// even one claimed by a process that died mid-call: the refund's Idempotency-Key makes that safe (the
// provider answers the first refund again).

export interface SagaWorkerSteps {
  processDueRefunds(options?: { ignoreLease?: boolean }): Promise<number>;
  reconcileConfirmations(): Promise<number>;
}

export interface SagaWorker extends Worker {
  kick(): void;
}

export function createSagaWorker(
  poller: <T>(spec: PollerSpec<T>) => Poller<T>,
  steps: SagaWorkerSteps,
  options: { pollMs?: number; reconcileEvery?: number; onStop?: () => void } = {},
): SagaWorker {
  const reconcileEvery = options.reconcileEvery ?? 30;
  let runs = 0;
  const loop = poller({
    name: 'payments.saga',
    intervalMs: options.pollMs ?? 1_000,
    runAtStart: true,
    // Kicked from inside the transaction that writes the refund request: look once it has committed.
    kickDelayMs: 25,
    async runOnce() {
      runs += 1;
      await steps.processDueRefunds({ ignoreLease: runs === 1 });
      if (runs % reconcileEvery === 0) await steps.reconcileConfirmations();
    },
  });
  return {
    name: loop.name,
    start: loop.start,
    kick: loop.kick,
    async stop() {
      await loop.stop();
      options.onStop?.();
    },
  };
}
