import type { Platform } from '../../../platform/module.ts';
import type { IdentityApi } from '../../identity/contract.ts';
import type { NotificationType } from '../contract.ts';
import type { SlackProvider } from '../providers/slack.ts';

export interface NotificationsDeps {
  readonly platform: Platform;
  readonly identity: Pick<IdentityApi, 'findUsers'>;
  readonly slack: SlackProvider;
  /** Types that also go to Slack for users with a slackUserId. */
  readonly slackTypes: readonly NotificationType[];
  /** At most one CHAT_MESSAGE per recipient and room within this (ms). */
  readonly chatNotifyIntervalMs: number;
  /** Wakes the delivery worker (after a consumer wrote notifications). */
  readonly wake: () => void;
}
