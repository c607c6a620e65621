import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { dueFirst, typed } from '../../../platform/db/repository.ts';
import type { CreatedAtPosition } from '../../../platform/paging.ts';

// The only place the chat module talks SQL (db/migrations/0001-chat.sql).

type Json<T> = ColumnType<T, string, string>;

interface RoomsTable {
  id: string;
  guardian_id: string;
  caregiver_id: string;
  caregiver_user_id: string;
  guardian_name: string;
  caregiver_name: string;
  last_seq: ColumnType<number, number | undefined, number>;
  created_at: Date;
  updated_at: Date;
}

interface MessagesTable {
  id: string;
  room_id: string;
  seq: number;
  sender_id: string;
  client_message_id: string | null;
  text: string;
  phrase_id: string | null;
  language: string;
  translations: Json<Record<string, string>>;
  created_at: Date;
  read_at: Date | null;
}

interface UserSettingsTable {
  user_id: string;
  translation: boolean;
  updated_at: Date;
}

interface TranslationJobsTable {
  message_id: string;
  reader_id: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date;
  created_at: Date;
}

interface Tables {
  'chat.rooms': RoomsTable;
  'chat.messages': MessagesTable;
  'chat.user_settings': UserSettingsTable;
  'chat.translation_jobs': TranslationJobsTable;
}

const q = typed<Tables>;

export type RoomRow = Selectable<RoomsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type TranslationJobRow = Selectable<TranslationJobsTable>;

// ---- rooms

