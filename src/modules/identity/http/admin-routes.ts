import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { actorOf } from '../../../platform/http/access.ts';
import { pageOf } from '../../../platform/http/pagination.ts';
import type { IdentityUseCases } from '../app/use-cases.ts';
import { AdminUserQuery, AdminUserView, SuspendInput, UnsuspendInput } from '../app/schemas.ts';

const tags = ['identity', 'admin'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'user id' }) });

const SUSPEND_DESCRIPTION =
  'ACTIVE -> SUSPENDED with a reason, audited (user.suspend). At once, on every replica: every access token of the ' +
  'user is refused (401 TOKEN_REVOKED), refresh tokens are revoked (refresh answers 401 INVALID_REFRESH_TOKEN), login ' +
  'answers 403 ACCOUNT_SUSPENDED and open WebSockets close with 4401. A suspended caregiver disappears from search, top ' +
  'lists, profile and busy-time reads and cannot be quoted or booked; their REQUESTED reservations are rejected and ' +
  'their ACCEPTED (unpaid) ones cancelled; a suspended guardian\'s REQUESTED and ACCEPTED reservations are cancelled. ' +
  'CONFIRMED and IN_PROGRESS reservations are left for the admin (GET /admin/reservations?caregiverId=|guardianId=). ' +
  '409 USER_ALREADY_SUSPENDED, 409 CANNOT_SUSPEND_SELF, 404 USER_NOT_FOUND (unknown or withdrawn).';

export function adminIdentityRoutes(app: FastifyInstance, useCases: IdentityUseCases): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/admin/users',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags,
        summary: 'Users, newest first',
        description:
          '`q` matches a substring of the name or email (case-insensitive) or, when it looks like a phone number, ' +
          'its digits inside the phone number with dashes and spaces ignored. Filters: `role`, `status`.',
        querystring: AdminUserQuery,
        response: { 200: pageOf(AdminUserView) },
      },
    },
    async (request) => useCases.listUsersForAdmin(request.query),
  );

  api.post(
    '/admin/users/:id/suspend',
    {
      config: { access: ['ADMIN'] },
      schema: { tags, summary: 'Suspend an account', description: SUSPEND_DESCRIPTION, params: IdParams, body: SuspendInput, response: { 200: AdminUserView } },
    },
    async (request) => useCases.suspendUser(request.params.id, request.body.reason, { actor: actorOf(request), requestId: request.id }),
  );

  api.post(
    '/admin/users/:id/unsuspend',
    {
      config: { access: ['ADMIN'] },
      // The body is optional: no body is the same as {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Lift a suspension',
        description:
          'SUSPENDED -> ACTIVE, audited (user.unsuspend). The user signs in again (old tokens stay revoked); a caregiver ' +
          'reappears in search. Reservations ended by the suspension stay ended. 409 USER_NOT_SUSPENDED, 404 USER_NOT_FOUND.',
        params: IdParams,
        body: UnsuspendInput,
        response: { 200: AdminUserView },
      },
    },
    async (request) => useCases.unsuspendUser(request.params.id, request.body.reason, { actor: actorOf(request), requestId: request.id }),
  );
}
