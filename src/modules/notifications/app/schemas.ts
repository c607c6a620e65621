import Type, { type Static } from 'typebox';
import { NOTIFICATION_TYPES } from '../contract.ts';

// What a reader sees of a notification, defined once as a TypeBox schema with its type derived from it.
// The routes serialise with the same schema; http/schemas.ts adds what is only HTTP. Not HTTP: use
// cases import these.

/** The API shape of a notification (API.md): {id, type, title, body, data, readAt, createdAt}. */
export const NotificationView = Type.Object({
  id: Type.String(),
  type: Type.Enum([...NOTIFICATION_TYPES]),
  title: Type.String({ description: "in the reader's preferredLanguage (Korean or English; others get English)" }),
  body: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'ids of what it is about (reservationId, paymentId, caregiverId, ...)' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type NotificationView = Static<typeof NotificationView>;
