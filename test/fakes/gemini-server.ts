import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, roughTokens, startModelServer, type ModelCall, type ModelServerControls } from './model-server.ts';

// A local stand-in for the Gemini API's generateContent (ai.google.dev/api/generate-content), written
// from its documentation:
// - `POST /v1/models/{model}:generateContent` (or /v1beta, the SDK's default before 3.x), the key in the `x-goog-api-key` header (or `?key=`);
// - body `{contents: [{role, parts: [{text}]}], systemInstruction?: {parts: [{text}]}, generationConfig?:
//   {temperature, responseMimeType, responseJsonSchema}}` (proto JSON: camelCase or snake_case names);
//   a JSON schema without responseMimeType `application/json` is refused (400 INVALID_ARGUMENT);
// - answer `{candidates: [{content: {role: 'model', parts: [{text}]}, finishReason: 'STOP', index}],
//   usageMetadata: {promptTokenCount, candidatesTokenCount, totalTokenCount}, modelVersion}`;
// - errors `{error: {code, message, status}}`: 400 INVALID_ARGUMENT (also a wrong key), 403
//   PERMISSION_DENIED (no key), 404 NOT_FOUND, 429 RESOURCE_EXHAUSTED, 500 INTERNAL, 503 UNAVAILABLE.

export type FakeGemini = ModelServerControls;

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

function error(res: ServerResponse, code: number, message: string): void {
  json(res, code, { error: { code, message, status: STATUS_NAMES[code] ?? 'UNKNOWN' } });
}

type Part = { text?: unknown };
type Content = { role?: unknown; parts?: Part[] };

const textOf = (content: Content | undefined): string =>
  (Array.isArray(content?.parts) ? content.parts : []).map((p) => (typeof p.text === 'string' ? p.text : '')).join('');

export async function startFakeGemini(options: { apiKey?: string } = {}): Promise<FakeGemini> {
  const apiKey = options.apiKey ?? `AIza-test-${randomBytes(8).toString('hex')}`;
  const answer = (res: ServerResponse, text: string, promptTokens: number, model: string) =>
    json(res, 200, {
      candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: promptTokens, candidatesTokenCount: roughTokens(text), totalTokenCount: promptTokens + roughTokens(text) },
      modelVersion: model,
    });

  return startModelServer(apiKey, {
    parse(req: IncomingMessage, raw: string, res: ServerResponse): Omit<ModelCall, 'outcome'> | undefined {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const match = /^\/v1(?:beta)?\/models\/([^/:]+):generateContent$/.exec(url.pathname);
      if (req.method !== 'POST' || !match) return void error(res, 404, `Method not found: ${req.method} ${url.pathname}`);
      const key = req.headers['x-goog-api-key'] ?? url.searchParams.get('key');
      if (!key) return void error(res, 403, "Method doesn't allow unregistered callers. Please use an API key.");
      if (key !== apiKey) return void error(res, 400, 'API key not valid. Please pass a valid API key.');
      let body: {
        contents?: Content[];
        systemInstruction?: Content;
        system_instruction?: Content;
        generationConfig?: Record<string, unknown>;
        generation_config?: Record<string, unknown>;
      };
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        return void error(res, 400, 'Invalid JSON payload received.');
      }
      const contents = body.contents;
      if (!Array.isArray(contents) || contents.length === 0) return void error(res, 400, '* GenerateContentRequest.contents: contents is not specified');
      const user = [...contents].reverse().find((c) => c.role === undefined || c.role === 'user');
      const config = body.generationConfig ?? body.generation_config ?? {};
      const mime = config.responseMimeType ?? config.response_mime_type;
      const schema = config.responseJsonSchema ?? config.response_json_schema ?? config.responseSchema ?? config.response_schema;
      if (schema !== undefined && mime !== 'application/json') {
        return void error(res, 400, 'A response schema needs responseMimeType application/json.');
      }
      return { model: match[1]!, system: textOf(body.systemInstruction ?? body.system_instruction), user: textOf(user), json: mime === 'application/json', schema };
    },
    success: (res, call, text) => answer(res, text, roughTokens(call.system) + roughTokens(call.user), call.model),
    error: (res, status) => error(res, status, `Stand-in failure (HTTP ${status})`),
    malformed: (res, call) => answer(res, call.json ? '{"filters": {"sido": "서울' : '', 0, call.model),
  });
}
