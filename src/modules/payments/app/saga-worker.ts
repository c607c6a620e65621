import type { Logger } from 'pino';
import type { Worker } from '../../../platform/module.ts';

// Drives the steps that call the provider outside transactions: requested refunds, and confirmations
// that never got an answer. Polls (the database is the source of truth, so a restart resumes where
// the last process stopped), and runs soon after `kick()` for the fast path. On start it sweeps every
// pending refund, even one claimed by a process that died mid-call: the refund's Idempotency-Key makes
// that safe (the provider answers the first refund again).

export interface SagaWorkerSteps {
  processDueRefunds(options?: { ignoreLease?: boolean }): Promise<number>;
  reconcileConfirmations(): Promise<number>;
}

export interface SagaWorker extends Worker {
  kick(): void;
}

export function createSagaWorker(steps: SagaWorkerSteps, logger: Logger, options: { pollMs?: number; reconcileEvery?: number; onStop?: () => void } = {}): SagaWorker {
  const pollMs = options.pollMs ?? 1_000;
  const reconcileEvery = options.reconcileEvery ?? 30;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let again = false;
  let stopped = true;
  let ticks = 0;
  let sweep = false;

  async function runOnce(): Promise<void> {
    const ignoreLease = sweep;
    sweep = false;
    try {
      await steps.processDueRefunds({ ignoreLease });
      ticks += 1;
      if (ticks % reconcileEvery === 0) await steps.reconcileConfirmations();
    } catch (error) {
      logger.error({ err: error }, 'payments saga worker run failed; will retry');
    }
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    timer.unref();
  }

  function run(): void {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    running = runOnce().finally(() => {
      busy = false;
      const soon = again;
      again = false;
      schedule(soon ? 0 : pollMs);
    });
  }

  return {
    name: 'payments.saga',
    start() {
      stopped = false;
      sweep = true;
      schedule(0);
    },
    kick() {
      // The request was written in a transaction that commits after this call returns: look a little later.
      if (busy) again = true;
      else schedule(25);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      options.onStop?.();
    },
  };
}
