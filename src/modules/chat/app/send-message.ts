import type { Actor } from '../../../platform/access.ts';
import { conflict, invalid } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { CHAT_EVENTS } from '../contract.ts';
import { appendMessage, findByClientId, lockRoom } from '../db/chat.repo.ts';
import { checkClientMessageId, draftMessage, excerpt } from '../domain/message.ts';
import type { ChatDeps } from './deps.ts';
import type { makeRoomQueue } from './room-queue.ts';
import type { ChatMessage, SendMessageInput } from './schemas.ts';
import { checkRoomId, isParticipant, messageView, otherParticipant, roomNotFound } from './view.ts';

/**
 * A participant's message (REST and chat.send). The room row is locked to take the next seq, so a room's
 * messages commit in seq order; a repeated clientMessageId answers the stored message (created: false)
 * and delivers nothing again. After the commit, `chat.message` goes to every socket of both participants
 * (every replica), and chat.message_sent.v1 feeds translation and notifications.
 */
export function makeSendMessage({ platform, identity, ai }: ChatDeps, inRoomOrder: ReturnType<typeof makeRoomQueue>) {
  return async function sendMessage(actor: Actor, roomId: string, input: SendMessageInput): Promise<{ message: ChatMessage; created: boolean }> {
    checkRoomId(roomId);
    let clientMessageId: string | undefined;
    if (input.clientMessageId !== undefined) {
      const checked = checkClientMessageId(input.clientMessageId);
      if (!checked.ok) throw invalid('The message is not valid', [checked.problem]);
      clientMessageId = checked.value;
    }
    // A phrase sent without text is written in the sender's language.
    const senderLanguage = input.phraseId !== undefined && input.text === undefined ? (await identity.findUsers([actor.userId]))[0]?.preferredLanguage : undefined;
    const drafted = draftMessage(input, senderLanguage);
    if (!drafted.ok) throw invalid('The message is not valid', [drafted.problem]);
    const draft = drafted.value;
    const language = draft.language ?? ai.detectLanguage(draft.text);

    return inRoomOrder(roomId, async () => {
      const now = platform.clock.now();
      const { room, row, created } = await platform.transact(async (tx, emit) => {
        const room = await lockRoom(tx, roomId);
        if (!room || !isParticipant(room, actor.userId)) throw roomNotFound();
        if (clientMessageId !== undefined) {
          const existing = await findByClientId(tx, roomId, actor.userId, clientMessageId);
          if (existing) {
            if (existing.text !== draft.text || existing.phrase_id !== (draft.phraseId ?? null)) {
              throw conflict('CLIENT_MESSAGE_ID_REUSED', 'This clientMessageId was used for another message in this room');
            }
            return { room, row: existing, created: false };
          }
        }
        const row = await appendMessage(tx, {
          id: newId(),
          room_id: roomId,
          sender_id: actor.userId,
          client_message_id: clientMessageId ?? null,
          text: draft.text,
          phrase_id: draft.phraseId ?? null,
          language,
          translations: {},
          created_at: now,
        });
        const fromGuardian = room.guardian_id === actor.userId;
        emit(
          CHAT_EVENTS.messageSent.of(room.id, {
            messageId: row.id,
            roomId: room.id,
            seq: row.seq,
            senderId: actor.userId,
            senderName: fromGuardian ? room.guardian_name : room.caregiver_name,
            recipientId: otherParticipant(room, actor.userId),
            language,
            phraseId: row.phrase_id,
            excerpt: excerpt(row.text),
            createdAt: row.created_at.toISOString(),
          }),
        );
        return { room, row, created: true };
      });
      const message = messageView(row);
      if (created) await platform.realtime.toUsers([room.guardian_id, room.caregiver_user_id], { type: 'chat.message', message });
      return { message, created };
    });
  };
}
