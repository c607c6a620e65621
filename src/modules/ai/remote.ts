import { defineRemoteContract } from '../../platform/remote/contract.ts';
import type { AiApi, TranslationProviderInfo } from './contract.ts';
import { detectLanguage } from './domain/language.ts';
import { processedIn } from './providers/openai.ts';
import type { AiSettings } from './settings.ts';

// AiApi over HTTP (split mode). Translating is a write (it spends the caller's rate limit and the provider's
// quota, so it is never sent twice); the language guess is pure and the provider's name comes from the same
// AI_* settings every service reads, so both are computed on the caller's side.
export const aiRemote = defineRemoteContract<AiApi, AiSettings>({
  module: 'ai',
  methods: { translate: 'write' },
  local: (settings) => ({ detectLanguage, translationProvider: translationProviderOf(settings) }),
});

/** What makeAiApi reports for the provider chooseProvider would pick from these settings. */
function translationProviderOf(settings: AiSettings): TranslationProviderInfo | undefined {
  if (settings.provider === 'gemini' && settings.geminiApiKey) return { name: 'gemini', processedIn: 'Google (United States)' };
  if (settings.provider === 'openai' && settings.openaiBaseUrl && settings.openaiModel) return { name: 'openai', processedIn: processedIn(settings.openaiBaseUrl) };
  return undefined;
}
