import type { Platform } from '../../../platform/module.ts';
import type { AiApi } from '../../ai/contract.ts';
import type { CaregiversApi } from '../../caregivers/contract.ts';
import type { IdentityApi } from '../../identity/contract.ts';

// Everything the chat use cases are built from, passed in explicitly.

export interface ChatDeps {
  readonly platform: Platform;
  /** Names (room copies), preferred languages (translation targets, phrases). */
  readonly identity: Pick<IdentityApi, 'findUsers'>;
  /** Only APPROVED caregivers can be messaged. */
  readonly caregivers: Pick<CaregiversApi, 'findApprovedProfiles'>;
  /** Offline language detection; translation when a provider is configured. */
  readonly ai: Pick<AiApi, 'detectLanguage' | 'translate' | 'translationProvider'>;
}
