import type { AiProvider } from './provider.ts';
import { AiProviderError, reasonOfStatus } from './provider-errors.ts';
import { translationInstruction } from './prompts.ts';
import { resilient, type Attempt, type ResilienceOptions } from './resilience.ts';
import type { CircuitState } from '../../../platform/circuit-breaker.ts';

// Any OpenAI-compatible chat-completions endpoint (OpenAI itself, or a self-hosted model behind vLLM,
// Ollama, llama.cpp...): `POST {baseUrl}/chat/completions`, bearer OPENAI_API_KEY when set. Plain fetch:
// the one request needs no SDK. Search asks for `response_format: json_schema`; servers that ignore it
// often still answer JSON, sometimes in a ```json fence or with a sentence around it, so the JSON is
// taken from the message content as leniently as is safe (it is validated by the caller anyway).

export interface OpenAiOptions extends Omit<ResilienceOptions, 'retries' | 'backoffMs'> {
  /** OPENAI_BASE_URL, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly model: string;
  readonly retries?: number;
  readonly backoffMs?: number;
}

export type OpenAiProvider = AiProvider & { circuitState(): CircuitState; close(): void };

interface ChatCompletion {
  choices?: { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
}

/** Where the text goes, for users: OpenAI itself, or the operator's own server. */
export function processedIn(baseUrl: string): string {
  const host = new URL(baseUrl).host;
  return host === 'api.openai.com' ? 'OpenAI (United States)' : `${host} (an OpenAI-compatible server chosen by the operator)`;
}

export function createOpenAiProvider(options: OpenAiOptions): OpenAiProvider {
  // Kept in this closure only: never logged, never put on an error.
  const authorization = options.apiKey ? `Bearer ${options.apiKey}` : undefined;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const guard = resilient('openai', { retries: 1, backoffMs: 250, ...options });

  async function complete(body: Record<string, unknown>): Promise<Attempt<string>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (authorization) headers.authorization = authorization;
    // The signal covers reading the body too, so a server that stalls mid-answer also times out.
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: options.model, ...body }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new AiProviderError(reasonOfStatus(response.status), `OpenAI-compatible server answered HTTP ${response.status}`, response.status);
    let completion: ChatCompletion;
    try {
      completion = JSON.parse(text) as ChatCompletion;
    } catch {
      throw new AiProviderError('malformed', 'OpenAI-compatible server answered a body that is not JSON');
    }
    const choice = completion.choices?.[0];
    const content = choice?.message?.content;
    if (typeof content !== 'string' || content.trim() === '') {
      const why = typeof choice?.message?.refusal === 'string' ? 'refused' : String(choice?.finish_reason ?? 'no content');
      throw new AiProviderError('malformed', `OpenAI-compatible server answered without text (${why})`);
    }
    const count = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : 0);
    return { value: content, usage: { input: count(completion.usage?.prompt_tokens), output: count(completion.usage?.completion_tokens) } };
  }

  return {
    name: 'openai',
    processedIn: processedIn(options.baseUrl),
    translate: (input) =>
      guard.run('translate', async () => {
        const answer = await complete({
          temperature: 0.2,
          messages: [
            { role: 'system', content: translationInstruction(input) },
            { role: 'user', content: input.text },
          ],
        });
        return { ...answer, value: answer.value.trim() };
      }),
    interpretSearch: (input) =>
      guard.run('interpret_search', async () => {
        const answer = await complete({
          temperature: 0,
          messages: [
            { role: 'system', content: `${input.instructions}\nAnswer with one JSON object only.` },
            { role: 'user', content: input.query },
          ],
          response_format: { type: 'json_schema', json_schema: { name: 'caregiver_search_filters', schema: input.jsonSchema } },
        });
        return { ...answer, value: jsonFromContent(answer.value) };
      }),
    circuitState: guard.circuitState,
    close: guard.close,
  };
}

/** The JSON object in a model's message: the whole content, a ```json fence, or the outermost {...}. */
export function jsonFromContent(content: string): unknown {
  const candidates = [content.trim()];
  const fence = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  if (fence?.[1]) candidates.push(fence[1].trim());
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start >= 0 && end > start) candidates.push(content.slice(start, end + 1));
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next reading
    }
  }
  throw new AiProviderError('malformed', 'OpenAI-compatible server answered text that holds no JSON');
}
