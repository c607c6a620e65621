import { defineSettings, type SettingsOf } from '../../platform/settings.ts';
import { NOTIFICATION_TYPES, type NotificationType } from './contract.ts';
import { DEFAULT_SLACK_TYPES } from './domain/templates.ts';

/** `RESERVATION_CONFIRMED,CHAT_MESSAGE` -> the types, each known and once; undefined when malformed. */
export function parseSlackTypes(text: string): NotificationType[] | undefined {
  const types = text.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (!types.every((t): t is NotificationType => (NOTIFICATION_TYPES as readonly string[]).includes(t))) return undefined;
  return [...new Set(types)];
}

// The notifications module's settings: Slack direct messages, off without a bot token (README, Configuration).
export const notificationsSettings = defineSettings((read) => ({
  slackBotToken: read.string('SLACK_BOT_TOKEN'),
  /** Slack's Web API base URL; a local stand-in in tests. */
  slackApiUrl: read.url('SLACK_API_URL', ['http:', 'https:']),
  /** At most one CHAT_MESSAGE notification per recipient and room within this (ms). */
  chatNotifyIntervalMs: read.duration('CHAT_NOTIFY_INTERVAL', '5m', { allowZero: true }),
  /** Notification types also sent as Slack DMs to users with a slackUserId. */
  slackTypes: read.parsed('SLACK_NOTIFICATION_TYPES', DEFAULT_SLACK_TYPES.join(','), parseSlackTypes, `list notification types (${NOTIFICATION_TYPES.join(', ')}) separated by commas`),
}));

export type NotificationsSettings = SettingsOf<typeof notificationsSettings>;
