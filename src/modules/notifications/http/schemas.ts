import Type from 'typebox';
import { CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { NotificationView } from '../app/schemas.ts';

// The shapes the use cases give are in app/schemas.ts; this file adds what is only HTTP.

export { NotificationView as NotificationOut } from '../app/schemas.ts';

export const NotificationPage = pageOf(NotificationView);

const ReaderLanguage = Type.Union([Type.Literal('ko'), Type.Literal('en')], { description: "the language to write titles and bodies in (the UI's); default: the account's preferredLanguage" });

export const ListQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'true: unread only' })),
    limit: Type.Optional(LimitParam),
    cursor: Type.Optional(CursorParam),
    lang: Type.Optional(ReaderLanguage),
  },
  { additionalProperties: false },
);

/** `?lang=` on the read routes: the UI's language now (ko or en), over the account's preferredLanguage. */
export const LangQuery = Type.Object({ lang: Type.Optional(ReaderLanguage) }, { additionalProperties: false });

export const IdParams = Type.Object({ id: Type.String({ description: 'notification id' }) });

export const ReadAllOut = Type.Object({ updated: Type.Integer({ minimum: 0, description: 'how many were unread' }) });
