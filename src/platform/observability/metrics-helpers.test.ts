import { Counter, Registry, type MetricValue } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../cache/memory-cache.ts';
import { instrumentCache } from './cache-metrics.ts';
import { eventMetrics } from './event-metrics.ts';
import { disconnectReason, realtimeMetrics } from './realtime-metrics.ts';
import { oncePerRegistry } from './shared.ts';

async function values(registry: Registry, name: string): Promise<MetricValue<string>[]> {
  return (await registry.getSingleMetric(name)?.get())?.values ?? [];
}

describe('oncePerRegistry', () => {
  it('creates a family once per registry and key, so a second app on the registry shares it', () => {
    const registry = new Registry();
    const make = (registers: Registry[]) => new Counter({ name: 'x_total', help: 'x', registers });
    const first = oncePerRegistry(registry, 'x', make);
    expect(oncePerRegistry(registry, 'x', make)).toBe(first);
    expect(oncePerRegistry(new Registry(), 'x', make)).not.toBe(first);
    expect(eventMetrics(registry)).toBe(eventMetrics(registry));
    expect(realtimeMetrics(registry)).toBe(realtimeMetrics(registry));
  });

  it('registers nowhere without a registry', async () => {
    const metrics = eventMetrics(undefined);
    metrics.emitted.inc({ type: 'a.b.v1' });
    expect((await metrics.emitted.get()).values).toHaveLength(1);
  });
});

describe('instrumentCache', () => {
  it('counts hits and misses by the key area, bounded to code-chosen words', async () => {
    const registry = new Registry();
    const cache = instrumentCache(createMemoryCache({ now: () => new Date() }), registry);
    await cache.set('identity:user-state:0b6f3c9e-1d2a-4c1b-9f00-1234567890ab', '{}');
    await cache.get('identity:user-state:0b6f3c9e-1d2a-4c1b-9f00-1234567890ab');
    await cache.get('identity:user-state:aaaaaaaa-1d2a-4c1b-9f00-1234567890ab');
    await cache.get('caregivers:top:0:5');
    await cache.get('0b6f3c9e-1d2a');
    await cache.get('Someone typed this');
    const counted = await values(registry, 'cache_requests_total');
    const of = (area: string, result: string) => counted.find((v) => v.labels.area === area && v.labels.result === result)?.value;
    expect(of('identity:user-state', 'hit')).toBe(1);
    expect(of('identity:user-state', 'miss')).toBe(1);
    expect(of('caregivers:top', 'miss')).toBe(1);
    expect(of('other', 'miss')).toBe(2);
    expect(new Set(counted.map((v) => v.labels.cache))).toEqual(new Set(['memory']));
  });
});

describe('disconnectReason', () => {
  it('names the server\'s own closes by their code, the others by what the socket saw', () => {
    expect(disconnectReason(4401, 1006)).toBe('unauthenticated');
    expect(disconnectReason(1013, 1006)).toBe('slow_client');
    expect(disconnectReason(1008, 1008)).toBe('policy');
    expect(disconnectReason(1001, 1001)).toBe('server');
    expect(disconnectReason(undefined, 1000)).toBe('client');
    expect(disconnectReason(undefined, 1006)).toBe('abnormal');
    expect(disconnectReason(undefined, 1009)).toBe('too_big');
  });
});
