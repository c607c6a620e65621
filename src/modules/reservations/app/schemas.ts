import Type, { type Static, type TSchema } from 'typebox';
import { RATE_TYPES } from '../domain/pricing.ts';
import { Gender, ServiceType } from '../../caregivers/contract.ts';
import { LIMITS } from '../domain/reservation.ts';
import { RESERVATION_STATUSES } from '../domain/transitions.ts';

// The shapes the use cases take and give, each defined once as a TypeBox schema with its type derived
// from it. The routes validate and serialise with the same schemas (http/schemas.ts adds what is only
// HTTP: params, headers, query strings, pages), so the API, the OpenAPI document and the use cases
// cannot drift apart. Not HTTP: use cases import these.

const List = <T extends TSchema>(item: T) => Type.Immutable(Type.Array(item));
export const Instant = (description: string) => Type.String({ format: 'date-time', description });
const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

export const Status = Type.Enum([...RESERVATION_STATUSES]);
const RateType = Type.Enum([...RATE_TYPES], { description: 'HOURLY: whole hours (>= 1); DAILY: whole 24-hour days (>= 1)' });
export const Money = Type.Integer({ minimum: 0, description: 'KRW' });

/** What a quote (GET /quotes) and a booking are priced from. */
export const QuoteRequest = Type.Object({
  caregiverId: Type.String({ minLength: 1 }),
  rateType: RateType,
  startAt: Instant('ISO 8601 with an offset, e.g. 2026-12-01T09:00:00+09:00; between 1 hour and 90 days from now'),
  endAt: Instant('ISO 8601 with an offset; a whole number of hours (HOURLY) or days (DAILY) after startAt, at most 31 days'),
});
export type QuoteRequest = Static<typeof QuoteRequest>;

const QuoteLine = Type.Object({
  kind: Type.Enum(['BASE', 'NIGHT_SURCHARGE', 'HOLIDAY_SURCHARGE']),
  description: Type.String(),
  units: Type.Integer(),
  unitPrice: Money,
  amount: Money,
});

/** A quote as GET /quotes answers it and as a reservation keeps it (the domain's QuoteView). */
export const QuoteOut = Type.Object({
  caregiverId: Type.String(),
  rateType: RateType,
  startAt: Type.String({ format: 'date-time' }),
  endAt: Type.String({ format: 'date-time' }),
  lines: List(QuoteLine),
  totalAmount: Money,
});

const LocationIn = Type.Object(
  {
    sido: Text(LIMITS.regionName, 'official name or short form (서울); answered in official form (서울특별시)'),
    sigungu: Type.Optional(Text(LIMITS.regionName, 'official name or short form (강남); omitted for 세종특별자치시')),
    address: Text(LIMITS.address, 'street address, building, room'),
  },
  { additionalProperties: false },
);

const PatientIn = Type.Object(
  {
    name: Text(LIMITS.patientName),
    birthYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100, description: 'not in the future' })),
    gender: Type.Optional(Gender),
    conditions: Type.Array(Text(LIMITS.condition), { maxItems: LIMITS.conditions, description: 'health conditions; encrypted at rest' }),
    notes: Type.Optional(Type.String({ maxLength: LIMITS.notes, description: 'encrypted at rest' })),
  },
  { additionalProperties: false },
);

/** What a guardian sends. No amounts: the server prices every booking itself. */
export const CreateReservationInput = Type.Object(
  {
    caregiverId: Type.String({ minLength: 1 }),
    serviceType: ServiceType,
    rateType: RateType,
    startAt: QuoteRequest.properties.startAt,
    endAt: QuoteRequest.properties.endAt,
    location: LocationIn,
    patient: PatientIn,
    requestMessage: Type.Optional(Type.String({ maxLength: LIMITS.requestMessage })),
  },
  { additionalProperties: false, description: 'No amounts: the server prices the booking (an amount field is refused as an unknown field).' },
);
export type CreateReservationInput = Static<typeof CreateReservationInput>;

const LocationOut = Type.Object({ sido: Type.String(), sigungu: Type.Optional(Type.String()), address: Type.String() });
const PatientOut = Type.Object({
  name: Type.String(),
  birthYear: Type.Optional(Type.Integer()),
  gender: Type.Optional(Gender),
  conditions: List(Type.String()),
  notes: Type.Optional(Type.String()),
});

