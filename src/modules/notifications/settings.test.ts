import { describe, expect, it } from 'vitest';
import { ConfigError, defaultSettings, loadSettings } from '../../platform/settings.ts';
import { notificationsSettings, parseSlackTypes } from './settings.ts';

describe('notifications settings', () => {
  it('send the booking outcome and offline chat messages to Slack by default', () => {
    expect(defaultSettings(notificationsSettings).slackTypes).toEqual(['RESERVATION_CONFIRMED', 'RESERVATION_CANCELLED', 'CHAT_MESSAGE']);
  });

  it('read SLACK_NOTIFICATION_TYPES as known types, each once', () => {
    expect(parseSlackTypes('CHAT_MESSAGE, REVIEW_RECEIVED,CHAT_MESSAGE')).toEqual(['CHAT_MESSAGE', 'REVIEW_RECEIVED']);
    expect(parseSlackTypes('')).toEqual([]);
    expect(parseSlackTypes('CHAT_MESSAGE,NEWSLETTER')).toBeUndefined();
    expect(loadSettings({ SLACK_NOTIFICATION_TYPES: 'SETTLEMENT_PAID' }, notificationsSettings).slackTypes).toEqual(['SETTLEMENT_PAID']);
    expect(() => loadSettings({ SLACK_NOTIFICATION_TYPES: 'chat' }, notificationsSettings)).toThrow(ConfigError);
  });
});
