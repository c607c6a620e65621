import { defineSettings, type SettingsOf } from '../../platform/settings.ts';

// The notifications module's settings: Slack direct messages, off without a bot token (README, Configuration).
export const notificationsSettings = defineSettings((read) => ({
  slackBotToken: read.string('SLACK_BOT_TOKEN'),
  /** Slack's Web API base URL; a local stand-in in tests. */
  slackApiUrl: read.url('SLACK_API_URL', ['http:', 'https:']),
  /** At most one CHAT_MESSAGE notification per recipient and room within this (ms). */
  chatNotifyIntervalMs: read.duration('CHAT_NOTIFY_INTERVAL', '5m', { allowZero: true }),
}));

export type NotificationsSettings = SettingsOf<typeof notificationsSettings>;
