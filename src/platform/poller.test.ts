import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createPoller } from './poller.ts';

const logger = pino({ level: 'silent' });

describe('poller', () => {
  it('runs on its interval once started, never overlapping, and stops after the run in progress', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const poller = createPoller(
      {
        name: 'test.interval',
        intervalMs: 5,
        async runOnce() {
          active++;
          most = Math.max(most, active);
          await sleep(10);
          runs++;
          active--;
        },
      },
      { logger },
    );
    await sleep(30);
    expect(runs).toBe(0); // not started
    poller.start();
    poller.kick();
    poller.kick();
    await sleep(80);
    await poller.stop();
    expect(most).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(3);
    const after = runs;
    await sleep(40);
    expect(runs).toBe(after);
    expect(active).toBe(0);
  });

  it('a kick runs soon (after kickDelayMs), and a kick during a run asks for one more run, not many', async () => {
    const started: number[] = [];
    let release: () => void = () => undefined;
    const poller = createPoller(
      {
        name: 'test.kick',
        intervalMs: 60_000,
        kickDelayMs: 5,
        async runOnce() {
          started.push(performance.now());
          if (started.length === 1) await new Promise<void>((resolve) => (release = resolve));
        },
      },
      { logger },
    );
    poller.start();
    poller.kick();
    await sleep(30);
    expect(started).toHaveLength(1);
    poller.kick();
    poller.kick();
    release();
    await sleep(40);
    expect(started).toHaveLength(2);
    await poller.stop();
    poller.kick();
    await sleep(20);
    expect(started).toHaveLength(2); // stopped: kicks are ignored
  });

  it('runAtStart runs at once; a failing run is counted, logged and retried on the next tick', async () => {
    const registry = new Registry();
    const logs: { msg: string; poller: string }[] = [];
    const logging = pino({ level: 'error' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    let runs = 0;
    const poller = createPoller(
      {
        name: 'test.failing',
        intervalMs: 10,
        runAtStart: true,
        async runOnce() {
          runs++;
          if (runs <= 2) throw new Error('database away');
          return runs;
        },
      },
      { logger: logging, metrics: registry },
    );
    poller.start();
    await expect.poll(() => runs, { timeout: 2_000, interval: 5 }).toBeGreaterThanOrEqual(3);
    await poller.stop();
    expect(await poller.runNow()).toBe(runs); // runNow works stopped and returns the run's result
    const text = await registry.metrics();
    expect(text).toMatch(/poller_runs_total\{poller="test\.failing"\} \d+/);
    expect(text).toContain('poller_errors_total{poller="test.failing"} 2');
    expect(text).toContain('poller_run_duration_seconds_count{poller="test.failing"}');
    expect(logs.filter((l) => l.msg === 'poller run failed; will retry')).toHaveLength(2);
    expect(logs[0]?.poller).toBe('test.failing');
  });

  it('shares one set of metrics among the pollers of a registry', () => {
    const registry = new Registry();
    createPoller({ name: 'a', intervalMs: 1, runOnce: async () => undefined }, { logger, metrics: registry });
    expect(() => createPoller({ name: 'b', intervalMs: 1, runOnce: async () => undefined }, { logger, metrics: registry })).not.toThrow();
  });
});
