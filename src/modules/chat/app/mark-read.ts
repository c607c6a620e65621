import type { Actor } from '../../../platform/access.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/uuid.ts';
import { findMessage, findRoom, markReadUpTo, unreadCounts } from '../db/chat.repo.ts';
import type { ChatDeps } from './deps.ts';
import type { ReadReceipt } from './schemas.ts';
import { checkRoomId, isParticipant, roomNotFound } from './view.ts';

/**
 * The reader read everything up to `messageId`: the other participant's unread messages up to its seq get
 * `readAt`. When that changed anything, both participants' sockets get a `chat.read` frame (the sender sees
 * "read", the reader's other devices clear their badge).
 */
export function makeMarkRead({ platform }: ChatDeps) {
  return async function markRead(actor: Actor, roomId: string, messageId: string): Promise<ReadReceipt> {
    checkRoomId(roomId);
    const now = platform.clock.now();
    const { room, message, marked } = await platform.transact(async (tx) => {
      const room = await findRoom(tx, roomId);
      if (!room || !isParticipant(room, actor.userId)) throw roomNotFound();
      const message = isUuid(messageId) ? await findMessage(tx, roomId, messageId) : undefined;
      if (!message) throw notFound('Message', 'MESSAGE_NOT_FOUND');
      return { room, message, marked: await markReadUpTo(tx, roomId, actor.userId, message.seq, now) };
    });
    const receipt = { roomId, readerId: actor.userId, upToMessageId: message.id, upToSeq: message.seq, readAt: now.toISOString() };
    if (marked > 0) await platform.realtime.toUsers([room.guardian_id, room.caregiver_user_id], { type: 'chat.read', ...receipt });
    const unread = await unreadCounts(platform.database.db, [roomId], actor.userId);
    return { ...receipt, marked, unreadCount: unread.get(roomId) ?? 0 };
  };
}
