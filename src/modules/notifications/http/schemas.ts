import Type from 'typebox';
import { CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { NOTIFICATION_TYPES } from '../contract.ts';

export const NotificationOut = Type.Object({
  id: Type.String(),
  type: Type.Enum([...NOTIFICATION_TYPES]),
  title: Type.String({ description: "in the reader's preferredLanguage (Korean or English; others get English)" }),
  body: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'ids of what it is about (reservationId, paymentId, caregiverId, ...)' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const NotificationPage = pageOf(NotificationOut);

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