// Everything but the patient and the request message: shared by the full view and the admin list item.
const ReservationProperties = {
  id: Type.String(),
  guardianId: Type.String(),
  caregiverId: Type.String(),
  caregiverName: Type.String({ description: "the caregiver's display name when booked" }),
  status: Status,
  rateType: RateType,
  serviceType: ServiceType,
  startAt: Type.String({ format: 'date-time' }),
  endAt: Type.String({ format: 'date-time' }),
  location: LocationOut,
  quote: QuoteOut,
  totalAmount: Money,
  caregiverNote: Type.Optional(Type.String()),
  rejectionReason: Type.Optional(Type.String()),
  suggestedAlternative: Type.Optional(Type.String()),
  cancelReason: Type.Optional(Type.String()),
  cancelledBy: Type.Optional(Type.Enum(['GUARDIAN', 'CAREGIVER', 'ADMIN'])),
  refundAmount: Type.Optional(Money),
  paymentId: Type.Optional(Type.String()),
  expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'REQUESTED: answer by then; ACCEPTED: pay by then' })),
  checkedInAt: Type.Optional(Type.String({ format: 'date-time' })),
  checkedOutAt: Type.Optional(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

/** What callers see of a reservation: its participants and admins only (it carries the patient's health details). */
export const ReservationView = Type.Object({
  ...ReservationProperties,
  patient: PatientOut,
  requestMessage: Type.Optional(Type.String()),
  caregiverEarnings: Type.Optional(
    Type.Object(
      { grossAmount: Money, commissionAmount: Money, netAmount: Money },
      { description: "the caregiver's view only: what they earn from the booking after the platform commission (PLATFORM_COMMISSION_RATE)" },
    ),
  ),
  familyContact: Type.Optional(
    Type.Object(
      { name: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) },
      { description: "the caregiver's view only, from confirmation until a day after the end: the guardian's name and phone" },
    ),
  ),
  checkInOpensAt: Type.Optional(
    Type.String({ format: 'date-time', description: 'CONFIRMED: check-in is possible from then (CHECKIN_OPENS_BEFORE before the start) until the end' }),
  ),
  checkOutOpensAt: Type.Optional(
    Type.String({ format: 'date-time', description: 'CONFIRMED or IN_PROGRESS: check-out is possible from then (the start) on' }),
  ),
});
export type ReservationView = Static<typeof ReservationView>;

export const OpaqueId = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });


/** Serialisation drops anything not listed here: the patient's conditions and notes can never leave in a list item. */
export const AdminReservationView = Type.Object(
  {
    ...ReservationProperties,
    guardianName: Type.Union([Type.String(), Type.Null()], { description: "the guardian's account name (anonymised after a withdrawal); null when the account cannot be read" }),
    patient: Type.Object({ name: Type.String(), birthYear: Type.Optional(Type.Integer()), gender: Type.Optional(Gender) }, {
      description: 'no health details (conditions, notes): read GET /reservations/:id for those (audited)',
    }),
  },
  { title: 'AdminReservation' },
);
export type AdminReservationView = Static<typeof AdminReservationView>;

export const AcceptInput = Type.Object({ caregiverNote: Type.Optional(Type.String({ maxLength: LIMITS.caregiverNote })) }, { additionalProperties: false });
export const RejectInput = Type.Object(
  { reason: Text(LIMITS.reason), suggestedAlternative: Type.Optional(Type.String({ maxLength: LIMITS.suggestedAlternative })) },
  { additionalProperties: false },
);
export const CancelInput = Type.Object({ reason: Text(LIMITS.reason) }, { additionalProperties: false });
export type AcceptInput = Static<typeof AcceptInput>;
export type RejectInput = Static<typeof RejectInput>;
export type CancelInput = Static<typeof CancelInput>;

export const PendingRequest = Type.Object({
  id: Type.String(),
  startAt: Type.String({ format: 'date-time' }),
  endAt: Type.String({ format: 'date-time' }),
  serviceType: ServiceType,
  rateType: RateType,
  totalAmount: Money,
  location: Type.Object({ sido: Type.String(), sigungu: Type.Optional(Type.String()) }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export const LiveReservation = Type.Object({
  id: Type.String(),
  status: Status,
  caregiverName: Type.String(),
  startAt: Type.String({ format: 'date-time' }),
  endAt: Type.String({ format: 'date-time' }),
  checkedInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'set once the caregiver arrived' }),
});

/** The live state a dashboard reads (app/live-state.ts): a caregiver's pending requests, or a guardian's active reservations. */
export const LiveView = Type.Union([
  Type.Object({ pendingRequests: List(PendingRequest), count: Type.Integer() }, { title: 'CaregiverLiveState' }),
  Type.Object({ reservations: List(LiveReservation) }, { title: 'GuardianLiveState' }),
]);
export type PendingRequest = Static<typeof PendingRequest>;
export type LiveReservation = Static<typeof LiveReservation>;
export type LiveView = Static<typeof LiveView>;
