import { describe, expect, it } from 'vitest';
import { startFakeGemini } from '../../../../test/fakes/gemini-server.ts';
import { createGeminiProvider } from './gemini.ts';
import { describeAiProviderContract } from './provider.suite.ts';
import { AiProviderError } from './provider-errors.ts';

// The Gemini client (@google/genai) over HTTP against the local Gemini stand-in (test/fakes/gemini-server.ts).

describeAiProviderContract('gemini (against the Gemini stand-in)', async (options) => {
  const server = await startFakeGemini();
  const provider = createGeminiProvider({ apiKey: server.apiKey, model: 'gemini-test', baseUrl: server.url, ...options });
  return { provider, server, metrics: options.metrics };
});

describe('gemini client', () => {
  it('sends the key in x-goog-api-key to the configured model; a wrong key is refused, not retried', async () => {
    const server = await startFakeGemini();
    const wrong = createGeminiProvider({ apiKey: 'not-the-key', model: 'gemini-test', baseUrl: server.url, timeoutMs: 1_000, backoffMs: 5 });
    const right = createGeminiProvider({ apiKey: server.apiKey, model: 'gemini-flash-test', baseUrl: server.url, timeoutMs: 1_000, backoffMs: 5 });
    try {
      const error = await wrong.translate({ text: 'hello', sourceLanguage: 'en', targetLanguage: 'ko' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AiProviderError);
      expect(error).toMatchObject({ reason: 'rejected', httpStatus: 400 });
      expect(JSON.stringify(error)).not.toContain('not-the-key');
      expect(await right.translate({ text: 'hello', sourceLanguage: 'en', targetLanguage: 'ko' })).toBe('translated(Korean): hello');
      expect(server.calls).toEqual([expect.objectContaining({ model: 'gemini-flash-test', outcome: 'ok' })]);
    } finally {
      wrong.close();
      right.close();
      await server.close();
    }
  });
});
