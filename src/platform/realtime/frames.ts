import { Type, type Static, type TSchema } from 'typebox';

// Every WebSocket frame of /api/v1/ws (API.md "Notifications and real time"), declared once. The server
// builds frames typed by these schemas; the web app (web/src/api/live.ts) checks each incoming frame
// against them and drops what does not match. The web bundle imports this file too: it must stay
// browser-safe (typebox's tree-shakable `Type` builders only, no node imports, no typebox/value, whose
// checker alone would add about 26 KB gzipped to the family home page).

// ---- server -> client, published by modules through platform.realtime (to users or to all admins)

export const NotificationFrame = Type.Object({
  type: Type.Literal('notification'),
  /** The notification as GET /notifications lists it (API.md), in the reader's language. */
  notification: Type.Object({
    id: Type.String(),
    type: Type.String(),
    title: Type.String(),
    body: Type.String(),
    // Type.Record would pull typebox's whole type engine into the web bundle; an open object is the same check.
    data: Type.Unsafe<Record<string, unknown>>({ type: 'object' }),
    readAt: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
  }),
});

export const ReservationUpdatedFrame = Type.Object({
  type: Type.Literal('reservation.updated'),
  reservation: Type.Object({ id: Type.String(), status: Type.String() }),
});

/** Admins only (the live feed). */
export const PaymentUpdatedFrame = Type.Object({
  type: Type.Literal('payment.updated'),
  payment: Type.Object({ id: Type.String(), reservationId: Type.String(), status: Type.String() }),
});

/** A chat message as its readers see it (GET /chat/rooms/:id/messages items; src/modules/chat). */
export const ChatMessage = Type.Object({
  id: Type.String(),
  roomId: Type.String(),
  /** The message's number in its room (1, 2, ...): frames may reach a client out of order across replicas, seq never. */
  seq: Type.Integer(),
  senderId: Type.String(),
  /** The original text, as the sender wrote it. */
  text: Type.String(),
  /** ISO 639-1 code of the original text. */
  language: Type.String(),
  /** `{language: text}`: translations for the readers (AI), or every other rendition of a quick phrase. */
  // additionalProperties matters beyond checking: the HTTP routes serialise with this schema, and an object
  // schema without it is written out as `{}` (fast-json-stringify keeps only declared properties).
  translations: Type.Unsafe<Record<string, string>>({ type: 'object', additionalProperties: { type: 'string' } }),
  /** Set when sent as a quick phrase (GET /chat/phrases). */
  phraseId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  /** When the other participant read it; null until then. */
  readAt: Type.Union([Type.String(), Type.Null()]),
});

/** A new message, to every open socket of both participants. */
export const ChatMessageFrame = Type.Object({ type: Type.Literal('chat.message'), message: ChatMessage });
/** Answers the sender's `chat.send` on the socket it came from (also for a repeated clientMessageId). */
export const ChatAckFrame = Type.Object({ type: Type.Literal('chat.ack'), clientMessageId: Type.String(), message: ChatMessage });
/** A translation of a message for its reader, made in the background. */
export const ChatTranslationFrame = Type.Object({
  type: Type.Literal('chat.translation'),
  roomId: Type.String(),
  messageId: Type.String(),
  language: Type.String(),
  text: Type.String(),
});
/** `readerId` read every message of the other participant up to `upToSeq`, to both participants' sockets. */
export const ChatReadReceiptFrame = Type.Object({
  type: Type.Literal('chat.read'),
  roomId: Type.String(),
  readerId: Type.String(),
  upToMessageId: Type.String(),
  upToSeq: Type.Integer(),
  readAt: Type.String(),
});

/** What modules publish through platform.realtime. */
export const ServerFrame = Type.Union([
  NotificationFrame,
  ReservationUpdatedFrame,
  PaymentUpdatedFrame,
  ChatMessageFrame,
  ChatAckFrame,
  ChatTranslationFrame,
  ChatReadReceiptFrame,
]);
export type ServerFrame = Static<typeof ServerFrame>;

// ---- server -> client, about the connection itself (platform/realtime/websocket.ts)

