import Type from 'typebox';
import { RoleSchema } from '../app/schemas.ts';

// One schema per shape: validation, serialisation and the OpenAPI document come from these. The shapes
// the use cases take and give are in app/schemas.ts (named there as the use cases name them); this file
// adds what is only HTTP.

export {
  AccountChanges as UpdateMeBody,
  SignupInput as SignupBody,
  TokenPair as TokenPairSchema,
  UserView as Me,
} from '../app/schemas.ts';

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

export const LoginHeaders = Type.Object({
  'x-device-token': Type.Optional(
    Type.String({ minLength: 1, maxLength: 1024, description: 'deviceToken from an earlier login of this account: a known device (decision 0020)' }),
  ),
});

export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);

export const SignedUpUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  preferredLanguage: Type.String(),
});
