import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../platform/http/access.ts';
import type { NotificationsUseCases } from '../app/use-cases.ts';
import { IdParams, LangQuery, ListQuery, NotificationOut, NotificationPage, ReadAllOut } from './schemas.ts';

const tags = ['notifications'];

export function notificationRoutes(app: FastifyInstance, useCases: NotificationsUseCases): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/notifications',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'My notifications',
        description: "Newest first, cursor pagination (`nextCursor`). `?unread=true` lists only unread ones. `?lang=ko|en` writes the texts in the UI's language instead of the account's preferredLanguage.",
        querystring: ListQuery,
        response: { 200: NotificationPage },
      },
    },
    async (request) => useCases.list(actorOf(request).userId, request.query),
  );

  api.post(
    '/notifications/read-all',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Mark all my notifications read', response: { 200: ReadAllOut } },
    },
    async (request) => useCases.markAllRead(actorOf(request).userId),
  );

  api.post(
    '/notifications/:id/read',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Mark one notification read',
        description: 'Idempotent (readAt keeps the first time). Unknown or someone else\'s: 404 NOTIFICATION_NOT_FOUND.',
        params: IdParams,
        querystring: LangQuery,
        response: { 200: NotificationOut },
      },
    },
    async (request) => useCases.markRead(actorOf(request).userId, request.params.id, request.query.lang),
  );
}
