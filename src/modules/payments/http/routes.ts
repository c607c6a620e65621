import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../platform/http/access.ts';
import { withIdempotencyKey } from '../../../platform/idempotency.ts';
import type { Platform } from '../../../platform/module.ts';
import type { PaymentsUseCases } from '../app/use-cases.ts';
import {
  AdminPaymentPage,
  AdminPaymentsQuery,
  CheckoutOut,
  ConfirmBody,
  ConfirmedOut,
  CreatePaymentBody,
  IdempotencyHeaders,
  IdParams,
  PaymentOut,
  SandboxCheckoutBody,
  SandboxCheckoutOut,
  TossWebhookBody,
  WebhookOut,
} from './schemas.ts';

const tags = ['payments'];

export function paymentRoutes(app: FastifyInstance, useCases: PaymentsUseCases, options: { platform: Platform; sandbox: boolean }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = options;

  api.post(
    '/payments',
    {
      config: { access: ['GUARDIAN'] },
      schema: {
        tags,
        summary: 'Open the payment of an ACCEPTED reservation',
        description:
          'Answers the order to hand to the Toss payment widget. The amount is the reservation\'s. Asking again answers the same ' +
          'READY order (200). 404 RESERVATION_NOT_FOUND for a reservation that is not yours; 409 RESERVATION_NOT_PAYABLE unless ' +
          'ACCEPTED; 409 PAYMENT_IN_PROGRESS or RESERVATION_ALREADY_PAID once a payment was confirmed or is being confirmed.',
        body: CreatePaymentBody,
        response: { 200: CheckoutOut, 201: CheckoutOut },
      },
    },
    async (request, reply) => {
      const { view, created } = await useCases.createPayment(actorOf(request).userId, request.body.reservationId);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  api.post(
    '/payments/confirm',
    {
      config: { access: ['GUARDIAN'] },
      schema: {
        tags,
        summary: 'Confirm the payment from the Toss success redirect',
        description:
          '`amount` must equal the order\'s (400 AMOUNT_MISMATCH; the provider is not called). 402 PAYMENT_REJECTED with ' +
          '`providerCode` when the card company declines (open a new payment to try again); 503 PAYMENT_PROVIDER_UNAVAILABLE ' +
          'when the provider cannot be reached: nothing is charged twice, retry the same request. The reservation becomes ' +
          'CONFIRMED within seconds.',
        headers: IdempotencyHeaders,
        body: ConfirmBody,
        response: { 200: ConfirmedOut },
      },
    },
    async (request, reply) => {
      const { userId } = actorOf(request);
      const result = await withIdempotencyKey(
        platform.database.db,
        platform.clock,
        { scope: `${userId}:POST /payments/confirm`, key: request.headers['idempotency-key'], body: request.body },
        async () => ({ statusCode: 200, body: await useCases.confirmPayment(userId, request.body) }),
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.statusCode as 200).send(result.body as never);
    },
  );

  api.get(
    '/payments/:id',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'A payment, with its refunds', description: 'For the payer, the payee (the caregiver) and admins (the read is audited); 404 for anyone else.', params: IdParams, response: { 200: PaymentOut } },
    },
    async (request) => useCases.getPayment(actorOf(request), request.params.id, request.id),
  );

  api.get(
    '/admin/payments',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['payments', 'admin'],
        summary: 'Every payment (admin)',
        description:
          'Newest first (createdAt, then id, descending), `limit` (1-100, default 20) per page and `cursor` = the previous ' +
          "page's `nextCursor`. Filters combine with AND: `status` (Toss's statuses, repeatable), `caregiverId` (the " +
          "caregiver's profile id), `guardianId` (the payer), and `from`/`to` (ISO 8601 with an offset) on **createdAt** " +
          '(when the order was opened) as a half-open range: from <= createdAt < to. `to` must be after `from`; unknown ' +
          'query parameters, bad statuses, dates without an offset or foreign cursors are 400 VALIDATION_FAILED. Items ' +
          'carry no provider keys and no cancel list: GET /payments/:id has the refunds.',
        querystring: AdminPaymentsQuery,
        response: { 200: AdminPaymentPage },
      },
    },
    async (request) => useCases.adminListPayments(request.query),
  );

  api.post(
    '/payments/webhooks/toss',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Toss Payments webhook (PAYMENT_STATUS_CHANGED)',
        description:
          'Nothing in the body is trusted: the payment is read again from Toss by its paymentKey and that state is stored. ' +
          'Unknown payments and orders answer 200 (ignored, logged) so Toss stops retrying; 503 when Toss cannot be read.',
        body: TossWebhookBody,
        response: { 200: WebhookOut },
      },
    },
    async (request) => ({ outcome: await useCases.handleTossWebhook(request.body) }),
  );

  if (!options.sandbox) return;
  api.post(
    '/payments/sandbox/checkout',
    {
      config: { access: ['GUARDIAN'] },
      schema: {
        tags,
        summary: 'Sandbox only: play the payer in the payment widget',
        description:
          'Exists only with PAYMENT_PROVIDER=sandbox. Answers what Toss puts in the success redirect (`paymentKey, orderId, amount`) ' +
          'or the fail redirect (`code, message, orderId`). `card: "declined"` makes the confirm fail with REJECT_CARD_PAYMENT.',
        body: SandboxCheckoutBody,
        response: { 200: SandboxCheckoutOut },
      },
    },
    async (request) => useCases.sandboxCheckout(actorOf(request).userId, request.body),
  );
}
