import Type, { type Static } from 'typebox';
import { defineEvent } from '../../platform/events/event.ts';
import type { StatsRange } from '../../platform/stats-range.ts';
import { SettlementView } from './app/schemas.ts';

// What other modules may know of settlements: the paid event, the settlement's shape and a small read API.

/** A settlement with its lines, as admins see it (schema and type). */
export const Settlement = SettlementView;
export type Settlement = Static<typeof SettlementView>;

export const SettlementPaidV1 = Type.Object({
  settlementId: Type.String(),
  caregiverId: Type.String(),
  caregiverUserId: Type.String(),
  netAmount: Type.Integer(),
  periodStart: Type.String({ format: 'date-time' }),
  periodEnd: Type.String({ format: 'date-time' }),
  paidAt: Type.String({ format: 'date-time' }),
});
export type SettlementPaidV1 = Static<typeof SettlementPaidV1>;

/** Aggregate id: the settlement. */
export const SETTLEMENT_EVENTS = {
  /** An admin paid a settlement out (PENDING -> PAID): notifications tells the caregiver (SETTLEMENT_PAID). */
  paid: defineEvent('settlement.paid.v1', SettlementPaidV1),
} as const;

/** What a caregiver earns from a booking's amount: the commission by the settlement rule, net = gross - commission. */
export interface CaregiverEarnings {
  readonly grossAmount: number;
  readonly commissionAmount: number;
  readonly netAmount: number;
}

export interface SettlementsApi {
  /** The caregiver's expected earnings from `grossAmount` at the current PLATFORM_COMMISSION_RATE (same rounding as settlement lines). */
  expectedEarnings(grossAmount: number): Promise<CaregiverEarnings>;
  /** The caregiver user's settlements, newest first (admin user detail). */
  listForCaregiverUser(userId: string, limit: number): Promise<Settlement[]>;
  /**
   * Commission of settlement lines whose reservation finished in each bucket (admin stats): one entry per
   * KST bucket of the range (platform/stats-range.ts seriesOf), 0 where nothing finished; LATE_REFUND lines
   * count (negative) in the bucket where their reservation finished.
   */
  commissionSeries(range: StatsRange): Promise<Array<{ start: string; commissionAmount: number }>>;
}
