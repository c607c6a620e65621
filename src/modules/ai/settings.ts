import { defineSettings, parseDuration, type SettingsOf } from '../../platform/settings.ts';

// The AI module's settings (ARCHITECTURE.md: rule-based AI embedded, Gemini or an OpenAI-compatible API when
// configured), named by its manifest (index.ts) and handed to its factory.

export type AiProviderName = 'rules' | 'gemini' | 'openai';

export interface RateLimit {
  readonly count: number;
  readonly windowMs: number;
}

/** `60/1m`: at most 60 calls per minute; undefined when malformed. */
export function parseRateLimit(text: string): RateLimit | undefined {
  const match = /^(\d+)\s*\/\s*(\S+)$/.exec(text.trim());
  if (!match) return undefined;
  const count = Number(match[1]);
  const windowMs = parseDuration(match[2]!);
  return windowMs !== undefined && Number.isSafeInteger(count) && count >= 1 ? { count, windowMs } : undefined;
}

export const aiSettings = defineSettings((read) => {
  const settings = {
    provider: read.oneOf<AiProviderName>('AI_PROVIDER', ['rules', 'gemini', 'openai'], 'rules'),
    geminiApiKey: read.string('GEMINI_API_KEY'),
    geminiModel: read.string('GEMINI_MODEL') ?? 'gemini-flash-latest',
    geminiApiUrl: read.url('GEMINI_API_URL', ['http:', 'https:']),
    openaiBaseUrl: read.url('OPENAI_BASE_URL', ['http:', 'https:']),
    openaiApiKey: read.string('OPENAI_API_KEY'),
    openaiModel: read.string('OPENAI_MODEL'),
    /** Each request's deadline at the provider (one retry may follow a timeout, 429 or 5xx). */
    timeoutMs: read.duration('AI_TIMEOUT', '10s'),
    /** Translations that reach the provider, per user (or per address when anonymous). */
    rateLimit: read.parsed('AI_RATE_LIMIT', '60/1m', parseRateLimit, 'be a count per duration, like 60/1m'),
    /** How long a cached translation is used (and then deleted: translated text is personal data too). */
    translationCacheTtlMs: read.duration('AI_TRANSLATION_CACHE_TTL', '30d'),
  };
  if (settings.provider === 'gemini' && !settings.geminiApiKey) read.problem('AI_PROVIDER=gemini needs GEMINI_API_KEY');
  if (settings.provider === 'openai' && (!settings.openaiBaseUrl || !settings.openaiModel)) {
    read.problem('AI_PROVIDER=openai needs OPENAI_BASE_URL and OPENAI_MODEL');
  }
  return settings;
});

export type AiSettings = SettingsOf<typeof aiSettings>;