/** Inserts the room unless the pair has one; either way answers the pair's room and whether it is new. */
export async function insertRoomOnce(tx: Executor, room: Omit<RoomRow, 'last_seq'>): Promise<{ room: RoomRow; created: boolean }> {
  const inserted = await q(tx)
    .insertInto('chat.rooms')
    .values(room)
    .onConflict((oc) => oc.constraint('rooms_pair_unique').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { room: inserted, created: true };
  const existing = await findRoomOfPair(tx, room.guardian_id, room.caregiver_id);
  if (!existing) throw new Error('the pair has a room, yet none was found');
  return { room: existing, created: false };
}

export function findRoomOfPair(db: Executor, guardianId: string, caregiverId: string): Promise<RoomRow | undefined> {
  return q(db).selectFrom('chat.rooms').selectAll().where('guardian_id', '=', guardianId).where('caregiver_id', '=', caregiverId).executeTakeFirst();
}

export function findRoom(db: Executor, id: string): Promise<RoomRow | undefined> {
  return q(db).selectFrom('chat.rooms').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the room row (a send takes the next seq under it, so one room's messages commit in seq order). */
export function lockRoom(tx: Executor, id: string): Promise<RoomRow | undefined> {
  return q(tx).selectFrom('chat.rooms').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The rooms `userId` is in, most recent activity first, `limit` + 1 after the cursor's position. */
export function listRoomsOf(db: Executor, userId: string, page: { limit: number; after?: CreatedAtPosition | undefined }): Promise<RoomRow[]> {
  let query = q(db)
    .selectFrom('chat.rooms')
    .selectAll()
    .where((eb) => eb.or([eb('guardian_id', '=', userId), eb('caregiver_user_id', '=', userId)]));
  if (page.after) query = query.where(sql<boolean>`(updated_at, id) < (${page.after.createdAt}, ${page.after.id}::uuid)`);
  return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Per room: the other participant's messages `readerId` has not read. */
export async function unreadCounts(db: Executor, roomIds: readonly string[], readerId: string): Promise<Map<string, number>> {
  if (roomIds.length === 0) return new Map();
  const rows = await q(db)
    .selectFrom('chat.messages')
    .select(['room_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('room_id', 'in', roomIds)
    .where('sender_id', '<>', readerId)
    .where('read_at', 'is', null)
    .groupBy('room_id')
    .execute();
  return new Map(rows.map((row) => [row.room_id, Number(row.count)]));
}

/** Each room's newest message. */
export async function lastMessages(db: Executor, roomIds: readonly string[]): Promise<Map<string, MessageRow>> {
  if (roomIds.length === 0) return new Map();
  const rows = await q(db)
    .selectFrom('chat.messages as m')
    .innerJoin('chat.rooms as r', (join) => join.onRef('r.id', '=', 'm.room_id').onRef('r.last_seq', '=', 'm.seq'))
    .selectAll('m')
    .where('m.room_id', 'in', roomIds)
    .execute();
  return new Map(rows.map((row) => [row.room_id, row]));
}

/** Replaces the names a room keeps of a withdrawn user. */
export async function renameInRooms(tx: Executor, userId: string, name: string): Promise<void> {
  await q(tx).updateTable('chat.rooms').set({ guardian_name: name }).where('guardian_id', '=', userId).execute();
  await q(tx).updateTable('chat.rooms').set({ caregiver_name: name }).where('caregiver_user_id', '=', userId).execute();
}

// ---- messages

export function findByClientId(db: Executor, roomId: string, senderId: string, clientMessageId: string): Promise<MessageRow | undefined> {
  return q(db)
    .selectFrom('chat.messages')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('sender_id', '=', senderId)
    .where('client_message_id', '=', clientMessageId)
    .executeTakeFirst();
}

/** Appends a message to a room locked by lockRoom: the next seq, and the room's activity time. */
export async function appendMessage(tx: Executor, message: Omit<MessageRow, 'seq' | 'read_at'>): Promise<MessageRow> {
  const room = await q(tx)
    .updateTable('chat.rooms')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), updated_at: message.created_at }))
    .where('id', '=', message.room_id)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return q(tx)
    .insertInto('chat.messages')
    .values({ ...message, seq: room.last_seq, read_at: null, translations: JSON.stringify(message.translations) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findMessage(db: Executor, roomId: string, id: string): Promise<MessageRow | undefined> {
  return q(db).selectFrom('chat.messages').selectAll().where('room_id', '=', roomId).where('id', '=', id).executeTakeFirst();
}

export function findMessageById(db: Executor, id: string): Promise<MessageRow | undefined> {
  return q(db).selectFrom('chat.messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A room's history, newest first: `limit` + 1 messages before seq `beforeSeq` (all when undefined). */
export function listMessages(db: Executor, roomId: string, page: { limit: number; beforeSeq?: number | undefined }): Promise<MessageRow[]> {
  let query = q(db).selectFrom('chat.messages').selectAll().where('room_id', '=', roomId);
  if (page.beforeSeq !== undefined) query = query.where('seq', '<', page.beforeSeq);
  return query.orderBy('seq', 'desc').limit(page.limit + 1).execute();
}

/** Marks the other participant's unread messages up to `seq` read by `readerId`; returns how many. */
export async function markReadUpTo(tx: Executor, roomId: string, readerId: string, seq: number, at: Date): Promise<number> {
  const result = await q(tx)
    .updateTable('chat.messages')
    .set({ read_at: at })
    .where('room_id', '=', roomId)
    .where('sender_id', '<>', readerId)
    .where('read_at', 'is', null)
    .where('seq', '<=', seq)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Adds one translation to a message (other languages' stay). */
export async function addTranslation(tx: Executor, messageId: string, language: string, text: string): Promise<void> {
  await q(tx)
    .updateTable('chat.messages')
    .set({ translations: sql`translations || jsonb_build_object(${language}::text, ${text}::text)` })
    .where('id', '=', messageId)
    .execute();
}

/** Anonymises every message of a withdrawn user: fixed text, no translations, no phrase. */
export async function anonymiseMessagesOf(tx: Executor, senderId: string, text: string): Promise<void> {
  await q(tx).deleteFrom('chat.translation_jobs').where('message_id', 'in', (eb) => eb.selectFrom('chat.messages').select('id').where('sender_id', '=', senderId)).execute();
  await q(tx).updateTable('chat.messages').set({ text, translations: '{}', phrase_id: null }).where('sender_id', '=', senderId).execute();
}

// ---- settings

export async function translationSetting(db: Executor, userId: string): Promise<boolean | undefined> {
  const row = await q(db).selectFrom('chat.user_settings').select('translation').where('user_id', '=', userId).executeTakeFirst();
  return row?.translation;
}

export async function saveTranslationSetting(tx: Executor, userId: string, translation: boolean, at: Date): Promise<void> {
  await q(tx)
    .insertInto('chat.user_settings')
    .values({ user_id: userId, translation, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ translation, updated_at: at }))
    .execute();
}

export async function deleteSettings(tx: Executor, userId: string): Promise<void> {
  await q(tx).deleteFrom('chat.user_settings').where('user_id', '=', userId).execute();
}

// ---- translation jobs

export async function insertTranslationJob(tx: Executor, job: { messageId: string; readerId: string }, at: Date): Promise<void> {
  await q(tx)
    .insertInto('chat.translation_jobs')
    .values({ message_id: job.messageId, reader_id: job.readerId, next_attempt_at: at, created_at: at })
    .onConflict((oc) => oc.columns(['message_id', 'reader_id']).doNothing())
    .execute();
}

/** Claims up to `limit` due jobs: each is pushed `leaseMs` into the future (and counted) before any work. */
export async function claimTranslationJobs(tx: Executor, now: Date, leaseMs: number, limit: number): Promise<TranslationJobRow[]> {
  const due = await dueFirst(
    q(tx)
      .selectFrom('chat.translation_jobs')
      .select(['message_id', 'reader_id']),
    now,
    limit,
  ).execute();
  const claimed: TranslationJobRow[] = [];
  for (const job of due) {
    const row = await q(tx)
      .updateTable('chat.translation_jobs')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: new Date(now.getTime() + leaseMs) }))
      .where('message_id', '=', job.message_id)
      .where('reader_id', '=', job.reader_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    claimed.push(row);
  }
  return claimed;
}

export async function deleteTranslationJob(tx: Executor, messageId: string, readerId: string): Promise<void> {
  await q(tx).deleteFrom('chat.translation_jobs').where('message_id', '=', messageId).where('reader_id', '=', readerId).execute();
}
