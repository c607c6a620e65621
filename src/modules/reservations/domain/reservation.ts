import type { Gender, ServiceType } from '../../caregivers/contract.ts';
import type { QuoteLine, RateType } from './pricing.ts';

// The shapes a reservation is made of, and the limits of what a guardian may write into one.

// A reservation's service type and a patient's gender are the caregivers contract's (lists and schemas there).
export type { Gender, ServiceType };

export const LIMITS = {
  regionName: 30,
  address: 200,
  patientName: 50,
  conditions: 20,
  condition: 100,
  notes: 2000,
  requestMessage: 1000,
  caregiverNote: 1000,
  reason: 500,
  suggestedAlternative: 1000,
} as const;

/** Where the care happens. sido/sigungu are official names (short forms are normalised on input). */
export interface Location {
  readonly sido: string;
  readonly sigungu?: string;
  readonly address: string;
}

/** The part of the patient's details that is encrypted at rest. */
export interface PatientHealth {
  readonly conditions: readonly string[];
  readonly notes?: string;
}

export interface Patient extends PatientHealth {
  readonly name: string;
  readonly birthYear?: number;
  readonly gender?: Gender;
}

/** A quote as GET /quotes answers it and as a reservation keeps it. */
export interface QuoteView {
  readonly caregiverId: string;
  readonly rateType: RateType;
  readonly startAt: string;
  readonly endAt: string;
  readonly lines: readonly QuoteLine[];
  readonly totalAmount: number;
}
