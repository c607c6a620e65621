import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../platform/http/access.ts';
import type { ReviewsUseCases } from '../app/use-cases.ts';
import { CaregiverParams, CreateBody, IdParams, PageQuery, ReviewOut, ReviewPage, ReviewTranslationOut, TranslationQuery, UpdateBody } from './schemas.ts';

const tags = ['reviews'];
const FOLLOWS = "The caregiver's ratingAverage, reviewCount and ranking follow asynchronously (events), within 5 s.";

export function reviewRoutes(app: FastifyInstance, useCases: ReviewsUseCases): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/reviews',
    {
      config: { access: ['GUARDIAN'] },
      schema: {
        tags,
        summary: 'Review a completed reservation',
        description:
          'Only the guardian of a COMPLETED reservation, once per reservation (409 REVIEW_EXISTS, also after the review ' +
          "was deleted). Someone else's or an unknown reservation: 404 RESERVATION_NOT_FOUND; your own reservation not " +
          'completed yet: 409 RESERVATION_NOT_COMPLETED. rating: integer 1-5; content: 10-1000 characters after trimming; ' +
          `unknown fields: 400. ${FOLLOWS}`,
        body: CreateBody,
        response: { 201: ReviewOut },
      },
    },
    async (request, reply) => reply.status(201).send(await useCases.createReview(actorOf(request), request.body)),
  );

  api.patch(
    '/reviews/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Edit a review',
        description: `Its author or an admin; anyone else, and deleted reviews: 404 REVIEW_NOT_FOUND. Same rules as creation. ${FOLLOWS}`,
        params: IdParams,
        body: UpdateBody,
        response: { 200: ReviewOut },
      },
    },
    async (request) => useCases.updateReview(actorOf(request), request.params.id, request.body),
  );

  api.delete(
    '/reviews/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Remove a review',
        description: `Its author or an admin; anyone else: 404 REVIEW_NOT_FOUND. The reservation cannot be reviewed again. ${FOLLOWS}`,
        params: IdParams,
      },
    },
    async (request, reply) => {
      await useCases.deleteReview(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  api.get(
    '/reviews/:id/translation',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A review's content in another language",
        description:
          "`?lang=en` -> the content translated by the configured AI provider (cached: each review is translated once per " +
          "language), or as is with provider 'none' when already in that language. Reviews anyone can see (live, of an " +
          'approved caregiver; authors and admins also their own): others 404 REVIEW_NOT_FOUND. No AI provider, or it ' +
          'failing: 503 AI_UNAVAILABLE. Calls reaching the provider are limited per reader (per address when signed out): ' +
          '429 AI_RATE_LIMITED with Retry-After.',
        params: IdParams,
        querystring: TranslationQuery,
        response: { 200: ReviewTranslationOut },
      },
    },
    async (request) =>
      useCases.translateReview({ reviewId: request.params.id, targetLanguage: request.query.lang, actor: request.actor, ip: request.ip }),
  );

  api.get(
    '/caregivers/:id/reviews',
    {
      config: { access: 'public' },
      schema: {
        tags: ['caregivers', ...tags],
        summary: "An approved caregiver's reviews",
        description:
          'Newest first, cursor paginated. Public fields only: the author appears as a masked name (김**), never an id. ' +
          'Unknown or unapproved caregivers: 404 CAREGIVER_NOT_FOUND.',
        params: CaregiverParams,
        querystring: PageQuery,
        response: { 200: ReviewPage },
      },
    },
    async (request) => useCases.listCaregiverReviews(request.params.id, { limit: request.query.limit ?? 20, ...(request.query.cursor ? { cursor: request.query.cursor } : {}) }),
  );
}
