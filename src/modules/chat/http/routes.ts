import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../platform/http/access.ts';
import type { ChatUseCases } from '../app/use-cases.ts';
import {
  AdminHistoryQuery,
  HistoryQuery,
  MarkReadBody,
  MessageOut,
  MessagePage,
  OpenRoomBody,
  PhraseList,
  ReadReceiptOut,
  RoomListQuery,
  RoomOut,
  RoomPage,
  RoomParams,
  SendMessageBody,
  SettingsBody,
  SettingsOut,
} from './schemas.ts';

const tags = ['chat'];
const PARTICIPANTS =
  'Only the room\'s guardian and caregiver are participants; for anyone else (admins included) the room does not exist: 404 ROOM_NOT_FOUND.';
const TEXT_RULES =
  '`text`: 1-2,000 characters after trimming (CRLF becomes LF), no control characters but newline and tab, else 400 ' +
  'VALIDATION_FAILED. Or `phraseId` (GET /chat/phrases) alone: the phrase in the sender\'s preferredLanguage; or both, the text ' +
  'being one of the phrase\'s renditions. `language` is detected offline from the script. `clientMessageId` (1-64 visible ASCII ' +
  'characters) makes the send idempotent per sender and room: a repeat answers the stored message (header ' +
  '`idempotent-replayed: true`) and delivers nothing again; the same id with another text is 409 CLIENT_MESSAGE_ID_REUSED.';

export function chatRoutes(app: FastifyInstance, useCases: ChatUseCases): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/chat/rooms',
    {
      config: { access: ['GUARDIAN'] },
      schema: {
        tags,
        summary: 'Open the room with a caregiver',
        description:
          'The room of the caller and an APPROVED caregiver (`caregiverId` = profile id; others 404 CAREGIVER_NOT_FOUND). One room ' +
          'per pair, whatever the concurrency: 201 when this call created it, 200 with the same room afterwards. Only a guardian ' +
          'opens a room; the caregiver writes in the rooms guardians opened.',
        body: OpenRoomBody,
        response: { 200: RoomOut, 201: RoomOut },
      },
    },
    async (request, reply) => {
      const { room, created } = await useCases.openRoom(actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(room);
    },
  );

  api.get(
    '/chat/rooms',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'My chat rooms',
        description:
          'The rooms the caller is in (as guardian or caregiver), most recent activity first (updatedAt, then id), with the newest ' +
          'message and how many of the other participant\'s messages the caller has not read. A room that gets a message while ' +
          'you page moves to the top: reload the first page to see it.',
        querystring: RoomListQuery,
        response: { 200: RoomPage },
      },
    },
    async (request) => useCases.listRooms(actorOf(request), request.query),
  );

  api.get(
    '/chat/rooms/:id/messages',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'A room\'s messages',
        description:
          'Newest first by `seq` (the message\'s number in its room). Pass `nextCursor` as `before` for older messages: pages never ' +
          'skip or repeat a message, however many arrive meanwhile. `translations` holds translations for readers of another ' +
          'language (made in the background; also pushed as `chat.translation` frames) and, for quick phrases, every other ' +
          'rendition; `text` is always the original. `readAt`: when the other participant read it. ' + PARTICIPANTS,
        params: RoomParams,
        querystring: HistoryQuery,
        response: { 200: MessagePage },
      },
    },
    async (request) => useCases.listMessages(actorOf(request), request.params.id, request.query),
  );

  api.post(
    '/chat/rooms/:id/messages',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Send a message',
        description: 'Same as the WebSocket frame `chat.send`: 201 with the message, which also reaches both participants\' sockets as `chat.message`. ' + TEXT_RULES + ' ' + PARTICIPANTS,
        params: RoomParams,
        body: SendMessageBody,
        response: { 201: MessageOut },
      },
    },
    async (request, reply) => {
      const { message, created } = await useCases.sendMessage(actorOf(request), request.params.id, request.body);
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(message);
    },
  );

  api.post(
    '/chat/rooms/:id/read',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Mark messages read',
        description:
          'Same as the WebSocket frame `chat.read`: every message of the other participant up to `messageId` (by seq) gets `readAt`; ' +
          'both participants\' sockets get a `chat.read` frame when anything changed. Idempotent. A message not in the room: 404 ' +
          'MESSAGE_NOT_FOUND. ' + PARTICIPANTS,
        params: RoomParams,
        body: MarkReadBody,
        response: { 200: ReadReceiptOut },
      },
    },
    async (request) => useCases.markRead(actorOf(request), request.params.id, request.body.messageId),
  );

  api.get(
    '/chat/settings',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'My chat settings',
        description:
          '`translation` (default true): messages in another language than the reader\'s preferredLanguage are translated by ' +
          '`translationProvider` (null when none is configured: nothing is translated). Turned off, the caller\'s messages are ' +
          'never sent to the provider (PIPA: the provider may process text abroad, `processedIn` says where).',
        response: { 200: SettingsOut },
      },
    },
    async (request) => useCases.getSettings(actorOf(request)),
  );

  api.put(
    '/chat/settings',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Change my chat settings', body: SettingsBody, response: { 200: SettingsOut } },
    },
    async (request) => useCases.putSettings(actorOf(request), request.body),
  );

  api.get(
    '/chat/phrases',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Quick phrases',
        description: 'Common care phrases in ko, en, zh and vi. Send one with `phraseId`: each reader sees it in their language, no AI involved.',
        response: { 200: PhraseList },
      },
    },
    async () => useCases.listPhrases(),
  );

  api.get(
    '/admin/chat/rooms/:id/messages',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['chat', 'admin'],
        summary: 'Read a room (admin, audited)',
        description:
          'For disputes: a room\'s messages as participants page them, only with `reason` (10-500 characters), written with the read ' +
          'to the audit log (`chat.room.read`). There is no admin list of rooms or messages.',
        params: RoomParams,
        querystring: AdminHistoryQuery,
        response: { 200: MessagePage },
      },
    },
    async (request) => useCases.adminReadRoom(actorOf(request), request.params.id, request.query, request.id),
  );
}
