import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { WITHDRAWN_TEXT } from '../../src/modules/chat/domain/message.ts';
import { findPhrase } from '../../src/modules/chat/domain/phrases.ts';
import { databaseKinds } from '../support/database.ts';
import { failure, openChatModule, type ChatHarness } from './support.ts';

// The chat module's use cases and consumers on a real database (PGlite, and PostgreSQL with DATABASE_URL).

describe.each(databaseKinds())('chat module on %s', (kind) => {
  let h: ChatHarness;

  beforeAll(async () => {
    h = await openChatModule(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function pair(caregiverLanguage = 'zh') {
    const guardian = h.user('GUARDIAN', 'ko', '김보호');
    const caregiver = h.caregiver(caregiverLanguage);
    const { room } = await h.useCases.openRoom(guardian, { caregiverId: caregiver.caregiverId });
    return { guardian, caregiver, room };
  }

  describe('rooms', () => {
    it('opens one room per pair, also when many opens race', async () => {
      const guardian = h.user('GUARDIAN');
      const caregiver = h.caregiver();
      const results = await Promise.all(Array.from({ length: 8 }, () => h.useCases.openRoom(guardian, { caregiverId: caregiver.caregiverId })));
      expect(new Set(results.map((r) => r.room.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(results[0]!.room).toMatchObject({ guardianId: guardian.userId, caregiverId: caregiver.caregiverId, caregiverUserId: caregiver.userId, caregiverName: '王芳', unreadCount: 0, lastMessage: null });
    });

    it('refuses unknown and unapproved caregivers with 404', async () => {
      const guardian = h.user('GUARDIAN');
      const pending = h.caregiver('zh', 'PENDING');
      expect(await failure(h.useCases.openRoom(guardian, { caregiverId: pending.caregiverId }))).toEqual({ kind: 'not_found', code: 'CAREGIVER_NOT_FOUND' });
      expect(await failure(h.useCases.openRoom(guardian, { caregiverId: newId() }))).toEqual({ kind: 'not_found', code: 'CAREGIVER_NOT_FOUND' });
      expect(await failure(h.useCases.openRoom(guardian, { caregiverId: 'not-an-id' }))).toEqual({ kind: 'not_found', code: 'CAREGIVER_NOT_FOUND' });
    });

    it('lists the rooms of each participant, newest activity first, with unread counts and the last message', async () => {
      const guardian = h.user('GUARDIAN');
      const [a, b] = [h.caregiver(), h.caregiver()];
      const roomA = (await h.useCases.openRoom(guardian, { caregiverId: a.caregiverId })).room;
      h.clock.advance(1_000);
      const roomB = (await h.useCases.openRoom(guardian, { caregiverId: b.caregiverId })).room;
      h.clock.advance(1_000);
      await h.useCases.sendMessage(guardian, roomA.id, { text: '안녕하세요' });
      await h.useCases.sendMessage(guardian, roomA.id, { text: '내일 뵙겠습니다' });
      const mine = await h.useCases.listRooms(guardian, { limit: 1 });
      expect(mine.items.map((r) => r.id)).toEqual([roomA.id]);
      const rest = await h.useCases.listRooms(guardian, { limit: 1, cursor: mine.nextCursor! });
      expect(rest.items.map((r) => r.id)).toEqual([roomB.id]);
      expect(rest.nextCursor).toBeNull();
      const theirs = await h.useCases.listRooms(a, {});
      expect(theirs.items).toHaveLength(1);
      expect(theirs.items[0]).toMatchObject({ id: roomA.id, unreadCount: 2, lastMessage: { text: '내일 뵙겠습니다', seq: 2 } });
      expect((await h.useCases.listRooms(guardian, {})).items.find((r) => r.id === roomA.id)?.unreadCount).toBe(0);
      expect((await h.useCases.listRooms(b, {})).items[0]).toMatchObject({ id: roomB.id, unreadCount: 0, lastMessage: null });
    });
  });

  describe('messages', () => {
    it('stores text with its detected language and delivers it to both participants', async () => {
      const { guardian, caregiver, room } = await pair();
      const [toGuardian, toCaregiver] = [h.listen(guardian.userId), h.listen(caregiver.userId)];
      const { message, created } = await h.useCases.sendMessage(guardian, room.id, { text: '  식사 하셨나요?\r\n' });
      expect(created).toBe(true);
      expect(message).toMatchObject({ roomId: room.id, seq: 1, senderId: guardian.userId, text: '식사 하셨나요?', language: 'ko', phraseId: null, readAt: null, translations: {} });
      expect(toGuardian).toEqual([{ type: 'chat.message', message }]);
      expect(toCaregiver).toEqual([{ type: 'chat.message', message }]);
      const reply = await h.useCases.sendMessage(caregiver, room.id, { text: '吃过了' });
      expect(reply.message).toMatchObject({ seq: 2, language: 'zh' });
    });

    it('answers a repeated clientMessageId with the same message and delivers nothing again, also when racing', async () => {
      const { guardian, caregiver, room } = await pair();
      const frames = h.listen(caregiver.userId);
      const sends = await Promise.all(Array.from({ length: 5 }, () => h.useCases.sendMessage(guardian, room.id, { text: '도착했어요', clientMessageId: 'c-1' })));
      expect(new Set(sends.map((s) => s.message.id)).size).toBe(1);
      expect(sends.filter((s) => s.created)).toHaveLength(1);
      expect(frames).toHaveLength(1);
      expect(await failure(h.useCases.sendMessage(guardian, room.id, { text: '다른 말', clientMessageId: 'c-1' }))).toEqual({ kind: 'conflict', code: 'CLIENT_MESSAGE_ID_REUSED' });
      // Client ids are per sender: the caregiver may use the same one.
      expect((await h.useCases.sendMessage(caregiver, room.id, { text: 'ok', clientMessageId: 'c-1' })).created).toBe(true);
      expect((await h.useCases.listMessages(guardian, room.id, {})).items).toHaveLength(2);
    });

    it('refuses bad text, bad client ids and non-participants, storing and delivering nothing', async () => {
      const { guardian, caregiver, room } = await pair();
      const frames = h.listen(caregiver.userId);
      for (const input of [{ text: '' }, { text: '   ' }, { text: 'x'.repeat(2_001) }, { text: 'a\u0000b' }, { text: 'hi', clientMessageId: 'with space' }, {}]) {
        expect(await failure(h.useCases.sendMessage(guardian, room.id, input)), JSON.stringify(input).slice(0, 40)).toEqual({ kind: 'invalid', code: 'VALIDATION_FAILED' });
      }
      const outsiders = [h.user('GUARDIAN'), h.caregiver(), h.user('ADMIN')];
      for (const outsider of outsiders) {
        expect(await failure(h.useCases.sendMessage(outsider, room.id, { text: 'hello' }))).toEqual({ kind: 'not_found', code: 'ROOM_NOT_FOUND' });
        expect(await failure(h.useCases.listMessages(outsider, room.id, {}))).toEqual({ kind: 'not_found', code: 'ROOM_NOT_FOUND' });
      }
      expect(await failure(h.useCases.sendMessage(guardian, newId(), { text: 'hello' }))).toEqual({ kind: 'not_found', code: 'ROOM_NOT_FOUND' });
      expect(frames).toEqual([]);
      expect((await h.useCases.listMessages(guardian, room.id, {})).items).toEqual([]);
    });

    it('pages history newest first without gaps or repeats while messages keep arriving', async () => {
      const { guardian, caregiver, room } = await pair();
      for (let i = 1; i <= 25; i++) await h.useCases.sendMessage(i % 2 ? guardian : caregiver, room.id, { text: `message ${i}` });
      const seen: number[] = [];
      let cursor: string | undefined;
      let round = 0;
      do {
        // Between pages, both participants send concurrently.
        const arriving = Promise.all(Array.from({ length: 4 }, (_, j) => h.useCases.sendMessage(j % 2 ? guardian : caregiver, room.id, { text: `late ${round}-${j}` })));
        const page = await h.useCases.listMessages(caregiver, room.id, { limit: 6, ...(cursor ? { before: cursor } : {}) });
        await arriving;
        seen.push(...page.items.map((m) => m.seq));
        cursor = page.nextCursor ?? undefined;
        round += 1;
      } while (cursor);
      // Whatever the first page saw, from there down to 1 every seq appears exactly once, in order.
      const top = seen[0]!;
      expect(seen).toEqual(Array.from({ length: top }, (_, i) => top - i));
      const all = await h.useCases.listMessages(guardian, room.id, { limit: 100 });
      expect(all.items.map((m) => m.seq)).toEqual(Array.from({ length: 25 + 4 * round }, (_, i) => 25 + 4 * round - i));
      expect(await failure(h.useCases.listMessages(guardian, room.id, { before: 'bogus' }))).toEqual({ kind: 'invalid', code: 'VALIDATION_FAILED' });
    });

    it('marks messages read up to one, shows readAt to the sender and tells both participants', async () => {
      const { guardian, caregiver, room } = await pair();
      const sent = [];
      for (const text of ['하나', '둘', '셋']) sent.push((await h.useCases.sendMessage(guardian, room.id, { text })).message);
      await h.useCases.sendMessage(caregiver, room.id, { text: '好的' });
      const toGuardian = h.listen(guardian.userId);
      h.clock.advance(60_000);
      const receipt = await h.useCases.markRead(caregiver, room.id, sent[1]!.id);
      expect(receipt).toMatchObject({ roomId: room.id, readerId: caregiver.userId, upToMessageId: sent[1]!.id, upToSeq: 2, marked: 2, unreadCount: 1 });
      expect(toGuardian).toEqual([{ type: 'chat.read', roomId: room.id, readerId: caregiver.userId, upToMessageId: sent[1]!.id, upToSeq: 2, readAt: receipt.readAt }]);
      const history = await h.useCases.listMessages(guardian, room.id, {});
      expect(history.items.map((m) => [m.seq, m.readAt])).toEqual([[4, null], [3, null], [2, receipt.readAt], [1, receipt.readAt]]);
      // Again: nothing changes, no frame.
      expect((await h.useCases.markRead(caregiver, room.id, sent[1]!.id)).marked).toBe(0);
      expect(toGuardian).toHaveLength(1);
      expect(await failure(h.useCases.markRead(caregiver, room.id, newId()))).toEqual({ kind: 'not_found', code: 'MESSAGE_NOT_FOUND' });
      expect(await failure(h.useCases.markRead(h.user('GUARDIAN'), room.id, sent[0]!.id))).toEqual({ kind: 'not_found', code: 'ROOM_NOT_FOUND' });
      expect((await h.useCases.listRooms(caregiver, {})).items[0]?.unreadCount).toBe(1);
    });

    it('sends quick phrases in the sender language with every other rendition, and never translates them', async () => {
      const { guardian, room } = await pair();
      const phrase = findPhrase('contact.call-me')!;
      const { message } = await h.useCases.sendMessage(guardian, room.id, { phraseId: phrase.id });
      expect(message).toMatchObject({ text: phrase.texts.ko, language: 'ko', phraseId: phrase.id, translations: { en: phrase.texts.en, zh: phrase.texts.zh, vi: phrase.texts.vi } });
      const [event] = (await h.sentEvents()).filter((e) => (e.payload as { messageId: string }).messageId === message.id);
      await h.consume('chat.translate', event!);
      expect(await h.chat.translations.runNow()).toBe(0);
    });
  });

  describe('translation', () => {
    it('translates for a reader of another language in the background and pushes chat.translation', async () => {
      const { guardian, caregiver, room } = await pair('zh');
      const frames = h.listen(caregiver.userId);
      const { message } = await h.useCases.sendMessage(guardian, room.id, { text: '약은 드셨나요?' });
      const [event] = (await h.sentEvents()).filter((e) => (e.payload as { messageId: string }).messageId === message.id);
      await h.consume('chat.translate', event!);
      await h.chat.translations.runNow();
      expect(h.calls.at(-1)).toEqual({ text: '약은 드셨나요?', targetLanguage: 'zh', userId: caregiver.userId });
      expect(frames.at(-1)).toEqual({ type: 'chat.translation', roomId: room.id, messageId: message.id, language: 'zh', text: '[zh] 약은 드셨나요?' });
      const [stored] = (await h.useCases.listMessages(caregiver, room.id, {})).items;
      expect(stored).toMatchObject({ text: '약은 드셨나요?', translations: { zh: '[zh] 약은 드셨나요?' } });
    });

    it('works off a backlog larger than one batch in one run', async () => {
      const { guardian, caregiver, room } = await pair('zh');
      const sent: string[] = [];
      for (let i = 0; i < 25; i++) sent.push((await h.useCases.sendMessage(guardian, room.id, { text: `밀린 메시지 ${i}번` })).message.id);
      for (const e of (await h.sentEvents()).filter((e) => sent.includes((e.payload as { messageId: string }).messageId))) await h.consume('chat.translate', e);
      expect(await h.chat.translations.runNow()).toBe(25);
      expect((await h.useCases.listMessages(caregiver, room.id, { limit: 25 })).items.every((m) => m.translations.zh !== undefined)).toBe(true);
    });

    it("never sends the text of a user who turned translation off, and skips readers of the same language", async () => {
      const { guardian, caregiver, room } = await pair('zh');
      expect(await h.useCases.getSettings(guardian)).toEqual({ translation: true, translationProvider: { name: 'stand-in', processedIn: 'this test (Korea)' } });
      expect(await h.useCases.putSettings(guardian, { translation: false })).toMatchObject({ translation: false });
      const before = h.calls.length;
      const { message } = await h.useCases.sendMessage(guardian, room.id, { text: '개인적인 이야기' });
      const same = await h.useCases.sendMessage(caregiver, room.id, { text: '你好' });
      h.users.set(guardian.userId, { ...h.users.get(guardian.userId)!, preferredLanguage: 'zh' });
      for (const e of (await h.sentEvents()).filter((e) => [message.id, same.message.id].includes((e.payload as { messageId: string }).messageId))) await h.consume('chat.translate', e);
      await h.chat.translations.runNow();
      expect(h.calls.length).toBe(before);
      expect((await h.useCases.listMessages(caregiver, room.id, {})).items.every((m) => Object.keys(m.translations).length === 0)).toBe(true);
    });
  });

  describe('withdrawal', () => {
    it("anonymises the withdrawn user's messages and name, keeping the other side's", async () => {
      const { guardian, caregiver, room } = await pair();
      await h.useCases.sendMessage(guardian, room.id, { text: '제 전화번호는 010-1234-5678 입니다' });
      await h.useCases.sendMessage(caregiver, room.id, { text: '好的' });
      await h.consume('chat.user-withdrawn', { id: newId(), type: 'user.withdrawn.v1', aggregateId: guardian.userId, occurredAt: new Date().toISOString(), payload: { userId: guardian.userId, role: 'GUARDIAN' } });
      const history = await h.useCases.listMessages(caregiver, room.id, {});
      expect(history.items.map((m) => m.text)).toEqual(['好的', WITHDRAWN_TEXT]);
      expect((await h.useCases.listRooms(caregiver, {})).items[0]?.guardianName).not.toContain('김보호');
      const dump = JSON.stringify(await h.db.selectFrom('chat.messages').selectAll().where('room_id', '=', room.id).execute());
      expect(dump).not.toContain('010-1234-5678');
    });
  });
});
