import Type from 'typebox';
import { CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { STORED_STATUSES } from '../domain/payment-state.ts';

// One schema per shape: validation, serialisation and the OpenAPI document come from these.

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Enum([...STORED_STATUSES], { description: "Toss's statuses" });
const OrderId = Type.String({ pattern: '^[A-Za-z0-9_-]{6,64}$', description: '6-64 characters of A-Z, a-z, 0-9, - and _' });
const Won = Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'KRW' });

export const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

export const CreatePaymentBody = Type.Object({ reservationId: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export const CheckoutOut = Type.Object({
  id: Type.String(),
  reservationId: Type.String(),
  orderId: Type.String(),
  orderName: Type.String(),
  amount: Type.Integer({ description: "KRW, the reservation's total: pass it to the widget's setAmount" }),
  customerKey: Type.String({ description: "The guardian's Toss customerKey: stable, random, not the user id" }),
  clientKey: Type.String({ description: 'The client key the payment widget loads with' }),
  provider: Type.Enum(['sandbox', 'toss']),
  status: Status,
});

export const ConfirmBody = Type.Object(
  { paymentKey: Type.String({ minLength: 1, maxLength: 200 }), orderId: OrderId, amount: Won },
  { additionalProperties: false },
);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ maxLength: 255, description: 'Same key and body: the first response again. Same key, other body: 422 IDEMPOTENCY_KEY_REUSED.' }),
  ),
});

const ConfirmedProperties = {
  id: Type.String(),
  reservationId: Type.String(),
  orderId: Type.String(),
  amount: Type.Integer(),
  status: Status,
  method: Nullable(Type.String({ description: 'as Toss names it, e.g. 카드, 간편결제' })),
  approvedAt: Nullable(Type.String({ format: 'date-time' })),
  receiptUrl: Nullable(Type.String()),
};
export const ConfirmedOut = Type.Object(ConfirmedProperties);

export const PaymentOut = Type.Object({
  ...ConfirmedProperties,
  orderName: Type.String(),
  provider: Type.Enum(['sandbox', 'toss']),
  balanceAmount: Type.Integer({ description: 'KRW still held: amount minus every refund' }),
  // Output arrays are readonly in the views; Immutable changes only the static type, not the JSON schema.
  cancels: Type.Immutable(Type.Array(Type.Object({ amount: Type.Integer(), reason: Type.String(), at: Type.String({ format: 'date-time' }) }))),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
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

export const SandboxCheckoutBody = Type.Object(
  {
    orderId: OrderId,
    outcome: Type.Enum(['success', 'fail']),
    card: Type.Optional(Type.Enum(['ok', 'declined'], { description: "success only: 'declined' makes the confirm fail with REJECT_CARD_PAYMENT" })),
  },
  { additionalProperties: false },
);

export const SandboxCheckoutOut = Type.Union([
  Type.Object({ paymentKey: Type.String(), orderId: Type.String(), amount: Type.Integer() }, { description: 'the success redirect: send it to POST /payments/confirm' }),
  Type.Object({ code: Type.String(), message: Type.String(), orderId: Type.String() }, { description: 'the fail redirect' }),
]);

const OpaqueId = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });
const Instant = (description: string) => Type.String({ format: 'date-time', description });

export const AdminPaymentsQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(Status, { description: 'repeatable: ?status=DONE&status=PARTIAL_CANCELED' })),
    from: Type.Optional(Instant('ISO 8601 with an offset: payments opened (createdAt) at or after it (inclusive)')),
    to: Type.Optional(Instant('ISO 8601 with an offset: payments opened (createdAt) before it (exclusive); must be after from')),
    caregiverId: Type.Optional(OpaqueId("the caregiver's profile id (as in reservations' caregiverId)")),
    guardianId: Type.Optional(OpaqueId("the paying guardian's user id")),
    limit: Type.Optional(LimitParam),
    cursor: Type.Optional(CursorParam),
  },
  { additionalProperties: false },
);

export const AdminPaymentOut = Type.Object(
  {
    id: Type.String(),
    reservationId: Type.String(),
    orderId: Type.String(),
    orderName: Type.String(),
    amount: Type.Integer({ description: 'KRW approved (or asked, before approval)' }),
    balanceAmount: Type.Integer({ description: 'KRW still held: amount minus every refund' }),
    status: Status,
    method: Nullable(Type.String({ description: 'as Toss names it, e.g. 카드, 간편결제; null before approval' })),
    provider: Type.Enum(['sandbox', 'toss']),
    guardianId: Type.String({ description: 'the payer' }),
    caregiverId: Type.Union([Type.String(), Type.Null()], {
      description: "the caregiver's profile id; null only for payments opened before it was recorded whose reservation could not be read",
    }),
    approvedAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'AdminPayment' },
);

export const AdminPaymentPage = pageOf(AdminPaymentOut);