export const AuthOkFrame = Type.Object({ type: Type.Literal('auth.ok'), userId: Type.String(), role: Type.String(), expiresAt: Type.String() });
/** Answers a bad client frame (API.md lists the codes: AUTHENTICATION_REQUIRED, UNKNOWN_TYPE, ...). */
export const ErrorFrame = Type.Object({ type: Type.Literal('error'), code: Type.String(), message: Type.String() });
export const PongFrame = Type.Object({ type: Type.Literal('pong') });

export const ControlFrame = Type.Union([AuthOkFrame, ErrorFrame, PongFrame]);
export type ControlFrame = Static<typeof ControlFrame>;

/** Everything a client receives. */
export const LiveFrame = Type.Union([...ServerFrame.anyOf, ...ControlFrame.anyOf]);
export type LiveFrame = Static<typeof LiveFrame>;

// ---- client -> server

/** The first frame of every connection. */
export const AuthFrame = Type.Object({ type: Type.Literal('auth'), token: Type.String({ minLength: 1 }) });
export const PingFrame = Type.Object({ type: Type.Literal('ping') });

/**
 * Sends a chat message (as POST /chat/rooms/:id/messages): `text`, or `phraseId`, or both. Answered
 * `chat.ack` on this socket, or an error frame (the codes of the HTTP route; a room the sender is not in
 * is ROOM_NOT_FOUND) and nothing delivered.
 */
export const ChatSendFrame = Type.Object({
  type: Type.Literal('chat.send'),
  roomId: Type.String({ minLength: 1 }),
  text: Type.Optional(Type.String()),
  phraseId: Type.Optional(Type.String({ minLength: 1 })),
  clientMessageId: Type.String({ minLength: 1 }),
});
/** Marks the other participant's messages up to `messageId` read (as POST /chat/rooms/:id/read). */
export const ChatReadFrame = Type.Object({ type: Type.Literal('chat.read'), roomId: Type.String({ minLength: 1 }), messageId: Type.String({ minLength: 1 }) });

export const ClientFrame = Type.Union([AuthFrame, PingFrame, ChatSendFrame, ChatReadFrame]);
export type ClientFrame = Static<typeof ClientFrame>;

// ---- checking

/** The JSON Schema keywords the schemas above use; frames.test.ts keeps this guard in step with typebox's checker. */
interface SchemaNode {
  readonly anyOf?: readonly SchemaNode[];
  readonly const?: unknown;
  readonly type?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly minLength?: number;
  readonly additionalProperties?: SchemaNode;
}

/**
 * Whether `value` matches `schema`, for the keywords the frame schemas use (anyOf, const, type string |
 * integer | null | object, properties, required, minLength, additionalProperties as a schema). A type it
 * does not know fails, so a schema that outgrows it is caught by frames.test.ts rather than let through.
 */
export function matchesFrame<T extends TSchema>(schema: T, value: unknown): value is Static<T> {
  return matches(schema as SchemaNode, value);
}

function matches(schema: SchemaNode, value: unknown): boolean {
  if (schema.anyOf) return schema.anyOf.some((option) => matches(option, value));
  if ('const' in schema && value !== schema.const) return false;
  switch (schema.type) {
    case undefined:
      return true;
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'string':
      return typeof value === 'string' && [...value].length >= (schema.minLength ?? 0);
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const fields = value as Record<string, unknown>;
      if (!(schema.required ?? []).every((key) => Object.hasOwn(fields, key))) return false;
      const properties = schema.properties ?? {};
      const extra = schema.additionalProperties;
      if (extra && !Object.keys(fields).every((key) => Object.hasOwn(properties, key) || matches(extra, fields[key]))) return false;
      return Object.entries(properties).every(([key, field]) => !Object.hasOwn(fields, key) || matches(field, fields[key]));
    }
    default:
      return false;
  }
}

/** An incoming frame that matches one of the frames a client can receive. */
export function isLiveFrame(value: unknown): value is LiveFrame {
  return matches(LiveFrame as SchemaNode, value);
}
