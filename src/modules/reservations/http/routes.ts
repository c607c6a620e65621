import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../platform/http/access.ts';
import type { ReservationsUseCases } from '../app/use-cases.ts';
import {
  AcceptBody,
  AdminListQuery,
  AdminReservationPage,
  CancelBody,
  CancellationQuoteOut,
  CreateBody,
  IdempotencyHeaders,
  IdParams,
  ListQuery,
  LiveOut,
  QuoteOut,
  QuoteQuery,
  RejectBody,
  ReservationOut,
  ReservationPage,
} from './schemas.ts';

const tags = ['reservations'];

const LIFE_CYCLE =
  'REQUESTED -> ACCEPTED (caregiver) -> CONFIRMED (paid) -> IN_PROGRESS (check-in) -> COMPLETED (check-out, or ' +
  'automatically 6 h after the end). Also REJECTED (caregiver), CANCELLED (participant or admin, before check-in), ' +
  'EXPIRED (a request unanswered for RESERVATION_REQUEST_TTL, or an acceptance unpaid for RESERVATION_PAYMENT_TTL; ' +
  'either at the start at the latest). Any other move: 409 INVALID_TRANSITION. Someone else\'s reservation: 404.';

export function reservationRoutes(app: FastifyInstance, useCases: ReservationsUseCases): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/quotes',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Price a booking',
        description:
          "All-in price from the caregiver's current rates: BASE, NIGHT_SURCHARGE (hourly bookings, hours starting " +
          '22:00-06:00 KST, +20 %), HOLIDAY_SURCHARGE (hours or days starting on Sundays and Korean public holidays, +30 %). ' +
          'Times as for POST /reservations (400 VALIDATION_FAILED); an unknown or unapproved caregiver is 404 CAREGIVER_NOT_FOUND.',
        querystring: QuoteQuery,
        response: { 200: QuoteOut },
      },
    },
    async (request) => useCases.getQuote(request.query),
  );

  api.post(
    '/reservations',
    {
      config: { access: ['GUARDIAN'] },
      schema: {
        tags,
        summary: 'Request a caregiver',
        description:
          'Creates a REQUESTED reservation priced now (the quote is kept; later rate changes do not touch it). The body has ' +
          'no amounts: unknown fields are 400. Times: whole hours (HOURLY) or 24-hour days (DAILY), at most 31 days, ' +
          'starting between RESERVATION_MIN_LEAD (1 h) and 90 days from now (400 VALIDATION_FAILED on startAt/endAt). ' +
          'The caregiver must be APPROVED (else 404 CAREGIVER_NOT_FOUND) and offer the serviceType (400 ' +
          'SERVICE_TYPE_NOT_OFFERED). Region short forms are normalised; unknown regions are 400 on location.sido/sigungu. ' +
          "An overlap with the caregiver's REQUESTED, ACCEPTED, CONFIRMED or IN_PROGRESS reservations is 409 " +
          'RESERVATION_OVERLAP (ranges are half-open: back-to-back bookings do not overlap). With an `Idempotency-Key` ' +
          'header, a repeat with the same body answers 201 with the same reservation (as it is now, header ' +
          '`idempotent-replayed: true`); the same key with another body is 422 IDEMPOTENCY_KEY_REUSED. The patient\'s ' +
          'conditions and notes are encrypted at rest and shown only to the guardian, the caregiver and admins.',
        headers: IdempotencyHeaders,
        body: CreateBody,
        response: { 201: ReservationOut },
      },
    },
    async (request, reply) => {
      const { reservation, replayed } = await useCases.createReservationOnce(
        actorOf(request),
        request.body,
        request.headers['idempotency-key'],
      );
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(reservation);
    },
  );

  api.get(
    '/reservations',
    {
      config: { access: ['GUARDIAN', 'CAREGIVER'] },
      schema: {
        tags,
        summary: 'My reservations',
        description: "Newest first: a guardian's bookings, or the requests and jobs of a caregiver (the role decides). " + LIFE_CYCLE,
        querystring: ListQuery,
        response: { 200: ReservationPage },
      },
    },
    async (request) => useCases.listReservations(actorOf(request), request.query),
  );

  api.get(
    '/admin/reservations',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['reservations', 'admin'],
        summary: 'Every reservation (admin)',
        description:
          'Newest booking first (createdAt, then id, descending), `limit` (1-100, default 20) per page and `cursor` = ' +
          'the previous page\'s `nextCursor`. Filters combine with AND: `status` (repeatable), `caregiverId` (profile id), ' +
          '`guardianId`, and `from`/`to` (ISO 8601 with an offset) on **startAt**, the start of care, as a half-open ' +
          'range: from <= startAt < to (so consecutive ranges never count a reservation twice). `to` must be after ' +
          '`from`; unknown query parameters, bad statuses, dates without an offset or foreign cursors are 400 ' +
          'VALIDATION_FAILED. An id that matches nothing gives an empty page. Items leave out the patient\'s health ' +
          'details (conditions, notes) and the request message (minimum exposure under PIPA); GET /reservations/:id ' +
          'shows them to an admin and writes the read to the audit log. ' + LIFE_CYCLE,
        querystring: AdminListQuery,
        response: { 200: AdminReservationPage },
      },
    },
    async (request) => useCases.adminListReservations(request.query),
  );

  api.get(
    '/reservations/live',
    {
      config: { access: ['GUARDIAN', 'CAREGIVER'] },
      schema: {
        tags,
        summary: 'Live dashboard state',
        description:
          'What dashboards poll. A CAREGIVER gets `{pendingRequests, count}`: the REQUESTED reservations waiting for an ' +
          'answer, soonest first (no patient details). A GUARDIAN gets `{reservations}`: each REQUESTED, ACCEPTED, ' +
          'CONFIRMED or IN_PROGRESS reservation with its status and `checkedInAt` (null until the caregiver arrives). ' +
          'Served from the cache (Redis when REDIS_URL is set), which reservation events keep current within moments ' +
          'of each change; when the cache has nothing it is rebuilt from the database, the source of truth.',
        response: { 200: LiveOut },
      },
    },
    async (request) => useCases.liveState(actorOf(request)),
  );

  api.get(
    '/reservations/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One reservation',
        description: 'For its guardian, its caregiver and admins (anyone else: 404). An admin\'s read is written to the audit log.',
        params: IdParams,
        response: { 200: ReservationOut },
      },
    },
    async (request) => useCases.getReservation(actorOf(request), request.params.id, request.id),
  );

  api.post(
    '/reservations/:id/accept',
    {
      config: { access: ['CAREGIVER'] },
      // The body is optional: no body is the same as {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Accept a request',
        description:
          'Its caregiver: REQUESTED -> ACCEPTED, with an optional note. The guardian then pays within ' +
          'RESERVATION_PAYMENT_TTL (24 h) or before the start, whichever is first (`expiresAt`). ' + LIFE_CYCLE,
        params: IdParams,
        body: AcceptBody,
        response: { 200: ReservationOut },
      },
    },
    async (request) => useCases.acceptReservation(actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/reservations/:id/reject',
    {
      config: { access: ['CAREGIVER'] },
      schema: {
        tags,
        summary: 'Reject a request',
        description: 'Its caregiver: REQUESTED -> REJECTED with a reason, and optionally a suggested alternative. ' + LIFE_CYCLE,
        params: IdParams,
        body: RejectBody,
        response: { 200: ReservationOut },
      },
    },
    async (request) => useCases.rejectReservation(actorOf(request), request.params.id, request.body),
  );

  api.get(
    '/reservations/:id/cancellation-quote',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'What cancelling now would refund',
        description:
          'For a participant (or an admin) who may cancel it now (else 409 INVALID_TRANSITION). Policy: before payment ' +
          'nothing is paid or kept; the guardian cancelling a paid reservation gets 100 % back from 72 h before the ' +
          'start, 50 % from 24 h, 0 % later; a caregiver (or admin) cancelling a paid reservation refunds 100 %. Refunds ' +
          'are rounded down to the won; `feeAmount` is the rest of what was paid.',
        params: IdParams,
        response: { 200: CancellationQuoteOut },
      },
    },
    async (request) => useCases.cancellationQuote(actorOf(request), request.params.id),
  );

  api.post(
    '/reservations/:id/cancel',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Cancel a reservation',
        description:
          'A participant or an admin: REQUESTED, ACCEPTED or CONFIRMED -> CANCELLED, with a reason. The refund follows ' +
          'the policy of GET /reservations/:id/cancellation-quote (`refundAmount`) and is paid back through the payment ' +
          'provider. After check-in no cancellation is possible (409 INVALID_TRANSITION). ' + LIFE_CYCLE,
        params: IdParams,
        body: CancelBody,
        response: { 200: ReservationOut },
      },
    },
    async (request) => useCases.cancelReservation(actorOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/reservations/:id/check-in',
    {
      config: { access: ['CAREGIVER'] },
      schema: {
        tags,
        summary: 'Check in (arrival)',
        description:
          'Its caregiver: CONFIRMED -> IN_PROGRESS, from CHECKIN_OPENS_BEFORE (1 h) before the start until the end ' +
          '(else 409 CHECKIN_NOT_OPEN). The guardian is notified of the arrival. ' + LIFE_CYCLE,
        params: IdParams,
        response: { 200: ReservationOut },
      },
    },
    async (request) => useCases.checkIn(actorOf(request), request.params.id),
  );

  api.post(
    '/reservations/:id/check-out',
    {
      config: { access: ['CAREGIVER'] },
      schema: {
        tags,
        summary: 'Check out (care finished)',
        description:
          'Its caregiver: IN_PROGRESS -> COMPLETED, from the start on, even after an early check-in (before the ' +
          'start: 409 INVALID_TRANSITION saying when it opens). ' + LIFE_CYCLE,
        params: IdParams,
        response: { 200: ReservationOut },
      },
    },
    async (request) => useCases.checkOut(actorOf(request), request.params.id),
  );
}
