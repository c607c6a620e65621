import Type from 'typebox';
import { CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { NotificationView } from '../app/schemas.ts';

// The shapes the use cases give are in app/schemas.ts; this file adds what is only HTTP.

export { NotificationView as NotificationOut } from '../app/schemas.ts';

export const NotificationPage = pageOf(NotificationView);

export const ListQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'true: unread only' })),
    limit: Type.Optional(LimitParam),
    cursor: Type.Optional(CursorParam),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ description: 'notification id' }) });

export const ReadAllOut = Type.Object({ updated: Type.Integer({ minimum: 0, description: 'how many were unread' }) });
