import { GoogleGenAI, type GenerateContentResponse } from '@google/genai';
import type { AiProvider } from './provider.ts';
import { AiProviderError } from './provider-errors.ts';
import { translationInstruction } from './prompts.ts';
import type { CircuitState } from '../../../platform/circuit-breaker.ts';
import { resilient, type Attempt, type ResilienceOptions } from './resilience.ts';

// Gemini through Google's SDK (@google/genai): `POST {baseUrl}/v1/models/{model}:generateContent` with
// `x-goog-api-key`. Search asks for structured output (responseMimeType application/json plus a JSON
// Schema); translation for plain text. The SDK's own retries stay off (no retryOptions): resilience.ts
// retries, so that retries, breaker and metrics work alike for every provider.

export interface GeminiOptions extends Omit<ResilienceOptions, 'retries' | 'backoffMs'> {
  readonly apiKey: string;
  readonly model: string;
  /** GEMINI_API_URL: Google's endpoint when absent, a local stand-in in tests. */
  readonly baseUrl?: string;
  readonly retries?: number;
  readonly backoffMs?: number;
}

export type GeminiProvider = AiProvider & { circuitState(): CircuitState; close(): void };

function answerOf(response: GenerateContentResponse): Attempt<string> {
  const text = response.text;
  // No text: blocked by a safety filter, or cut off before any output. Asking again would not help.
  if (text === undefined || text.trim() === '') {
    const why = response.promptFeedback?.blockReason ?? response.candidates?.[0]?.finishReason ?? 'no text';
    throw new AiProviderError('malformed', `Gemini answered without text (${why})`);
  }
  const usage = response.usageMetadata;
  return { value: text, usage: { input: usage?.promptTokenCount ?? 0, output: usage?.candidatesTokenCount ?? 0 } };
}

export function createGeminiProvider(options: GeminiOptions): GeminiProvider {
  const client = new GoogleGenAI({
    apiKey: options.apiKey,
    httpOptions: { timeout: options.timeoutMs, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) },
  });
  const guard = resilient('gemini', { retries: 1, backoffMs: 250, ...options });

  return {
    name: 'gemini',
    processedIn: 'Google (United States)',
    translate: (input) =>
      guard.run('translate', async () => {
        const answer = answerOf(
          await client.models.generateContent({
            model: options.model,
            contents: input.text,
            config: { systemInstruction: translationInstruction(input), temperature: 0.2 },
          }),
        );
        return { ...answer, value: answer.value.trim() };
      }),
    interpretSearch: (input) =>
      guard.run('interpret_search', async () => {
        const answer = answerOf(
          await client.models.generateContent({
            model: options.model,
            contents: input.query,
            config: {
              systemInstruction: input.instructions,
              temperature: 0,
              responseMimeType: 'application/json',
              responseJsonSchema: input.jsonSchema,
            },
          }),
        );
        return { value: parseJson(answer.value, 'Gemini'), ...(answer.usage ? { usage: answer.usage } : {}) };
      }),
    circuitState: guard.circuitState,
    close: guard.close,
  };
}

/** The model's JSON answer; text that is not JSON is a malformed answer (the caller falls back to rules). */
export function parseJson(text: string, provider: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AiProviderError('malformed', `${provider} answered text that is not JSON`);
  }
}
