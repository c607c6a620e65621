import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors.ts';
import { signInternalCall } from '../../src/platform/internal-auth.ts';
import { decodeWire, encodeWire } from '../../src/platform/remote/codec.ts';
import { createContractClient } from '../../src/platform/remote/contract-client.ts';
import { defineRemoteContract, remoteApi } from '../../src/platform/remote/contract.ts';
import { registerContractServer } from '../../src/platform/remote/contract-server.ts';

// The contract-call mechanism of split mode between two real HTTP endpoints: the wire codec, AppErrors coming
// back as themselves, retries only for reads, and the circuit breaker answering 503 when the upstream is down.

const SECRET = 'split-unit-test-internal-secret-0123456789';

interface DemoApi {
  echo(value: unknown): Promise<unknown>;
  refuse(region: string): Promise<void>;
  nothing(): Promise<undefined>;
  record(note: string): Promise<number>;
  shout(text: string): string;
}
const demo = defineRemoteContract<DemoApi>({
  module: 'demo',
  methods: { echo: 'read', refuse: 'read', nothing: 'read', record: 'write' },
  local: () => ({ shout: (text) => text.toUpperCase() }),
});

describe('wire codec', () => {
  it('keeps Dates, undefined (in arrays and as present fields) and nested shapes, and escapes look-alike keys', () => {
    const value = {
      at: new Date('2026-03-01T00:00:00.000Z'),
      list: [1, undefined, new Date(0), { deep: [new Date('2020-01-01T09:00:00.000Z')] }],
      gone: undefined,
      nothing: null,
      tricky: { $date: 'not a date', other: 1 },
      text: 'x',
    };
    const back = decodeWire(JSON.parse(JSON.stringify(encodeWire(value)))) as typeof value;
    expect(back).toStrictEqual(value);
    expect('gone' in back).toBe(true);
    expect(back.at).toBeInstanceOf(Date);
    expect(back.list[1]).toBeUndefined();
    expect(back.list).toHaveLength(4);
  });
});

describe('contract client and server', () => {
  let server: FastifyInstance;
  let url: string;
  const recorded: string[] = [];
  let flaky: Server;
  let flakyUrl: string;
  let flakyHits = 0;

  beforeAll(async () => {
    server = Fastify();
    const api: DemoApi = {
      echo: async (value) => value,
      refuse: async (region) => {
        throw new AppError('invalid', 'VALIDATION_FAILED', `unknown region ${region}`, { errors: [{ field: 'sido', message: 'unknown' }], extra: { when: new Date(5) } });
      },
      nothing: async () => undefined,
      record: async (note) => recorded.push(note),
      shout: (text) => text,
    };
    registerContractServer(server, { secret: SECRET, served: [{ contract: demo, api }] });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
    // An upstream that always fails with 500 and counts the attempts it was sent.
    flaky = createServer((_request, response) => {
      flakyHits += 1;
      response.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"boom"}');
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    flakyUrl = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => flaky.close(resolve));
  });

  it('carries arguments and results with their Dates, and computes the synchronous members locally', async () => {
    const client = createContractClient({ module: 'demo', url, secret: SECRET, caller: 'test' });
    const api = remoteApi(demo, client.call, undefined);
    const value = { at: new Date('2026-01-02T03:04:05.006Z'), tags: ['a', undefined], n: 3 };
    expect(await api.echo(value)).toStrictEqual(value);
    expect(await api.nothing()).toBeUndefined();
    expect(api.shout('hi')).toBe('HI');
    client.close();
  });

  it("throws the remote use case's AppError as the same AppError (kind, code, message, errors), not retried", async () => {
    const client = createContractClient({ module: 'demo', url, secret: SECRET, caller: 'test' });
    const error = await remoteApi(demo, client.call, undefined).refuse('Atlantis').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED', message: 'unknown region Atlantis', errors: [{ field: 'sido', message: 'unknown' }] });
    expect((error as AppError).extra).toStrictEqual({ when: new Date(5) });
    expect(client.circuitState()).toBe('closed');
    client.close();
  });

  it('answers 404 without a call token, with a user-like token, for an undeclared method and an unknown module', async () => {
    const token = await signInternalCall(SECRET, 'test', Date.now());
    const wrong = await signInternalCall('another-secret-of-at-least-32-characters', 'test', Date.now());
    const post = (path: string, authorization?: string) =>
      fetch(`${url}/internal/v1/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ args: [1] }),
      }).then((r) => r.status);
    expect(await post('demo/echo')).toBe(404);
    expect(await post('demo/echo', `Bearer ${wrong}`)).toBe(404);
    expect(await post('demo/shout', `Bearer ${token}`)).toBe(404);
    expect(await post('other/echo', `Bearer ${token}`)).toBe(404);
    expect(await post('demo/echo', `Bearer ${token}`)).toBe(200);
  });

  it('retries reads on 5xx and sends writes once', async () => {
    const client = createContractClient({ module: 'flaky', url: flakyUrl, secret: SECRET, caller: 'test', retries: 2, backoffMs: 1, breaker: { volumeThreshold: 100 } });
    flakyHits = 0;
    const read = await client.call('echo', [1], 'read').catch((e: unknown) => e);
    expect(read).toMatchObject({ kind: 'unavailable', code: 'SERVICE_UNAVAILABLE' });
    expect((read as Error).message).toContain('flaky');
    expect(flakyHits).toBe(3);
    flakyHits = 0;
    await client.call('record', ['x'], 'write').catch(() => undefined);
    expect(flakyHits).toBe(1);
    client.close();
  });

  it('opens the circuit when the upstream is down and then fails at once with 503 naming the module, counted in the metrics', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const metrics = new Registry();
    const client = createContractClient({ module: 'caregivers', url: deadUrl, secret: SECRET, caller: 'test', retries: 0, metrics, breaker: { volumeThreshold: 3, resetTimeoutMs: 60_000 } });
    for (let i = 0; i < 3; i++) await client.call('getProfile', ['x'], 'read').catch(() => undefined);
    expect(client.circuitState()).toBe('open');
    const error = await client.call('getProfile', ['x'], 'read').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'SERVICE_UNAVAILABLE' });
    expect((error as Error).message).toMatch(/caregivers service is unavailable.*circuit open/);
    const text = await metrics.metrics();
    expect(text).toContain('contract_calls_total{module="caregivers",method="getProfile",outcome="circuit_open"} 1');
    expect(text).toContain('contract_circuit_state{module="caregivers"} 2');
    client.close();
  });

  it('times out a slow upstream', async () => {
    const slow = createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const client = createContractClient({ module: 'slow', url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`, secret: SECRET, caller: 'test', timeoutMs: 50, retries: 0 });
    const error = await client.call('echo', [1], 'read').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect((error as Error).message).toContain('no answer within 50 ms');
    client.close();
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  });
});
