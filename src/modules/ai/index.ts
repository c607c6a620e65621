import { defineManifest, type Module, type Platform } from '../../platform/module.ts';
import { defaultSettings } from '../../platform/settings.ts';
import type { AiApi } from './contract.ts';
import { makeAiApi } from './app/api.ts';
import { makeTranslationCachePurge, type TranslationCachePurge } from './app/cache-purge.ts';
import type { AiDeps } from './app/deps.ts';
import { chooseProvider, type ClosableProvider } from './app/provider-choice.ts';
import { translationRoutes } from './http/translation-routes.ts';
import { makeCaregiverSearch } from './app/caregiver-search.ts';
import { makeRateLimiter } from './app/rate-limit.ts';
import { aiSearchRoutes } from './http/search-routes.ts';
import type { CaregiversApi } from '../caregivers/contract.ts';
import { aiMetrics } from './providers/metrics.ts';
import type { AiProvider } from './providers/provider.ts';
import { aiSettings, type AiSettings } from './settings.ts';

export type { AiSettings } from './settings.ts';

export interface AiOptions {
  /** The start-up settings (settings.ts); their defaults when absent. */
  readonly settings?: AiSettings;
  /** Instead of the provider the settings name (tests); `null` for none. */
  readonly provider?: AiProvider | null;
  /** The caregiver search POST /ai/caregiver-search reads regions from and answers with; the route is off without it. */
  readonly caregivers?: Pick<CaregiversApi, 'regionCatalogue' | 'search'>;
}

export const aiManifest = defineManifest('ai', { settings: aiSettings, tablesAt: import.meta.url });

export function createAiModule(platform: Platform, options: AiOptions = {}): Module & { api: AiApi; provider: AiProvider | undefined; cachePurge: TranslationCachePurge } {
  const settings = options.settings ?? defaultSettings(aiSettings);
  // Only a provider built here is closed here (its breaker's timers); a given one belongs to the caller.
  const own: ClosableProvider | undefined = options.provider === undefined ? chooseProvider(platform, settings) : undefined;
  const provider = own ?? options.provider ?? undefined;
  const deps: AiDeps = { platform, settings, provider, metrics: aiMetrics(platform.metrics), logger: platform.logger.child({ module: 'ai' }) };
  const api = makeAiApi(deps);
  const cachePurge = makeTranslationCachePurge(deps, () => own?.close());
  const { caregivers } = options;
  const caregiverSearch = caregivers && makeCaregiverSearch({ provider, caregivers, takeProviderCall: makeRateLimiter(deps), logger: deps.logger });
  return {
    name: 'ai',
    routes: (app) => {
      translationRoutes(app, api);
      if (caregiverSearch) aiSearchRoutes(app, caregiverSearch);
    },
    workers: [cachePurge],
    api,
    provider,
    cachePurge,
  };
}
