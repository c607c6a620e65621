import type { Actor } from '../../../platform/access.ts';
import { notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { createdAtCursor, toPage, type Page, type PageQuery } from '../../../platform/paging.ts';
import { isUuid } from '../../../platform/uuid.ts';
import { insertRoomOnce, lastMessages, listRoomsOf, unreadCounts, type RoomRow } from '../db/chat.repo.ts';
import type { ChatDeps } from './deps.ts';
import type { OpenRoomInput, RoomView } from './schemas.ts';
import { roomView } from './view.ts';

/**
 * A guardian opens the room with an APPROVED caregiver (profile id), once per pair: racing opens meet on
 * the database's unique pair and answer the same room. Unknown or unapproved caregivers are 404.
 */
export function makeOpenRoom({ platform, caregivers, identity }: ChatDeps) {
  return async function openRoom(actor: Actor, input: OpenRoomInput): Promise<{ room: RoomView; created: boolean }> {
    const caregiverNotFound = () => notFound('Caregiver', 'CAREGIVER_NOT_FOUND');
    if (!isUuid(input.caregiverId)) throw caregiverNotFound();
    const [profile] = await caregivers.findApprovedProfiles([input.caregiverId]);
    if (!profile) throw caregiverNotFound();
    const [guardian] = await identity.findUsers([actor.userId]);
    const now = platform.clock.now();
    const { room, created } = await platform.transact((tx) =>
      insertRoomOnce(tx, {
        id: newId(),
        guardian_id: actor.userId,
        caregiver_id: profile.id,
        caregiver_user_id: profile.userId,
        guardian_name: guardian?.name ?? '',
        caregiver_name: profile.displayName,
        created_at: now,
        updated_at: now,
      }),
    );
    return { room: (await withActivity(platform.database.db, [room], actor.userId))[0]!, created };
  };
}

/** The caller's rooms (as guardian or caregiver), most recent activity first. */
export function makeListRooms({ platform }: ChatDeps) {
  return async function listRooms(actor: Actor, query: PageQuery): Promise<Page<RoomView>> {
    const limit = query.limit ?? 20;
    const rows = await listRoomsOf(platform.database.db, actor.userId, { limit, after: createdAtCursor(query.cursor || undefined) });
    const page = toPage(rows, limit, (row) => row, (row) => [row.updated_at.toISOString(), row.id]);
    return { items: await withActivity(platform.database.db, page.items, actor.userId), nextCursor: page.nextCursor };
  };
}

async function withActivity(db: ChatDeps['platform']['database']['db'], rooms: readonly RoomRow[], readerId: string): Promise<RoomView[]> {
  const ids = rooms.map((room) => room.id);
  const [last, unread] = await Promise.all([lastMessages(db, ids), unreadCounts(db, ids, readerId)]);
  return rooms.map((room) => roomView(room, last.get(room.id), unread.get(room.id) ?? 0));
}
