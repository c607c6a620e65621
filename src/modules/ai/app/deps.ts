import type { Logger } from 'pino';
import type { Platform } from '../../../platform/module.ts';
import type { AiProvider } from '../providers/provider.ts';
import type { AiMetrics } from '../providers/metrics.ts';
import type { AiSettings } from '../settings.ts';

// Everything the AI use cases are built from, passed in explicitly.
export interface AiDeps {
  readonly platform: Platform;
  readonly settings: AiSettings;
  /** The configured model; undefined with AI_PROVIDER=rules (search answers from rules, no translation). */
  readonly provider: AiProvider | undefined;
  readonly metrics: AiMetrics;
  readonly logger: Pick<Logger, 'info' | 'warn'>;
}
