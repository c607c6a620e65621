import type { Actor } from '../../../platform/access.ts';
import { saveTranslationSetting, translationSetting } from '../db/chat.repo.ts';
import { PHRASES } from '../domain/phrases.ts';
import type { ChatDeps } from './deps.ts';
import type { ChatSettingsInput, ChatSettingsView, PhraseView } from './schemas.ts';

// Per-user chat settings: translation on (the default) or off. Off means the user's messages are never
// sent to the AI provider (PIPA: a provider abroad is a cross-border transfer); the view says which
// provider translates and where, so the app can tell the user plainly.

export function makeChatSettings({ platform, ai }: ChatDeps) {
  const provider = ai.translationProvider ? { name: ai.translationProvider.name, processedIn: ai.translationProvider.processedIn } : null;
  return {
    async getSettings(actor: Actor): Promise<ChatSettingsView> {
      return { translation: (await translationSetting(platform.database.db, actor.userId)) ?? true, translationProvider: provider };
    },
    async putSettings(actor: Actor, input: ChatSettingsInput): Promise<ChatSettingsView> {
      await platform.transact((tx) => saveTranslationSetting(tx, actor.userId, input.translation, platform.clock.now()));
      return { translation: input.translation, translationProvider: provider };
    },
    listPhrases(): { items: PhraseView[] } {
      return { items: PHRASES.map((phrase) => ({ id: phrase.id, category: phrase.category, texts: { ...phrase.texts } })) };
    },
  };
}
