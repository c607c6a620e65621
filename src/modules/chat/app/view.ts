import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/uuid.ts';
import type { MessageRow, RoomRow } from '../db/chat.repo.ts';
import { findPhrase, phraseTranslations } from '../domain/phrases.ts';
import type { ChatMessage, RoomView } from './schemas.ts';

// Rows -> what participants see, and who is one.

export function messageView(row: MessageRow): ChatMessage {
  const phrase = row.phrase_id ? findPhrase(row.phrase_id) : undefined;
  // A phrase carries every other rendition, so each reader finds their language without any AI provider.
  const translations = phrase ? { ...row.translations, ...phraseTranslations(phrase, row.language) } : row.translations;
  return {
    id: row.id,
    roomId: row.room_id,
    seq: row.seq,
    senderId: row.sender_id,
    text: row.text,
    language: row.language,
    translations,
    phraseId: row.phrase_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

export function roomView(room: RoomRow, last: MessageRow | undefined, unreadCount: number): RoomView {
  return {
    id: room.id,
    guardianId: room.guardian_id,
    caregiverId: room.caregiver_id,
    caregiverUserId: room.caregiver_user_id,
    caregiverName: room.caregiver_name,
    guardianName: room.guardian_name,
    lastMessage: last ? messageView(last) : null,
    unreadCount,
    createdAt: room.created_at.toISOString(),
    updatedAt: room.updated_at.toISOString(),
  };
}

export function isParticipant(room: RoomRow, userId: string): boolean {
  return room.guardian_id === userId || room.caregiver_user_id === userId;
}

/** The other participant of a room. */
export function otherParticipant(room: RoomRow, userId: string): string {
  return room.guardian_id === userId ? room.caregiver_user_id : room.guardian_id;
}

export const roomNotFound = () => notFound('Chat room', 'ROOM_NOT_FOUND');

/** 404 for a malformed id as for someone else's room. */
export function checkRoomId(id: string): string {
  if (!isUuid(id)) throw roomNotFound();
  return id;
}

/** ISO 639-1 base of a language tag: 'zh-CN' -> 'zh'. */
export function baseLanguage(tag: string | undefined): string {
  return (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
}
