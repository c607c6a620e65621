import { api, call } from '../api/client.ts';
import type { Json } from '../api/types.ts';
import type { ChatMessage } from './conversation-state.ts';

// The chat routes (API.md "Chat"). Messages are typed by the frame schema (src/platform/realtime/frames.ts):
// the OpenAPI document says `translations` is an object of anything, the frame says string values.

export type Room = Json<'/api/v1/chat/rooms', 'get'>['items'][number];
export type ChatSettings = Json<'/api/v1/chat/settings', 'get'>;
export type Phrase = Json<'/api/v1/chat/phrases', 'get'>['items'][number];

export const HISTORY_PAGE = 30;
export const MAX_TEXT = 2000;

export async function listRooms(): Promise<Room[]> {
  const page = await call(api.GET('/api/v1/chat/rooms', { params: { query: { limit: 100 } } }));
  return page.items;
}

export function openRoom(caregiverId: string): Promise<Room> {
  return call(api.POST('/api/v1/chat/rooms', { body: { caregiverId } })) as Promise<Room>;
}

export async function historyPage(roomId: string, before?: string): Promise<{ items: ChatMessage[]; nextCursor: string | null }> {
  const query = { limit: HISTORY_PAGE, ...(before ? { before } : {}) };
  const page = await call(api.GET('/api/v1/chat/rooms/{id}/messages', { params: { path: { id: roomId }, query } }));
  return page as unknown as { items: ChatMessage[]; nextCursor: string | null };
}

export async function postMessage(roomId: string, send: { clientMessageId: string; text?: string; phraseId?: string }): Promise<ChatMessage> {
  const body = { clientMessageId: send.clientMessageId, ...(send.text !== undefined ? { text: send.text } : {}), ...(send.phraseId ? { phraseId: send.phraseId } : {}) };
  return (await call(api.POST('/api/v1/chat/rooms/{id}/messages', { params: { path: { id: roomId } }, body }))) as unknown as ChatMessage;
}

export async function postRead(roomId: string, messageId: string): Promise<void> {
  await call(api.POST('/api/v1/chat/rooms/{id}/read', { params: { path: { id: roomId } }, body: { messageId } }));
}

export const getSettings = () => call(api.GET('/api/v1/chat/settings'));
export const putSettings = (translation: boolean) => call(api.PUT('/api/v1/chat/settings', { body: { translation } }));
export const listPhrases = async () => (await call(api.GET('/api/v1/chat/phrases'))).items;

/** A fresh id for one send: the same id on a retry makes the server answer the stored message. */
export function newClientMessageId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The other participant of a room, seen by `me`. */
export function otherName(room: Room, me: string): string {
  return room.guardianId === me ? room.caregiverName : room.guardianName;
}
