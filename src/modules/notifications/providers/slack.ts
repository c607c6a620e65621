import { LogLevel, WebClient } from '@slack/web-api';

// Slack behind an interface: the real client over @slack/web-api, and a no-op when no bot token is set.
// DM = conversations.open({users}) then chat.postMessage. We store the user's Slack member id, so no
// users.lookupByEmail. The client's defaults (no timeout, ten retries over 30 minutes) are overridden: a
// send is short and bounded, and the delivery worker owns the longer retry schedule.

export interface SlackProvider {
  /** false for the no-op: nothing is queued for Slack at all. */
  readonly enabled: boolean;
  /** Throws when Slack refuses or cannot be reached; the caller retries later. */
  sendDirectMessage(slackUserId: string, text: string): Promise<void>;
}

export interface SlackOptions {
  readonly botToken: string | undefined;
  /** e.g. http://127.0.0.1:PORT/api/ (tests); default Slack's own. */
  readonly apiUrl?: string | undefined;
  readonly timeoutMs?: number;
  readonly retries?: number;
}

export const noopSlack: SlackProvider = {
  enabled: false,
  async sendDirectMessage() {
    // Slack is off (SLACK_BOT_TOKEN empty).
  },
};

export function createSlackProvider(options: SlackOptions): SlackProvider {
  if (!options.botToken) return noopSlack;
  const client = new WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/` } : {}),
    timeout: options.timeoutMs ?? 5_000,
    retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 200, maxTimeout: 1_000, randomize: true },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
  return {
    enabled: true,
    async sendDirectMessage(slackUserId, text) {
      const opened = await client.conversations.open({ users: slackUserId });
      const channel = opened.channel?.id;
      if (!channel) throw new Error('Slack conversations.open returned no channel');
      await client.chat.postMessage({ channel, text, mrkdwn: true });
    },
  };
}
