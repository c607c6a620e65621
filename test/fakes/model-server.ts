import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// What the local stand-ins for Gemini (gemini-server.ts) and OpenAI-compatible servers (openai-server.ts)
// share: a real HTTP server, a log of the model calls, the model's programmable answers and the faults
// tests inject (HTTP errors, slowness, malformed output). The protocol parts (paths, auth, bodies, error
// shapes) are in each file, written from the providers' documentation. No code shared with the clients.

/** One request the "model" answered, as the stand-in understood it. */
export interface ModelCall {
  readonly model: string;
  /** The system instruction. */
  readonly system: string;
  /** The user's text (the last user message). */
  readonly user: string;
  /** Whether structured JSON output was asked for, and with which schema. */
  readonly json: boolean;
  readonly schema: unknown;
  /** What was answered: 'ok', 'malformed', or the HTTP status of an injected error. */
  readonly outcome: string;
}

export type Fault = { kind: 'status'; status: number } | { kind: 'slow'; ms: number } | { kind: 'malformed' };

export interface ModelServerControls {
  /** Base URL to configure the client with. */
  readonly url: string;
  readonly apiKey: string;
  readonly calls: ModelCall[];
  /** Requests that reached the model (auth and shape checks passed), faults included. */
  callCount(): number;
  /**
   * How the model answers from now on. Default: plain text `translated(<lang>): <user text>` where lang is the
   * last ISO code named in the instruction's "into ..." (good enough to tell answers apart), and `{}` for JSON.
   */
  answerWith(answer: (call: Omit<ModelCall, 'outcome'>) => string): void;
  /** The next `count` model calls fail this way (HTTP status, a delay before answering, unusable output). */
  failNext(count: number, fault: Fault): void;
  close(): Promise<void>;
}

export function defaultAnswer(call: Omit<ModelCall, 'outcome'>): string {
  if (call.json) return '{}';
  const into = /into ([A-Z][a-z]+(?: [A-Z][a-z]+)?)/.exec(call.system)?.[1] ?? 'target';
  return `translated(${into}): ${call.user}`;
}

export interface ModelProtocol {
  /** Answers the request itself (404, auth, shape errors) or returns the parsed model call. */
  parse(req: IncomingMessage, body: string, res: ServerResponse): Omit<ModelCall, 'outcome'> | undefined;
  success(res: ServerResponse, call: Omit<ModelCall, 'outcome'>, text: string): void;
  error(res: ServerResponse, status: number): void;
  /** What the model says when its output is malformed: truncated JSON for structured calls. */
  malformed(res: ServerResponse, call: Omit<ModelCall, 'outcome'>): void;
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

export async function startModelServer(apiKey: string, protocol: ModelProtocol): Promise<ModelServerControls> {
  const calls: ModelCall[] = [];
  let faults: { count: number; fault: Fault }[] = [];
  let answer = defaultAnswer;
  let reached = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const call = protocol.parse(req, Buffer.concat(chunks).toString('utf8'), res);
    if (!call) return;
    reached++;
    const pending = faults.find((f) => f.count > 0);
    if (pending) {
      pending.count--;
      faults = faults.filter((f) => f.count > 0);
    }
    const fault = pending?.fault;
    if (fault?.kind === 'status') {
      calls.push({ ...call, outcome: String(fault.status) });
      return protocol.error(res, fault.status);
    }
    if (fault?.kind === 'malformed') {
      calls.push({ ...call, outcome: 'malformed' });
      return protocol.malformed(res, call);
    }
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    calls.push({ ...call, outcome: 'ok' });
    protocol.success(res, call, answer(call));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => json(res, 500, { error: { message: 'stand-in failed' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    calls,
    callCount: () => reached,
    answerWith(next) {
      answer = next;
    },
    failNext(count, fault) {
      faults = count === 0 ? [] : [...faults, { count, fault }];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Whitespace-separated words, a rough token count for the usage fields. */
export function roughTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
