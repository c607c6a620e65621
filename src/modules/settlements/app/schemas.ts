import Type, { type Static } from 'typebox';

// What settlements look like to admins and caregivers, each shape defined once as a TypeBox schema with its
// type derived from it. Routes validate and serialise with these; use cases build them (view.ts).

const Won = (description: string) => Type.Integer({ description: `KRW; ${description}` });
const Instant = (description: string) => Type.String({ format: 'date-time', description });

export const SettlementStatus = Type.Union([Type.Literal('PENDING'), Type.Literal('PAID')]);
export type SettlementStatus = Static<typeof SettlementStatus>;

export const SettlementLineView = Type.Object({
  reservationId: Type.String(),
  kind: Type.Union([Type.Literal('FINISHED'), Type.Literal('LATE_REFUND')], {
    description: 'FINISHED: the reservation settled in the period it finished; LATE_REFUND: money that moved after its settlement (usually negative)',
  }),
  finishedAt: Instant('when the reservation finished (completion, or cancellation with money kept)'),
  paid: Won('payments in this line'),
  refunded: Won('refunds in this line'),
  amount: Won('paid - refunded'),
  commissionAmount: Won('round half up of |amount| × rate, with the sign of amount'),
  netAmount: Won('amount - commissionAmount'),
});
export type SettlementLineView = Static<typeof SettlementLineView>;

const settlementFields = {
  caregiverId: Type.String({ description: "the caregiver's profile id" }),
  caregiverUserId: Type.String(),
  caregiverName: Type.String(),
  periodStart: Instant('start of the period (inclusive)'),
  periodEnd: Instant('end of the period (exclusive)'),
  grossAmount: Won('Σ line amounts'),
  commissionAmount: Won('Σ line commissions'),
  netAmount: Won('grossAmount - commissionAmount: what the caregiver is paid'),
  commissionRate: Type.Number({ description: 'the rate applied, e.g. 0.1' }),
  status: SettlementStatus,
  paidAt: Type.Union([Instant('when it was paid'), Type.Null()]),
  transferReference: Type.Union([Type.String(), Type.Null()]),
  payoutProvider: Type.Union([Type.String({ description: "how it was paid out, e.g. 'manual'" }), Type.Null()]),
  lines: Type.Array(SettlementLineView),
};

export const SettlementView = Type.Object({
  id: Type.String(),
  ...settlementFields,
  runId: Type.String(),
  createdAt: Instant('when the run created it'),
});
export type SettlementView = Static<typeof SettlementView>;

/** A settlement as a preview computes it: nothing is written, so id, runId and createdAt are null. */
export const SettlementPreviewView = Type.Object({
  id: Type.Null(),
  ...settlementFields,
  runId: Type.Null(),
  createdAt: Type.Null(),
});
export type SettlementPreviewView = Static<typeof SettlementPreviewView>;

export const RunTrigger = Type.Union([Type.Literal('MANUAL'), Type.Literal('SCHEDULE')]);
export type RunTrigger = Static<typeof RunTrigger>;

export const RunView = Type.Object({
  id: Type.String(),
  trigger: RunTrigger,
  periodStart: Instant('start (inclusive)'),
  periodEnd: Instant('end (exclusive)'),
  settlementCount: Type.Integer({ minimum: 0 }),
  grossAmount: Won('Σ settlements'),
  commissionAmount: Won('Σ settlements'),
  netAmount: Won('Σ settlements'),
  createdAt: Instant('when it ran'),
  createdBy: Type.Union([Type.String({ description: "the admin's user id" }), Type.Null({ description: 'null: the schedule' })]),
});
export type RunView = Static<typeof RunView>;

export const RunInput = Type.Object(
  {
    periodStart: Type.String({ format: 'date-time', description: 'ISO 8601 instant with an offset, inclusive' }),
    periodEnd: Type.String({ format: 'date-time', description: 'ISO 8601 instant with an offset, exclusive; after periodStart, not in the future' }),
  },
  { additionalProperties: false },
);
export type RunInput = Static<typeof RunInput>;

export const RunResult = Type.Object({ run: RunView, items: Type.Array(SettlementView) });
export type RunResult = Static<typeof RunResult>;

export const PreviewResult = Type.Object({ items: Type.Array(SettlementPreviewView) });
export type PreviewResult = Static<typeof PreviewResult>;

export const PayInput = Type.Object(
  { transferReference: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'the bank transfer reference' })) },
  { additionalProperties: false },
);
export type PayInput = Static<typeof PayInput>;

const Amounts = { netAmount: Won('Σ net') };
export const EarningsSummary = Type.Object({
  thisMonth: Type.Object({
    grossAmount: Won('reservations finished this KST month, settled or not'),
    commissionAmount: Won('at the current rate'),
    netAmount: Won('gross - commission'),
    reservationCount: Type.Integer({ minimum: 0 }),
  }),
  unsettled: Type.Object({ ...Amounts, reservationCount: Type.Integer({ minimum: 0 }) }, { description: 'finished, not settled yet (at the current rate)' }),
  pending: Type.Object({ ...Amounts, count: Type.Integer({ minimum: 0 }) }, { description: 'settlements waiting for payout' }),
  paid: Type.Object({ ...Amounts, count: Type.Integer({ minimum: 0 }) }, { description: 'settlements paid out' }),
  nextPayoutDate: Type.Union([Instant('the next scheduled settlement run'), Type.Null({ description: 'no schedule' })]),
  commissionRate: Type.Number(),
});
export type EarningsSummary = Static<typeof EarningsSummary>;
