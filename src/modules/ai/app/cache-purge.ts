import type { Worker } from '../../../platform/module.ts';
import { deleteTranslationsBefore } from '../db/translations.repo.ts';
import type { AiDeps } from './deps.ts';

// Cached translations are used for AI_TRANSLATION_CACHE_TTL, then deleted: a translated chat message or
// review is personal data, and withdrawal cannot find it by author (the cache is keyed by a hash).

const HOUR = 3_600_000;

export type TranslationCachePurge = Worker & { runNow(): Promise<number> };

export function makeTranslationCachePurge({ platform, settings }: Pick<AiDeps, 'platform' | 'settings'>, onStop: () => void): TranslationCachePurge {
  const poller = platform.poller({
    name: 'ai.translation-cache-purge',
    intervalMs: HOUR,
    runOnce: async () => deleteTranslationsBefore(platform.database.db, new Date(platform.clock.now().getTime() - settings.translationCacheTtlMs)),
  });
  return {
    name: poller.name,
    start: () => poller.start(),
    runNow: () => poller.runNow(),
    async stop() {
      await poller.stop();
      onStop();
    },
  };
}
