import type { Static, TSchema } from 'typebox';
import type { Actor } from '../access.ts';
import type { ServerFrame } from './frames.ts';

// Client frames a module answers (chat.send, chat.read), registered like routes: a module lists them in
// its `socketFrames` by frame type, each with the schema from frames.ts that the WebSocket route checks
// before calling it. A handler answers with the frames for the socket the frame came from; it reaches
// other sockets through platform.realtime. An AppError it throws becomes an error frame with its code.

export interface SocketFrameHandler {
  readonly schema: TSchema;
  /** Called with a frame that matched `schema`, from an authenticated connection. */
  handle(actor: Actor, frame: unknown): Promise<readonly ServerFrame[]>;
}

/** Client frame type -> handler. */
export type SocketFrameHandlers = Readonly<Record<string, SocketFrameHandler>>;

export function defineSocketFrame<S extends TSchema>(
  schema: S,
  handle: (actor: Actor, frame: Static<S>) => Promise<readonly ServerFrame[]>,
): SocketFrameHandler {
  // The route checks the frame against `schema` before calling, so the cast states a verified fact.
  return { schema, handle: (actor, frame) => handle(actor, frame as Static<S>) };
}

/** One table of every module's handlers; two modules claiming one frame type is a wiring bug. */
export function mergeSocketFrames(tables: readonly (SocketFrameHandlers | undefined)[]): SocketFrameHandlers {
  const merged: Record<string, SocketFrameHandler> = {};
  for (const table of tables) {
    for (const [type, handler] of Object.entries(table ?? {})) {
      if (Object.hasOwn(merged, type)) throw new Error(`two modules handle the client frame "${type}"`);
      merged[type] = handler;
    }
  }
  return merged;
}
