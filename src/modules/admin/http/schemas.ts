import Type from 'typebox';

// One schema per shape: the answers are the contract's and app/schemas.ts's, here under their route names.
export { PlatformStats as StatsOut } from '../contract.ts';
export { AdminUserDetail as UserDetailOut, AuditLogPage as AuditLogOut, AuditLogQuery } from '../app/schemas.ts';

export const StatsQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({
        minLength: 10,
        maxLength: 40,
        description: 'period start: ISO 8601 with an offset, or YYYY-MM-DD (KST midnight); moved back to the start of its bucket',
      }),
    ),
    to: Type.Optional(Type.String({ minLength: 10, maxLength: 40, description: 'period end (exclusive), same forms; default now' })),
    granularity: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], { description: 'default day' })),
  },
  { additionalProperties: false },
);

export const UserIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
