import type { Platform } from '../../../platform/module.ts';
import { createGeminiProvider } from '../providers/gemini.ts';
import { createOpenAiProvider } from '../providers/openai.ts';
import type { AiProvider } from '../providers/provider.ts';
import type { AiSettings } from '../settings.ts';

export type ClosableProvider = AiProvider & { close(): void };

/** The provider AI_PROVIDER names, or undefined for `rules` (the settings already checked the keys). */
export function chooseProvider(platform: Platform, settings: AiSettings): ClosableProvider | undefined {
  const common = { timeoutMs: settings.timeoutMs, metrics: platform.metrics, logger: platform.logger.child({ module: 'ai' }) };
  if (settings.provider === 'gemini' && settings.geminiApiKey) {
    return createGeminiProvider({
      ...common,
      apiKey: settings.geminiApiKey,
      model: settings.geminiModel,
      ...(settings.geminiApiUrl ? { baseUrl: settings.geminiApiUrl } : {}),
    });
  }
  if (settings.provider === 'openai' && settings.openaiBaseUrl && settings.openaiModel) {
    return createOpenAiProvider({
      ...common,
      baseUrl: settings.openaiBaseUrl,
      model: settings.openaiModel,
      ...(settings.openaiApiKey ? { apiKey: settings.openaiApiKey } : {}),
    });
  }
  return undefined;
}
