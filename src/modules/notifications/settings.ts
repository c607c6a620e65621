import { defineSettings, type SettingsOf } from '../../platform/settings.ts';

// The notifications module's settings: Slack direct messages, off without a bot token (README, Configuration).
export const notificationsSettings = defineSettings((read) => ({
  slackBotToken: read.string('SLACK_BOT_TOKEN'),
  /** Slack's Web API base URL; a local stand-in in tests. */
  slackApiUrl: read.url('SLACK_API_URL', ['http:', 'https:']),
}));

export type NotificationsSettings = SettingsOf<typeof notificationsSettings>;
