import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../platform/http/access.ts';
import type { AdminUseCases } from '../app/use-cases.ts';
import { AuditLogOut, AuditLogQuery, StatsOut, StatsQuery, UserDetailOut, UserIdParams } from './schemas.ts';

const tags = ['admin'];

export function adminRoutes(app: FastifyInstance, useCases: AdminUseCases): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/admin/stats',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags,
        summary: 'Platform statistics (admin)',
        description:
          'All-time and current figures: reservations per status; money over captured payments (DONE, PARTIAL_CANCELED, ' +
          'CANCELED): grossAmount (approved amounts, the gross merchandise value), refundedAmount (every refund), netAmount ' +
          '(the difference); ACTIVE users in all and per role; caregiver profiles per review status. Every status and role is ' +
          'present (0 when none).\n\n' +
          'Over a period (`from`, `to`, `granularity`; default the last 30 days by day, 12 weeks by week, 12 months by month, ' +
          'up to now; at most 366 buckets): `series` has every KST bucket (calendar day, ISO week from Monday, month) in order, ' +
          'zeros where nothing happened, and `periodTotals` sums them. Per bucket: `reservations.created` = bookings, ' +
          'reservations created in the bucket, `byStatus` the same by their current status; `grossAmount` = payments approved ' +
          'in the bucket; `refundedAmount` = refunds made in the bucket (whenever the payment was approved); ' +
          '`commissionAmount` = commission of settlement lines of reservations finished in the bucket (settled ones only: ' +
          'unsettled reservations count once a settlement run includes them; late refunds count negative); `newUsers` = ' +
          'accounts created; `activeCaregivers` = distinct caregivers with a CONFIRMED, IN_PROGRESS or COMPLETED reservation ' +
          'starting in the bucket (in `periodTotals`: distinct over the whole period, not the sum). Counted live from each ' +
          'owning module at request time (`generatedAt`); figures of different modules may be moments apart.',
        querystring: StatsQuery,
        response: { 200: StatsOut },
      },
    },
    async (request) => useCases.getStats(request.query),
  );

  api.get(
    '/admin/users/:id',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags,
        summary: 'One user with their latest activity (admin)',
        description:
          'The account, its latest 20 reservations (as guardian or caregiver), payments (as payer), reviews (written or about ' +
          'them, deleted ones included), settlements (caregivers), and the latest 50 audit entries with the user (or their ' +
          "caregiver profile) as actor or resource. The read is audited ('user.detail.read', resource 'user'). 404 " +
          'USER_NOT_FOUND.',
        params: UserIdParams,
        response: { 200: UserDetailOut },
      },
    },
    async (request) => useCases.getUserDetail(actorOf(request), request.params.id, request.id),
  );

  api.get(
    '/admin/audit-log',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags,
        summary: 'The audit log (admin)',
        description:
          'Who did or read what, newest first: every admin action (caregiver reviews, suspensions, cancellations, settlement ' +
          'runs and payouts, user detail reads) and every read of sensitive data (documents, full caregiver profiles, patient details, chat rooms). ' +
          "Filters: `actorId`, `action` (exact, or a prefix ending in '.' such as `user.`), `resourceType`, `resourceId`, " +
          '[`from`, `to`). Reading the log is not itself audited (each read would add to what it reads).',
        querystring: AuditLogQuery,
        response: { 200: AuditLogOut },
      },
    },
    async (request) => useCases.readAuditLog(request.query),
  );
}
