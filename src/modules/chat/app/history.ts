import type { Actor } from '../../../platform/access.ts';
import { writeAudit } from '../../../platform/audit.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { invalid } from '../../../platform/errors.ts';
import { decodeCursor, toPage, type Page } from '../../../platform/paging.ts';
import { findRoom, listMessages } from '../db/chat.repo.ts';
import type { ChatDeps } from './deps.ts';
import type { AdminHistoryQuery, ChatMessage, HistoryQuery } from './schemas.ts';
import { checkRoomId, isParticipant, messageView, roomNotFound } from './view.ts';

// A room's history, newest first, paged by the messages' seq: a seq is taken under the room's lock and
// commits in order, so pages never skip or repeat a message however many arrive meanwhile.

function beforeSeq(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const [seq] = decodeCursor(cursor, 1);
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) {
    throw invalid('The cursor is not valid', [{ field: 'before', message: 'is not a cursor from this list' }]);
  }
  return seq;
}

async function page(db: Executor, roomId: string, query: { before?: string | undefined; limit?: number | undefined }): Promise<Page<ChatMessage>> {
  const limit = query.limit ?? 20;
  const rows = await listMessages(db, roomId, { limit, beforeSeq: beforeSeq(query.before) });
  return toPage(rows, limit, messageView, (row) => [row.seq]);
}

export function makeListMessages({ platform }: ChatDeps) {
  return async function listMessagesOf(actor: Actor, roomId: string, query: HistoryQuery): Promise<Page<ChatMessage>> {
    const db = platform.database.db;
    const room = await findRoom(db, checkRoomId(roomId));
    if (!room || !isParticipant(room, actor.userId)) throw roomNotFound();
    return page(db, roomId, query);
  };
}

/**
 * An admin reads a room (disputes) only with a stated reason, written to the audit log with the read in
 * one transaction ('chat.room.read'); no list of rooms or messages exists for admins.
 */
export function makeAdminReadRoom({ platform }: ChatDeps) {
  return async function adminReadRoom(actor: Actor, roomId: string, query: AdminHistoryQuery, requestId?: string): Promise<Page<ChatMessage>> {
    const reason = query.reason.trim();
    if ([...reason].length < 10) throw invalid('State why you read this room', [{ field: 'reason', message: 'must be 10-500 characters' }]);
    checkRoomId(roomId);
    return inTransaction(platform.database.db, async (tx) => {
      const room = await findRoom(tx, roomId);
      if (!room) throw roomNotFound();
      const result = await page(tx, roomId, query);
      await writeAudit(
        tx,
        {
          actor,
          action: 'chat.room.read',
          resourceType: 'chat_room',
          resourceId: room.id,
          details: { reason, guardianId: room.guardian_id, caregiverId: room.caregiver_id, messages: result.items.length, before: query.before ?? null },
          ...(requestId !== undefined ? { requestId } : {}),
        },
        platform.clock.now(),
      );
      return result;
    });
  };
}
