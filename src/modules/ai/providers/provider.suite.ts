import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelServerControls } from '../../../../test/fakes/model-server.ts';
import type { AiProvider } from './provider.ts';
import { AiProviderError, type AiFailureReason } from './provider-errors.ts';

// What every AiProvider must do, run by gemini.test.ts and openai.test.ts, each against a local stand-in
// that speaks its provider's documented HTTP API (test/fakes). The clients are built with short timeouts
// and backoffs; the circuit opens after 4 failed requests.

export interface ProviderUnderTest {
  readonly provider: AiProvider & { circuitState(): string; close(): void };
  readonly server: ModelServerControls;
  readonly metrics: Registry;
}

export interface ClientOptions {
  readonly metrics: Registry;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;
  readonly breaker: { readonly volumeThreshold: number; readonly resetTimeoutMs: number };
}

export type CreateProvider = (options: ClientOptions) => Promise<ProviderUnderTest>;

const SCHEMA = {
  type: 'object',
  properties: { sido: { type: 'string' }, serviceType: { type: 'array', items: { type: 'string' } } },
  additionalProperties: false,
};

async function failure(call: Promise<unknown>): Promise<AiProviderError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AiProviderError);
  return error as AiProviderError;
}

async function metric(registry: Registry, name: string, labels: Record<string, string>): Promise<number> {
  const found = (await registry.getSingleMetric(name)?.get())?.values.filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return (found ?? []).reduce((sum, v) => sum + v.value, 0);
}

export function describeAiProviderContract(name: string, create: CreateProvider): void {
  describe(`AiProvider contract: ${name}`, () => {
    let subject: ProviderUnderTest;
    let provider: ProviderUnderTest['provider'];
    let server: ModelServerControls;

    beforeEach(async () => {
      subject = await create({ metrics: new Registry(), timeoutMs: 300, retries: 1, backoffMs: 5, breaker: { volumeThreshold: 4, resetTimeoutMs: 60_000 } });
      ({ provider, server } = subject);
    });
    afterEach(async () => {
      provider.close();
      await server.close();
    });

    const translate = (text = '안녕하세요, 내일 오전 9시에 뵙겠습니다.') => provider.translate({ text, sourceLanguage: 'ko', targetLanguage: 'zh' });
    const search = () => provider.interpretSearch({ query: '서울 치매 돌봄 가능한 분', jsonSchema: SCHEMA, instructions: 'Fill the search filters.' });

    it('translates as plain text: instruction apart from the text, the answer trimmed, tokens counted', async () => {
      server.answerWith((call) => `  你好，明天上午9点见。 (${call.json ? 'json' : 'text'})\n`);
      expect(await translate()).toBe('你好，明天上午9点见。 (text)');
      const [call] = server.calls;
      expect(call).toMatchObject({ user: '안녕하세요, 내일 오전 9시에 뵙겠습니다.', json: false, outcome: 'ok' });
      expect(call!.system).toContain('Korean');
      expect(call!.system).toContain('Simplified Chinese');
      expect(call!.system).not.toContain('안녕하세요');
      const labels = { provider: provider.name, operation: 'translate' };
      expect(await metric(subject.metrics, 'ai_provider_calls_total', labels)).toBe(1);
      expect(await metric(subject.metrics, 'ai_provider_tokens_total', { ...labels, kind: 'output' })).toBeGreaterThan(0);
      expect(await metric(subject.metrics, 'ai_provider_tokens_total', { ...labels, kind: 'input' })).toBeGreaterThan(0);
    });

    it('asks for structured JSON output with the schema for search and answers the parsed JSON', async () => {
      server.answerWith(() => JSON.stringify({ sido: '서울특별시', serviceType: ['DEMENTIA'] }));
      expect(await search()).toEqual({ sido: '서울특별시', serviceType: ['DEMENTIA'] });
      expect(server.calls[0]).toMatchObject({ json: true, schema: SCHEMA, user: '서울 치매 돌봄 가능한 분' });
      expect(server.calls[0]!.system).toContain('Fill the search filters.');
    });

    it('rejects malformed model output without retrying and without counting it against the circuit', async () => {
      server.failNext(1, { kind: 'malformed' });
      expect((await failure(search())).reason).toBe('malformed');
      server.failNext(1, { kind: 'malformed' });
      expect((await failure(translate())).reason).toBe('malformed');
      expect(server.callCount()).toBe(2);
      expect(await metric(subject.metrics, 'ai_provider_failures_total', { provider: provider.name, reason: 'malformed' })).toBe(2);
    });

    it('does not retry a refused request (400)', async () => {
      server.failNext(1, { kind: 'status', status: 400 });
      const error = await failure(translate());
      expect({ reason: error.reason, status: error.httpStatus }).toEqual({ reason: 'rejected', status: 400 });
      expect(server.callCount()).toBe(1);
    });

    for (const [status, reason] of [
      [429, 'rate_limited'],
      [500, 'unavailable'],
    ] as const) {
      it(`retries once after HTTP ${status}, then answers; gives up as ${reason} when it persists`, async () => {
        server.failNext(1, { kind: 'status', status });
        expect(await translate('hello')).toEqual(expect.any(String));
        expect(server.calls.map((c) => c.outcome)).toEqual([String(status), 'ok']);

        server.failNext(2, { kind: 'status', status });
        expect((await failure(translate('hello'))).reason).toBe(reason satisfies AiFailureReason);
        expect(server.callCount()).toBe(4);
      });
    }

    it('times out a slow answer, retries once, and answers when the retry is quick', async () => {
      server.failNext(1, { kind: 'slow', ms: 1_000 });
      expect(await translate('hello')).toEqual(expect.any(String));
      server.failNext(2, { kind: 'slow', ms: 1_000 });
      expect((await failure(translate('hello'))).reason).toBe('timeout');
      expect(await metric(subject.metrics, 'ai_provider_failures_total', { provider: provider.name, reason: 'timeout' })).toBe(3);
    });

    it('opens the circuit after repeated failures: fails fast without calling, gauge says open', async () => {
      server.failNext(4, { kind: 'status', status: 503 });
      await failure(translate('one'));
      await failure(translate('two'));
      expect(provider.circuitState()).toBe('open');
      const before = server.callCount();
      expect((await failure(translate('three'))).reason).toBe('circuit_open');
      expect(server.callCount()).toBe(before);
      expect(await metric(subject.metrics, 'ai_provider_circuit_state', { provider: provider.name })).toBe(2);
    });

    it('tells users who processes the text', () => {
      expect(provider.processedIn).toEqual(expect.any(String));
      expect(provider.processedIn.length).toBeGreaterThan(3);
    });
  });
}
