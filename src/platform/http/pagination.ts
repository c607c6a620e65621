import Type, { type TSchema } from 'typebox';

// Cursor pagination on the wire: the query parameters and the page schema. Cursors and pages: ../paging.ts.

export const LimitParam = Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'page size (1-100)' });
export const CursorParam = Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' });

// Items are readonly to match Page<T>; Immutable changes only the static type, not the JSON schema.
export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Immutable(Type.Array(item)), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/**
 * The admin lists' query string (reservations, payments; paging.ts AdminListQuery): repeatable `status`,
 * `from`/`to` on the list's own time column, `caregiverId`, `guardianId`, `limit` and `cursor`. Each list
 * words its own descriptions.
 */
export const adminListQueryOf = <S extends TSchema>(status: S, text: { status: string; from: string; to: string; guardianId: string }) =>
  Type.Object(
    {
      status: Type.Optional(Type.Array(status, { description: text.status })),
      from: Type.Optional(Type.String({ format: 'date-time', description: text.from })),
      to: Type.Optional(Type.String({ format: 'date-time', description: text.to })),
      caregiverId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "the caregiver's profile id (as in reservations' caregiverId)" })),
      guardianId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: text.guardianId })),
      q: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 100,
          description:
            "the guardian's or the caregiver's name or email (substring, case-insensitive) or phone number (digits, dashes and spaces ignored)",
        }),
      ),
      limit: Type.Optional(LimitParam),
      cursor: Type.Optional(CursorParam),
    },
    { additionalProperties: false },
  );
