import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { CaregiverSearch } from '../app/caregiver-search.ts';
import { CaregiverSearchAnswer, CaregiverSearchRequest } from '../app/search-schemas.ts';

export function aiSearchRoutes(app: FastifyInstance, caregiverSearch: CaregiverSearch): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/ai/caregiver-search',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ai'],
        summary: 'Search caregivers by describing who you need',
        description:
          'Reads a Korean or English sentence (1-500 characters) into the filters of GET /caregivers (same names and ' +
          'formats: official region names, serviceType list, gender, minCareerYears, minRating, maxHourlyRate, ' +
          'maxDailyRate, language) and answers the first page of that search as `items`. With AI_PROVIDER gemini or ' +
          'openai the model reads it first (its answer is checked against the same schema and the region catalogue; ' +
          'the request is sent to that provider); on any failure, timeout or rate limit the offline rules ' +
          "interpreter answers, and `interpretedBy` says 'rules'. `explanation` says what was understood, in the " +
          'language of the request.',
        body: CaregiverSearchRequest,
        response: { 200: CaregiverSearchAnswer },
      },
    },
    async (request) => caregiverSearch({ query: request.body.query, subject: request.actor?.userId ?? `ip:${request.ip}` }),
  );
}
