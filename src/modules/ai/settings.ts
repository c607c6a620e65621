import { defineSettings, type SettingsOf } from '../../platform/settings.ts';

// The AI module's settings, declared before the module itself is written (ARCHITECTURE.md: rule-based AI
// embedded, Gemini or an OpenAI-compatible API when configured). Read and checked at start already, so a
// deployment that sets them learns of a mistake now; the module will take them through its factory.

export type AiProviderName = 'rules' | 'gemini' | 'openai';

export const aiSettings = defineSettings((read) => {
  const settings = {
    provider: read.oneOf<AiProviderName>('AI_PROVIDER', ['rules', 'gemini', 'openai'], 'rules'),
    geminiApiKey: read.string('GEMINI_API_KEY'),
    geminiModel: read.string('GEMINI_MODEL') ?? 'gemini-flash-latest',
    geminiApiUrl: read.url('GEMINI_API_URL', ['http:', 'https:']),
    openaiBaseUrl: read.url('OPENAI_BASE_URL', ['http:', 'https:']),
    openaiApiKey: read.string('OPENAI_API_KEY'),
    openaiModel: read.string('OPENAI_MODEL'),
  };
  if (settings.provider === 'gemini' && !settings.geminiApiKey) read.problem('AI_PROVIDER=gemini needs GEMINI_API_KEY');
  if (settings.provider === 'openai' && (!settings.openaiBaseUrl || !settings.openaiModel)) {
    read.problem('AI_PROVIDER=openai needs OPENAI_BASE_URL and OPENAI_MODEL');
  }
  return settings;
});

export type AiSettings = SettingsOf<typeof aiSettings>;
