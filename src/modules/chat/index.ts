import { defineManifest, type Module, type Platform } from '../../platform/module.ts';
import type { Poller } from '../../platform/poller.ts';
import type { ChatDeps } from './app/deps.ts';
import { chatSocketFrames } from './app/socket-frames.ts';
import { makeTranslateConsumer, makeTranslationWorker } from './app/translation.ts';
import { makeChatUseCases, type ChatUseCases } from './app/use-cases.ts';
import { makeUserWithdrawnConsumer } from './app/user-withdrawn.ts';
import { chatRoutes } from './http/routes.ts';

export type { ChatUseCases } from './app/use-cases.ts';

export interface ChatOptions {
  readonly identity: ChatDeps['identity'];
  readonly caregivers: ChatDeps['caregivers'];
  readonly ai: ChatDeps['ai'];
}

export const chatManifest = defineManifest('chat', { tablesAt: import.meta.url });

export function createChatModule(platform: Platform, options: ChatOptions): Module & { useCases: ChatUseCases; translations: Poller<number> } {
  const deps: ChatDeps = { platform, ...options };
  const useCases = makeChatUseCases(deps);
  const translations = makeTranslationWorker(deps);
  return {
    name: 'chat',
    routes: (app) => chatRoutes(app, useCases),
    socketFrames: chatSocketFrames(useCases),
    consumers: [makeTranslateConsumer(deps, () => translations), makeUserWithdrawnConsumer()],
    workers: [translations],
    useCases,
    translations,
  };
}
