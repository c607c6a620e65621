import { invalid, notFound } from '../../../platform/errors.ts';
import type { CaregiverProfile } from '../../caregivers/contract.ts';
import { checkBookingTimes } from '../domain/deadlines.ts';
import { quote, type RateType } from '../domain/pricing.ts';
import type { QuoteView } from '../domain/reservation.ts';
import type { ReservationsDeps } from './deps.ts';
import type { QuoteRequest } from './schemas.ts';

export type { QuoteRequest };

/** Parses and checks the times of a quote or booking: whole units, longest stay, the booking window (400). */
export function bookingTimes(deps: ReservationsDeps, request: Omit<QuoteRequest, 'caregiverId'>): { startAt: Date; endAt: Date } {
  const startAt = new Date(request.startAt);
  const endAt = new Date(request.endAt);
  const { pricing, bookingWindow } = deps.settings;
  const errors = checkBookingTimes({ rateType: request.rateType, startAt, endAt }, deps.platform.clock.now(), pricing, bookingWindow);
  if (errors.length > 0) throw invalid('The reservation times are not valid', errors);
  return { startAt, endAt };
}

/** An APPROVED caregiver; anything else is 404 CAREGIVER_NOT_FOUND (others' profiles do not exist for guardians). */
export async function bookableCaregiver(deps: ReservationsDeps, caregiverId: string): Promise<CaregiverProfile> {
  const profile = await deps.caregivers.getProfile(caregiverId);
  if (!profile || profile.status !== 'APPROVED') throw notFound('Caregiver', 'CAREGIVER_NOT_FOUND');
  return profile;
}

export function priceFor(deps: ReservationsDeps, caregiver: CaregiverProfile, times: { rateType: RateType; startAt: Date; endAt: Date }): QuoteView {
  const priced = quote({ ...times, hourlyRate: caregiver.hourlyRate, dailyRate: caregiver.dailyRate }, deps.settings.pricing);
  return {
    caregiverId: caregiver.id,
    rateType: times.rateType,
    startAt: times.startAt.toISOString(),
    endAt: times.endAt.toISOString(),
    lines: priced.lines,
    totalAmount: priced.totalAmount,
  };
}

/** Anyone: the all-in price of booking the caregiver for these times at the caregiver's current rates. */
export function makeGetQuote(deps: ReservationsDeps) {
  return async function getQuote(request: QuoteRequest): Promise<QuoteView> {
    const times = bookingTimes(deps, request);
    const caregiver = await bookableCaregiver(deps, request.caregiverId);
    return priceFor(deps, caregiver, { rateType: request.rateType, ...times });
  };
}
