import Type, { type Static } from 'typebox';

// What an account looks like to its owner and what is sent to open or change one, each defined once as
// a TypeBox schema with its type derived from it. The routes validate and serialise with the same
// schemas; http/schemas.ts adds what is only HTTP. Not HTTP: use cases import these.

export const RoleSchema = Type.Union([Type.Literal('GUARDIAN'), Type.Literal('CAREGIVER'), Type.Literal('ADMIN')]);
export const LanguageSchema = Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1 code: ko, en, zh, vi, ...' });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Name = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
const Phone = Type.String({ pattern: '^\\+?[0-9][0-9 -]{6,18}[0-9]$', description: 'e.g. 010-1234-5678 or +82 10 1234 5678' });
const SlackUserId = Type.String({ pattern: '^[UW][A-Z0-9]{2,20}$', description: 'Slack member id, e.g. U0123ABCD' });

/** Sign-up consents (decision 0024): optional for API clients (recorded as null), required by the web app. */
const SignupConsents = Type.Object(
  {
    terms: Type.Boolean({ description: '이용약관 동의 (required: must be true)' }),
    privacy: Type.Boolean({ description: '개인정보 수집·이용 동의 (required: must be true)' }),
    marketing: Type.Optional(Type.Boolean({ description: '마케팅 정보 수신 동의 (optional, default false)' })),
    sensitive: Type.Optional(Type.Boolean({ description: '민감정보 처리 동의: required (true) for CAREGIVER, ignored otherwise' })),
  },
  { additionalProperties: false },
);

export const SignupInput = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 1024, description: 'at least 10 characters' }),
    name: Name,
    phone: Type.Optional(Phone),
    role: RoleSchema,
    adminSecret: Type.Optional(Type.String({ maxLength: 512 })),
    preferredLanguage: Type.Optional(LanguageSchema),
    consents: Type.Optional(SignupConsents),
  },
  { additionalProperties: false },
);
export type SignupInput = Static<typeof SignupInput>;

export const TokenPair = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'access token lifetime in seconds' }),
  deviceToken: Type.Optional(
    Type.String({
      description:
        'login only: proof of this device for later logins (send it back as the X-Device-Token header); ' +
        'exempts them from the per-email ceiling of failed logins (decision 0020). Keep it like the refresh token.',
    }),
  ),
});
export type TokenPair = Static<typeof TokenPair>;

/** The shape of /users/me: never the password hash, status or token bookkeeping. */
export const UserView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  preferredLanguage: Type.String(),
  slackUserId: Type.Union([Type.String(), Type.Null()]),
});
export type UserView = Static<typeof UserView>;

export const AccountChanges = Type.Object(
  {
    name: Type.Optional(Name),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    preferredLanguage: Type.Optional(LanguageSchema),
    slackUserId: Type.Optional(Type.Union([SlackUserId, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AccountChanges = Static<typeof AccountChanges>;

export const UserStatusSchema = Type.Union([Type.Literal('ACTIVE'), Type.Literal('SUSPENDED'), Type.Literal('WITHDRAWN')]);

/** An account as the back office sees it (any status; withdrawn accounts show their anonymised data). */
export const AdminUserView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  status: UserStatusSchema,
  preferredLanguage: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  suspendedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  suspensionReason: Type.Union([Type.String(), Type.Null()]),
});
export type AdminUserView = Static<typeof AdminUserView>;

/** What the admin user list is filtered by; `q` matches name, email or phone (dashes and spaces ignored). */
export const AdminUserQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'substring of the name, email or phone (case-insensitive; phone ignores dashes and spaces)' })),
    role: Type.Optional(RoleSchema),
    status: Type.Optional(UserStatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'page size (1-100)' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
export type AdminUserQuery = Static<typeof AdminUserQuery>;

export const SuspendInput = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'why (kept on the account and in the audit log)' }) },
  { additionalProperties: false },
);
export type SuspendInput = Static<typeof SuspendInput>;

export const UnsuspendInput = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'why (kept in the audit log)' })) },
  { additionalProperties: false },
);
export type UnsuspendInput = Static<typeof UnsuspendInput>;
