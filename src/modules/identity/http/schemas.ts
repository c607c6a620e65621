import Type from 'typebox';

export const RoleSchema = Type.Union([Type.Literal('GUARDIAN'), Type.Literal('CAREGIVER'), Type.Literal('ADMIN')]);
export const LanguageSchema = Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1 code: ko, en, zh, vi, ...' });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Name = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
const Phone = Type.String({ pattern: '^\\+?[0-9][0-9 -]{6,18}[0-9]$', description: 'e.g. 010-1234-5678 or +82 10 1234 5678' });
const SlackUserId = Type.String({ pattern: '^[UW][A-Z0-9]{2,20}$', description: 'Slack member id, e.g. U0123ABCD' });

export const SignupBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 1024, description: 'at least 10 characters' }),
    name: Name,
    phone: Type.Optional(Phone),
    role: RoleSchema,
    adminSecret: Type.Optional(Type.String({ maxLength: 512 })),
    preferredLanguage: Type.Optional(LanguageSchema),
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);

export const TokenPairSchema = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'access token lifetime in seconds' }),
});

export const SignedUpUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  preferredLanguage: Type.String(),
});

export const Me = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  preferredLanguage: Type.String(),
  slackUserId: Type.Union([Type.String(), Type.Null()]),
});

export const UpdateMeBody = Type.Object(
  {
    name: Type.Optional(Name),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    preferredLanguage: Type.Optional(LanguageSchema),
    slackUserId: Type.Optional(Type.Union([SlackUserId, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
