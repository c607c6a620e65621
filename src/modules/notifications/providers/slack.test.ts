import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../../../test/fakes/slack-server.ts';
import { createSlackProvider, noopSlack } from './slack.ts';

// The real adapter over @slack/web-api against the local Slack Web API server.
describe('Slack provider (@slack/web-api)', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack.close();
  });

  it('is a no-op without a bot token', () => {
    expect(createSlackProvider({ botToken: undefined })).toBe(noopSlack);
    expect(createSlackProvider({ botToken: '' }).enabled).toBe(false);
  });

  it('opens the DM and posts the message with the bot token', async () => {
    const provider = createSlackProvider({ botToken: slack.token, apiUrl: slack.url });
    await provider.sendDirectMessage('U0123ABCD', '*Title*\nBody');
    expect(slack.messages.at(-1)).toMatchObject({ user: 'U0123ABCD', channel: 'D0123ABCD', text: '*Title*\nBody' });
    expect(slack.requests.slice(-2).map((r) => [r.method, r.token, r.outcome])).toEqual([
      ['conversations.open', slack.token, 'ok'],
      ['chat.postMessage', slack.token, 'ok'],
    ]);
  });

  it('throws on a Slack error without retrying it', async () => {
    const provider = createSlackProvider({ botToken: slack.token, apiUrl: slack.url });
    slack.failNext(1, { method: 'chat.postMessage', error: 'channel_not_found' });
    const before = slack.requests.length;
    await expect(provider.sendDirectMessage('U0123ABCD', 'x')).rejects.toMatchObject({ code: 'slack_webapi_platform_error' });
    expect(slack.requests.length - before).toBe(2);
  });

  it('retries an HTTP 500 a bounded number of times', async () => {
    const provider = createSlackProvider({ botToken: slack.token, apiUrl: slack.url, retries: 1 });
    slack.failNext(5, { status: 500 });
    const before = slack.requests.length;
    await expect(provider.sendDirectMessage('U0123ABCD', 'x')).rejects.toThrow();
    expect(slack.requests.length - before).toBe(2);
    slack.failNext(0);
  });

  it('refuses a wrong token', async () => {
    const provider = createSlackProvider({ botToken: 'xoxb-wrong', apiUrl: slack.url });
    await expect(provider.sendDirectMessage('U0123ABCD', 'x')).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });
});
