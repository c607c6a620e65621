import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AdminUseCases } from '../app/use-cases.ts';
import { StatsOut } from './schemas.ts';

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
          'Reservations per status; money over captured payments (DONE, PARTIAL_CANCELED, CANCELED): grossAmount (approved ' +
          'amounts, the gross merchandise value), refundedAmount (every refund), netAmount (the difference); ACTIVE users in ' +
          'all and per role; caregiver profiles per review status. Every status and role is present (0 when none). Counted ' +
          'live from each owning module at request time (`generatedAt`); figures of different modules may be moments apart.',
        response: { 200: StatsOut },
      },
    },
    async () => useCases.getStats(),
  );
}
