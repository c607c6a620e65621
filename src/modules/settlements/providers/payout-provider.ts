// How a settlement's money reaches the caregiver. Now: `manual` (the admin made the bank transfer and records
// its reference). Later an automatic provider (e.g. a firm-banking or payout API) implements the same
// interface: it sends `netAmount` to the caregiver's registered account, idempotently per `settlementId`
// (the provider's idempotency key), and answers the provider's transfer id as `transferReference`. It is
// called inside the pay transaction after the settlement row is locked, so a failure (throw) leaves the
// settlement PENDING; an automatic provider whose call may time out must be safe to call again with the
// same settlementId (it answers the first transfer instead of sending a second one).

export interface PayoutRequest {
  readonly settlementId: string;
  readonly caregiverId: string;
  readonly caregiverUserId: string;
  /** KRW to send; may be 0 or negative (a negative one is recovered outside the platform). */
  readonly netAmount: number;
  /** What the admin typed, if anything (manual transfers). */
  readonly transferReference: string | null;
}

export interface PayoutResult {
  /** The bank or provider reference to show with the settlement, or null when none was given. */
  readonly transferReference: string | null;
}

export interface PayoutProvider {
  /** Stored on the settlement as payoutProvider, e.g. 'manual'. */
  readonly name: string;
  payout(request: PayoutRequest): Promise<PayoutResult>;
}
