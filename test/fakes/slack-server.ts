import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the Slack Web API methods CareNest uses (api.slack.com/web): `conversations.open`
// and `chat.postMessage`, form-encoded (or JSON) POSTs to /api/<method> with `Authorization: Bearer`,
// answered HTTP 200 `{ok:true,...}` or `{ok:false,error}` as Slack does. Tests program failures with
// failNext and read `requests` / `messages`. Shares no code with the client (@slack/web-api).

export interface SlackRequest {
  readonly method: string;
  readonly token: string | undefined;
  readonly params: Record<string, string>;
  /** What the server answered: ok, or the error code / HTTP status it was told to fail with. */
  readonly outcome: 'ok' | string;
}

export interface SlackMessage {
  readonly channel: string;
  readonly user: string;
  readonly text: string;
  readonly ts: string;
}

export interface FakeSlack {
  /** Base for `slackApiUrl` / SLACK_API_URL: `http://127.0.0.1:PORT/api/`. */
  readonly url: string;
  readonly token: string;
  readonly requests: SlackRequest[];
  readonly messages: SlackMessage[];
  /**
   * The next `count` calls (of `method`, or of any method) fail: with `{ok:false, error}` (HTTP 200, Slack's
   * platform errors) or, when `status` is given, with that HTTP status. 0 clears pending faults.
   */
  failNext(count: number, options?: { method?: string; error?: string; status?: number }): void;
  close(): Promise<void>;
}

const KNOWN_USER = /^[UW][A-Z0-9]{2,20}$/;

function parseBody(raw: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.includes('application/json')) {
    const json = JSON.parse(raw || '{}') as Record<string, unknown>;
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

export async function startFakeSlack(options: { token?: string } = {}): Promise<FakeSlack> {
  const token = options.token ?? `xoxb-test-${randomBytes(6).toString('hex')}`;
  const requests: SlackRequest[] = [];
  const messages: SlackMessage[] = [];
  const channels = new Map<string, string>(); // DM channel id -> user id
  let faults: { count: number; method?: string; error: string; status?: number }[] = [];

  function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const params = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? params.token;
    const record = (outcome: string) => requests.push({ method, token: bearer, params, outcome });

    if (req.method !== 'POST' || !req.url?.startsWith('/api/')) {
      record('404');
      return answer(res, 404, { ok: false, error: 'unknown_method' });
    }
    const fault = faults.find((f) => f.count > 0 && (f.method === undefined || f.method === method));
    if (fault) {
      fault.count--;
      faults = faults.filter((f) => f.count > 0);
      record(fault.status !== undefined ? String(fault.status) : fault.error);
      return fault.status !== undefined ? answer(res, fault.status, { ok: false, error: fault.error }) : answer(res, 200, { ok: false, error: fault.error });
    }
    if (!bearer) {
      record('not_authed');
      return answer(res, 200, { ok: false, error: 'not_authed' });
    }
    if (bearer !== token) {
      record('invalid_auth');
      return answer(res, 200, { ok: false, error: 'invalid_auth' });
    }
    if (method === 'conversations.open') {
      const users = (params.users ?? '').split(',').filter(Boolean);
      if (users.length !== 1 || !KNOWN_USER.test(users[0]!)) {
        record(users.length === 0 ? 'users_list_not_supplied' : 'user_not_found');
        return answer(res, 200, { ok: false, error: users.length === 0 ? 'users_list_not_supplied' : 'user_not_found' });
      }
      const channel = `D${users[0]!.slice(1)}`;
      channels.set(channel, users[0]!);
      record('ok');
      return answer(res, 200, { ok: true, channel: { id: channel } });
    }
    if (method === 'chat.postMessage') {
      const channel = params.channel ?? '';
      const user = channels.get(channel);
      if (!user) {
        record('channel_not_found');
        return answer(res, 200, { ok: false, error: 'channel_not_found' });
      }
      if (!params.text && !params.blocks) {
        record('no_text');
        return answer(res, 200, { ok: false, error: 'no_text' });
      }
      const ts = `${Math.floor(Date.now() / 1000)}.${String(messages.length + 1).padStart(6, '0')}`;
      messages.push({ channel, user, text: params.text ?? '', ts });
      record('ok');
      return answer(res, 200, { ok: true, channel, ts, message: { text: params.text, ts } });
    }
    record('unknown_method');
    return answer(res, 200, { ok: false, error: 'unknown_method' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => answer(res, 500, { ok: false, error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    token,
    requests,
    messages,
    failNext(count, options = {}) {
      if (count === 0) {
        faults = [];
        return;
      }
      faults.push({ count, error: options.error ?? 'fatal_error', ...(options.method ? { method: options.method } : {}), ...(options.status !== undefined ? { status: options.status } : {}) });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
