import Type from 'typebox';
import { adminListQueryOf, pageOf } from '../../../platform/http/pagination.ts';
import { AdminPaymentView, Status } from '../app/schemas.ts';

// One schema per shape: validation, serialisation and the OpenAPI document come from these. The shapes
// the use cases take and give are in app/schemas.ts (named there as the use cases name them); this file
// adds what is only HTTP.

export {
  AdminPaymentView as AdminPaymentOut,
  CheckoutView as CheckoutOut,
  ConfirmedView as ConfirmedOut,
  ConfirmPaymentInput as ConfirmBody,
  PaymentView as PaymentOut,
  SandboxCheckoutInput as SandboxCheckoutBody,
} from '../app/schemas.ts';

export const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

export const CreatePaymentBody = Type.Object({ reservationId: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ maxLength: 255, description: 'Same key and body: the first response again. Same key, other body: 422 IDEMPOTENCY_KEY_REUSED.' }),
  ),
});

// Toss sends many fields and may add more: the webhook body is accepted as it comes, and only
// data.paymentKey is read (then the payment is fetched from Toss).
export const TossWebhookBody = Type.Object(
  {
    eventType: Type.String({ maxLength: 100 }),
    createdAt: Type.Optional(Type.String({ maxLength: 100 })),
    data: Type.Optional(Type.Object({ paymentKey: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: true })),
  },
  { additionalProperties: true },
);

export const WebhookOut = Type.Object({ outcome: Type.Enum(['applied', 'unchanged', 'ignored']) });

export const SandboxCheckoutOut = Type.Union([
  Type.Object({ paymentKey: Type.String(), orderId: Type.String(), amount: Type.Integer() }, { description: 'the success redirect: send it to POST /payments/confirm' }),
  Type.Object({ code: Type.String(), message: Type.String(), orderId: Type.String() }, { description: 'the fail redirect' }),
]);

export const AdminPaymentsQuery = adminListQueryOf(Status, {
  status: 'repeatable: ?status=DONE&status=PARTIAL_CANCELED',
  from: 'ISO 8601 with an offset: payments opened (createdAt) at or after it (inclusive)',
  to: 'ISO 8601 with an offset: payments opened (createdAt) before it (exclusive); must be after from',
  guardianId: "the paying guardian's user id",
});

export const AdminPaymentPage = pageOf(AdminPaymentView);
