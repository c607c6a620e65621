import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, roughTokens, startModelServer, type ModelCall, type ModelServerControls } from './model-server.ts';

// A local stand-in for an OpenAI-compatible chat-completions endpoint (platform.openai.com/docs/api-reference/chat),
// written from OpenAI's documentation:
// - `POST {base}/chat/completions` (base ends in /v1), `Authorization: Bearer <key>` (a self-hosted server
//   may run without a key: `requireKey: false`);
// - body `{model, messages: [{role: system|developer|user|assistant, content}], temperature?, response_format?:
//   {type: 'text'|'json_object'|'json_schema', json_schema?: {name, schema, strict?}}}`;
// - answer `{id, object: 'chat.completion', created, model, choices: [{index, message: {role: 'assistant',
//   content, refusal: null}, finish_reason: 'stop'}], usage: {prompt_tokens, completion_tokens, total_tokens}}`;
// - errors `{error: {message, type, param, code}}`: 400 invalid_request_error, 401 invalid_api_key,
//   404 model_not_found, 429 rate_limit_exceeded, 500 server_error, 503 (overloaded).
// `fencedJson: true` plays a server that ignores response_format and wraps JSON in a ```json fence, as
// small self-hosted models do.

export type FakeOpenAi = ModelServerControls & { readonly baseUrl: string };

const ERROR_TYPES: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  404: { type: 'invalid_request_error', code: 'model_not_found' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
  500: { type: 'server_error', code: null },
  503: { type: 'server_error', code: null },
};

function error(res: ServerResponse, status: number, message: string): void {
  const known = ERROR_TYPES[status] ?? { type: 'server_error', code: null };
  json(res, status, { error: { message, type: known.type, param: null, code: known.code } });
}

type Message = { role?: unknown; content?: unknown };

const contentOf = (message: Message | undefined): string => {
  const content = message?.content;
  if (typeof content === 'string') return content;
  // Content parts: [{type: 'text', text}]
  if (Array.isArray(content)) return content.map((p: { text?: unknown }) => (typeof p.text === 'string' ? p.text : '')).join('');
  return '';
};

export async function startFakeOpenAi(options: { apiKey?: string; requireKey?: boolean; fencedJson?: boolean } = {}): Promise<FakeOpenAi> {
  const apiKey = options.apiKey ?? `sk-test-${randomBytes(8).toString('hex')}`;
  const requireKey = options.requireKey ?? true;
  let sequence = 0;
  const answer = (res: ServerResponse, call: Omit<ModelCall, 'outcome'>, content: string) => {
    const prompt = roughTokens(call.system) + roughTokens(call.user);
    json(res, 200, {
      id: `chatcmpl-${++sequence}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: call.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: prompt, completion_tokens: roughTokens(content), total_tokens: prompt + roughTokens(content) },
    });
  };

  const server = await startModelServer(apiKey, {
    parse(req: IncomingMessage, raw: string, res: ServerResponse): Omit<ModelCall, 'outcome'> | undefined {
      const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
      if (req.method !== 'POST' || path !== '/v1/chat/completions') return void error(res, 404, `Unknown request URL: ${req.method} ${path}`);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (requireKey && bearer !== apiKey) return void error(res, 401, 'Incorrect API key provided.');
      let body: { model?: unknown; messages?: Message[]; response_format?: { type?: unknown; json_schema?: { name?: unknown; schema?: unknown } } };
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        return void error(res, 400, 'We could not parse the JSON body of your request.');
      }
      if (typeof body.model !== 'string' || body.model === '') return void error(res, 400, "you must provide a model parameter");
      if (!Array.isArray(body.messages) || body.messages.length === 0) return void error(res, 400, "[] is too short - 'messages'");
      const format = body.response_format;
      if (format?.type === 'json_schema' && (typeof format.json_schema?.name !== 'string' || typeof format.json_schema.schema !== 'object')) {
        return void error(res, 400, "Missing required parameter: 'response_format.json_schema'.");
      }
      const system = body.messages.filter((m) => m.role === 'system' || m.role === 'developer').map(contentOf).join('\n');
      const user = contentOf([...body.messages].reverse().find((m) => m.role === 'user'));
      const wantsJson = format?.type === 'json_schema' || format?.type === 'json_object';
      return { model: body.model, system, user, json: wantsJson, schema: format?.json_schema?.schema };
    },
    success: (res, call, text) => answer(res, call, call.json && options.fencedJson ? `Here are the filters:\n\`\`\`json\n${text}\n\`\`\`` : text),
    error: (res, status) => error(res, status, `Stand-in failure (HTTP ${status})`),
    malformed: (res, call) => answer(res, call, call.json ? 'Sorry, I cannot help with { that' : ''),
  });
  return { ...server, baseUrl: `${server.url}/v1` };
}
