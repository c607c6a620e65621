import Type, { type Static } from 'typebox';
import { defineEvent } from '../../platform/events/event.ts';

// What other modules may know of chat: its event. Notifications turn it into CHAT_MESSAGE for a
// recipient who is offline; the chat module itself translates from it in the background.

/** A participant sent a message (committed). Aggregate id: the room, so one room's events stay ordered. */
export const ChatMessageSentV1 = Type.Object({
  messageId: Type.String(),
  roomId: Type.String(),
  /** The message's number in its room (1, 2, ...). */
  seq: Type.Integer(),
  senderId: Type.String(),
  /** The sender's name as the room keeps it (the notification names the other party). */
  senderName: Type.String(),
  /** The other participant. */
  recipientId: Type.String(),
  language: Type.String(),
  /** Set when sent as a quick phrase. */
  phraseId: Type.Union([Type.String(), Type.Null()]),
  /** The first characters of the text, one line (notification body). */
  excerpt: Type.String(),
  createdAt: Type.String(),
});
export type ChatMessageSentV1 = Static<typeof ChatMessageSentV1>;

export const CHAT_EVENTS = {
  messageSent: defineEvent('chat.message_sent.v1', ChatMessageSentV1),
} as const;
