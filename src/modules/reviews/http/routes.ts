import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../platform/http/access.ts';
import type { ReviewsUseCases } from '../app/use-cases.ts';
import { CaregiverParams, CreateBody, IdParams, PageQuery, ReviewOut, ReviewPage, UpdateBody } from './schemas.ts';

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
