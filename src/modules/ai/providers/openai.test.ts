import { describe, expect, it } from 'vitest';
import { startFakeOpenAi } from '../../../../test/fakes/openai-server.ts';
import { createOpenAiProvider, jsonFromContent } from './openai.ts';
import { describeAiProviderContract } from './provider.suite.ts';
import { AiProviderError } from './provider-errors.ts';

// The OpenAI-compatible client (fetch) against the local chat-completions stand-in (test/fakes/openai-server.ts).

describeAiProviderContract('openai (against the chat-completions stand-in)', async (options) => {
  const server = await startFakeOpenAi();
  const provider = createOpenAiProvider({ apiKey: server.apiKey, model: 'test-model', baseUrl: server.baseUrl, ...options });
  return { provider, server, metrics: options.metrics };
});

describe('openai-compatible client', () => {
  it('reads JSON a server wrapped in a fence when it ignores response_format; runs without a key for a keyless server', async () => {
    const server = await startFakeOpenAi({ requireKey: false, fencedJson: true });
    const provider = createOpenAiProvider({ model: 'local-model', baseUrl: server.baseUrl, timeoutMs: 1_000, backoffMs: 5 });
    try {
      server.answerWith(() => '{"sido":"부산광역시"}');
      expect(await provider.interpretSearch({ query: '부산', jsonSchema: { type: 'object' }, instructions: 'Fill it.' })).toEqual({ sido: '부산광역시' });
      expect(provider.processedIn).toContain('127.0.0.1');
    } finally {
      provider.close();
      await server.close();
    }
  });

  it('refuses a wrong key (401) without retrying', async () => {
    const server = await startFakeOpenAi();
    const provider = createOpenAiProvider({ apiKey: 'sk-wrong', model: 'm', baseUrl: server.baseUrl, timeoutMs: 1_000, backoffMs: 5 });
    try {
      const error = await provider.translate({ text: 'hi', sourceLanguage: 'en', targetLanguage: 'ko' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AiProviderError);
      expect(error).toMatchObject({ reason: 'rejected', httpStatus: 401 });
      expect(JSON.stringify(error) + String(error)).not.toContain('sk-wrong');
    } finally {
      provider.close();
      await server.close();
    }
  });

  it('takes JSON from plain, fenced or surrounded content and refuses content without JSON', () => {
    expect(jsonFromContent('{"a":1}')).toEqual({ a: 1 });
    expect(jsonFromContent('```json\n{"a":2}\n```')).toEqual({ a: 2 });
    expect(jsonFromContent('Sure! {"a":3} Hope this helps.')).toEqual({ a: 3 });
    expect(() => jsonFromContent('no json here')).toThrow(AiProviderError);
  });
});
