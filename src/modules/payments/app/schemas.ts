import Type, { type Static } from 'typebox';
import { STORED_STATUSES } from '../domain/payment-state.ts';

// What clients see of a payment and what they send, each defined once as a TypeBox schema with its type
// derived from it (never the provider's secrets, never our bookkeeping). The routes validate and
// serialise with the same schemas; http/schemas.ts adds what is only HTTP. Not HTTP: use cases import these.

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
export const Status = Type.Enum([...STORED_STATUSES], { description: "Toss's statuses" });
const OrderId = Type.String({ pattern: '^[A-Za-z0-9_-]{6,64}$', description: '6-64 characters of A-Z, a-z, 0-9, - and _' });
const Won = Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'KRW' });

/** What a guardian needs to open the payment widget for an order. */
export const CheckoutView = Type.Object({
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
export type CheckoutView = Static<typeof CheckoutView>;

/** The success redirect's paymentKey, orderId and amount, as the widget hands them over. */
export const ConfirmPaymentInput = Type.Object(
  { paymentKey: Type.String({ minLength: 1, maxLength: 200 }), orderId: OrderId, amount: Won },
  { additionalProperties: false },
);
export type ConfirmPaymentInput = Static<typeof ConfirmPaymentInput>;

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
export const ConfirmedView = Type.Object(ConfirmedProperties);
export type ConfirmedView = Static<typeof ConfirmedView>;

export const PaymentView = Type.Object({
  ...ConfirmedProperties,
  orderName: Type.String(),
  provider: Type.Enum(['sandbox', 'toss']),
  balanceAmount: Type.Integer({ description: 'KRW still held: amount minus every refund' }),
  // Output arrays are readonly in the views; Immutable changes only the static type, not the JSON schema.
  cancels: Type.Immutable(Type.Array(Type.Object({ amount: Type.Integer(), reason: Type.String(), at: Type.String({ format: 'date-time' }) }))),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type PaymentView = Static<typeof PaymentView>;

export const SandboxCheckoutInput = Type.Object(
  {
    orderId: OrderId,
    outcome: Type.Enum(['success', 'fail']),
    card: Type.Optional(Type.Enum(['ok', 'declined'], { description: "success only: 'declined' makes the confirm fail with REJECT_CARD_PAYMENT" })),
  },
  { additionalProperties: false },
);
export type SandboxCheckoutInput = Static<typeof SandboxCheckoutInput>;

/** A payment in the admin list: who paid whom, for what, and where it stands; no provider keys, no cancels. */
export const AdminPaymentView = Type.Object(
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
    guardianName: Nullable(Type.String({ description: "the payer's account name (anonymised after a withdrawal); null when it cannot be read" })),
    caregiverName: Nullable(Type.String({ description: "the payee's (the caregiver's) account name; null when it cannot be read" })),
    caregiverId: Type.Union([Type.String(), Type.Null()], {
      description: "the caregiver's profile id; null only for payments opened before it was recorded whose reservation could not be read",
    }),
    approvedAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'AdminPayment' },
);
export type AdminPaymentView = Static<typeof AdminPaymentView>;
