import Type, { type Static } from 'typebox';
import { ChatMessage as ChatMessageSchema } from '../../../platform/realtime/frames.ts';
import { PHRASE_CATEGORIES } from '../domain/phrases.data.ts';

// The shapes the chat use cases take and give (http/schemas.ts re-exports them for the routes). The
// message shape is the one the WebSocket frames carry (platform/realtime/frames.ts), so both agree.

export const ChatMessage = ChatMessageSchema;
export type ChatMessage = Static<typeof ChatMessage>;

export const OpenRoomInput = Type.Object(
  { caregiverId: Type.String({ minLength: 1, maxLength: 100, description: "the caregiver's profile id (GET /caregivers items' id)" }) },
  { additionalProperties: false },
);
export type OpenRoomInput = Static<typeof OpenRoomInput>;

export const RoomView = Type.Object({
  id: Type.String(),
  guardianId: Type.String({ description: "the guardian's user id" }),
  caregiverId: Type.String({ description: "the caregiver's profile id" }),
  caregiverUserId: Type.String({ description: "the caregiver's user id (messages' senderId)" }),
  caregiverName: Type.String(),
  guardianName: Type.String(),
  lastMessage: Type.Union([ChatMessage, Type.Null()]),
  unreadCount: Type.Integer({ description: "the other participant's messages the caller has not read" }),
  createdAt: Type.String(),
  updatedAt: Type.String({ description: 'last activity: the opening, then the newest message' }),
});
export type RoomView = Static<typeof RoomView>;

export const SendMessageInput = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 20_000, description: '1-2,000 characters after trimming; no control characters but newline and tab' })),
    phraseId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'a quick phrase (GET /chat/phrases); with text, the text must be one of its renditions' })),
    clientMessageId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '1-64 visible ASCII characters: a repeat answers the same message' })),
  },
  { additionalProperties: false },
);
export type SendMessageInput = Static<typeof SendMessageInput>;

export const MarkReadInput = Type.Object({ messageId: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export type MarkReadInput = Static<typeof MarkReadInput>;

export const ReadReceipt = Type.Object({
  roomId: Type.String(),
  readerId: Type.String(),
  upToMessageId: Type.String(),
  upToSeq: Type.Integer(),
  readAt: Type.String(),
  /** Messages newly marked read by this call (0 when they were read already). */
  marked: Type.Integer(),
  unreadCount: Type.Integer(),
});
export type ReadReceipt = Static<typeof ReadReceipt>;

export const TranslationProviderView = Type.Object({
  name: Type.String({ description: "e.g. 'gemini'" }),
  processedIn: Type.String({ description: "where the text is processed, e.g. 'Google (United States)'" }),
});

export const ChatSettingsView = Type.Object({
  translation: Type.Boolean({ description: "false: this user's messages are never sent to the AI provider (PIPA cross-border transfer)" }),
  translationProvider: Type.Union([TranslationProviderView, Type.Null()], { description: 'who translates and where; null: no translation is configured' }),
});
export type ChatSettingsView = Static<typeof ChatSettingsView>;

export const ChatSettingsInput = Type.Object({ translation: Type.Boolean() }, { additionalProperties: false });
export type ChatSettingsInput = Static<typeof ChatSettingsInput>;

export const PhraseView = Type.Object({
  id: Type.String(),
  category: Type.Enum(PHRASE_CATEGORIES),
  texts: Type.Object({ ko: Type.String(), en: Type.String(), zh: Type.String(), vi: Type.String() }),
});
export type PhraseView = Static<typeof PhraseView>;

export const HistoryQuery = Type.Object(
  {
    before: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'page size (1-100)' })),
  },
  { additionalProperties: false },
);
export type HistoryQuery = Static<typeof HistoryQuery>;

export const AdminHistoryQuery = Type.Object(
  {
    reason: Type.String({ minLength: 10, maxLength: 500, description: 'why the room is read (a dispute, a report): written to the audit log' }),
    before: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type AdminHistoryQuery = Static<typeof AdminHistoryQuery>;
