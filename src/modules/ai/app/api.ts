import type { AiApi } from '../contract.ts';
import { detectLanguage } from '../domain/language.ts';
import type { AiDeps } from './deps.ts';
import { makeTranslate } from './translate.ts';

/** What other modules (chat, reviews) get of the AI module. */
export function makeAiApi(deps: AiDeps): AiApi {
  const { provider } = deps;
  return {
    translationProvider: provider ? { name: provider.name, processedIn: provider.processedIn } : undefined,
    detectLanguage,
    translate: makeTranslate(deps),
  };
}
