import { defineManifest, type Module, type Platform } from '../../platform/module.ts';
import { defaultSettings } from '../../platform/settings.ts';
import type { IdentityApi } from '../identity/contract.ts';
import type { NotificationType } from './contract.ts';
import { makeDeliveryWorker, type DeliveryWorker } from './app/delivery-worker.ts';
import type { NotificationsDeps } from './app/deps.ts';
import { makeLiveFeedConsumer } from './app/live-feed.ts';
import { makeRecordNotificationsConsumer } from './app/record-notifications.ts';
import { makeUserWithdrawnConsumer } from './app/user-withdrawn.ts';
import { makeNotificationsUseCases, type NotificationsUseCases } from './app/use-cases.ts';
import { notificationsRetentionRules } from './db/retention.repo.ts';
import { notificationRoutes } from './http/routes.ts';
import { createSlackProvider, type SlackProvider } from './providers/slack.ts';
import { instrumentSlack } from './providers/metrics.ts';
import { notificationsSettings, type NotificationsSettings } from './settings.ts';

export type { NotificationsUseCases } from './app/use-cases.ts';
export type { DeliveryWorker } from './app/delivery-worker.ts';

export interface NotificationsOptions {
  readonly identity: Pick<IdentityApi, 'findUsers'>;
  /** Default: @slack/web-api from SLACK_BOT_TOKEN / SLACK_API_URL, a no-op without a token. */
  readonly slack?: SlackProvider;
  /** Notification types also sent as Slack DMs, instead of the settings' (SLACK_NOTIFICATION_TYPES). */
  readonly slackTypes?: readonly NotificationType[];
  /** The start-up settings (settings.ts); their defaults when absent. */
  readonly settings?: NotificationsSettings;
}

export const notificationsManifest = defineManifest('notifications', { settings: notificationsSettings, tablesAt: import.meta.url });

export function createNotificationsModule(
  platform: Platform,
  options: NotificationsOptions,
): Module & { useCases: NotificationsUseCases; delivery: DeliveryWorker } {
  const settings = options.settings ?? defaultSettings(notificationsSettings);
  const slack = instrumentSlack(options.slack ?? createSlackProvider({ botToken: settings.slackBotToken, apiUrl: settings.slackApiUrl }), platform.metrics);
  const base = {
    platform,
    identity: options.identity,
    slack,
    slackTypes: options.slackTypes ?? settings.slackTypes,
    chatNotifyIntervalMs: settings.chatNotifyIntervalMs,
  };
  const delivery = makeDeliveryWorker(base);
  const deps: NotificationsDeps = { ...base, wake: () => delivery.wake() };
  const useCases = makeNotificationsUseCases(deps);
  return {
    name: 'notifications',
    routes: (app) => notificationRoutes(app, useCases),
    consumers: [makeRecordNotificationsConsumer(deps), makeLiveFeedConsumer(platform), makeUserWithdrawnConsumer()],
    workers: [delivery],
    retention: notificationsRetentionRules,
    useCases,
    delivery,
  };
}
