import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import { IDENTITY_EVENTS } from '../../identity/contract.ts';
import { anonymiseMessagesOf, deleteSettings, renameInRooms } from '../db/chat.repo.ts';
import { WITHDRAWN_TEXT } from '../domain/message.ts';

export const WITHDRAWN_NAME = '탈퇴한 사용자 · Withdrawn user';

/** A withdrawn user's messages keep their place (the other side's history stays whole) but not their text. */
export function makeUserWithdrawnConsumer(): EventConsumer {
  return defineConsumer({
    name: 'chat.user-withdrawn',
    events: [IDENTITY_EVENTS.userWithdrawn],
    async handle(event, tx) {
      const { userId } = event.payload;
      await anonymiseMessagesOf(tx, userId, WITHDRAWN_TEXT);
      await renameInRooms(tx, userId, WITHDRAWN_NAME);
      await deleteSettings(tx, userId);
    },
  });
}
