import Type, { type TSchema } from 'typebox';
import { CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { RATE_TYPES } from '../domain/pricing.ts';
import { GENDERS, LIMITS, SERVICE_TYPES } from '../domain/reservation.ts';
import { RESERVATION_STATUSES } from '../domain/transitions.ts';

// One schema per shape: validation, serialisation and the OpenAPI document come from these.

const List = <T extends TSchema>(item: T) => Type.Immutable(Type.Array(item));
const Instant = (description: string) => Type.String({ format: 'date-time', description });
const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

const Status = Type.Enum([...RESERVATION_STATUSES]);
const RateType = Type.Enum([...RATE_TYPES], { description: 'HOURLY: whole hours (>= 1); DAILY: whole 24-hour days (>= 1)' });
const ServiceType = Type.Enum([...SERVICE_TYPES], {
  description: 'HOSPITAL 병원 간병, HOME 재가 돌봄, NIGHT 야간 돌봄, LIVE_IN 24시간 상주, DEMENTIA 치매 돌봄, REHABILITATION 재활 보조, COMPANION 외출·병원 동행',
});
const Gender = Type.Enum([...GENDERS]);
const Money = Type.Integer({ minimum: 0, description: 'KRW' });

export const IdParams = Type.Object({ id: Type.String({ description: 'reservation id' }) });

export const QuoteQuery = Type.Object({
  caregiverId: Type.String({ minLength: 1 }),
  rateType: RateType,
  startAt: Instant('ISO 8601 with an offset, e.g. 2026-12-01T09:00:00+09:00; between 1 hour and 90 days from now'),
  endAt: Instant('ISO 8601 with an offset; a whole number of hours (HOURLY) or days (DAILY) after startAt, at most 31 days'),
});

const QuoteLine = Type.Object({
  kind: Type.Enum(['BASE', 'NIGHT_SURCHARGE', 'HOLIDAY_SURCHARGE']),
  description: Type.String(),
  units: Type.Integer(),
  unitPrice: Money,
  amount: Money,
});

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

export const CreateBody = Type.Object(
  {
    caregiverId: Type.String({ minLength: 1 }),
    serviceType: ServiceType,
    rateType: RateType,
    startAt: QuoteQuery.properties.startAt,
    endAt: QuoteQuery.properties.endAt,
    location: LocationIn,
    patient: PatientIn,
    requestMessage: Type.Optional(Type.String({ maxLength: LIMITS.requestMessage })),
  },
  { additionalProperties: false, description: 'No amounts: the server prices the booking (an amount field is refused as an unknown field).' },
);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 255, description: 'Idempotency-Key: 1-255 visible ASCII characters, e.g. a UUID' }),
  ),
});

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

export const ReservationOut = Type.Object({
  ...ReservationProperties,
  patient: PatientOut,
  requestMessage: Type.Optional(Type.String()),
});

export const ReservationPage = pageOf(ReservationOut);

export const ListQuery = Type.Object({
  status: Type.Optional(Type.Array(Status, { description: 'repeatable: ?status=REQUESTED&status=ACCEPTED' })),
  limit: Type.Optional(LimitParam),
  cursor: Type.Optional(CursorParam),
});

const OpaqueId = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });

/** Serialisation drops anything not listed here: the patient's conditions and notes can never leave in a list item. */
export const AdminReservationOut = Type.Object(
  {
    ...ReservationProperties,
    patient: Type.Object({ name: Type.String(), birthYear: Type.Optional(Type.Integer()), gender: Type.Optional(Gender) }, {
      description: 'no health details (conditions, notes): read GET /reservations/:id for those (audited)',
    }),
  },
  { title: 'AdminReservation' },
);

export const AdminReservationPage = pageOf(AdminReservationOut);

export const AdminListQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(Status, { description: 'repeatable: ?status=REQUESTED&status=ACCEPTED' })),
    from: Type.Optional(Instant('ISO 8601 with an offset: reservations whose startAt is at or after it (inclusive)')),
    to: Type.Optional(Instant('ISO 8601 with an offset: reservations whose startAt is before it (exclusive); must be after from')),
    caregiverId: Type.Optional(OpaqueId("the caregiver's profile id (as in reservations' caregiverId)")),
    guardianId: Type.Optional(OpaqueId("the guardian's user id")),
    limit: Type.Optional(LimitParam),
    cursor: Type.Optional(CursorParam),
  },
  { additionalProperties: false },
);

export const AcceptBody = Type.Object({ caregiverNote: Type.Optional(Type.String({ maxLength: LIMITS.caregiverNote })) }, { additionalProperties: false });
export const RejectBody = Type.Object(
  { reason: Text(LIMITS.reason), suggestedAlternative: Type.Optional(Type.String({ maxLength: LIMITS.suggestedAlternative })) },
  { additionalProperties: false },
);
export const CancelBody = Type.Object({ reason: Text(LIMITS.reason) }, { additionalProperties: false });

export const CancellationQuoteOut = Type.Object({
  refundAmount: Money,
  feeAmount: Money,
  tier: Type.String({
    description:
      'BEFORE_PAYMENT (nothing paid yet), GUARDIAN_72H_OR_MORE (100 %), GUARDIAN_24H_OR_MORE (50 %), GUARDIAN_UNDER_24H (0 %), ' +
      'CAREGIVER_CANCELLED or ADMIN_CANCELLED (100 %) with the default policy',
  }),
});

const PendingRequestOut = Type.Object({
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
const LiveReservationOut = Type.Object({
  id: Type.String(),
  status: Status,
  caregiverName: Type.String(),
  startAt: Type.String({ format: 'date-time' }),
  endAt: Type.String({ format: 'date-time' }),
  checkedInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'set once the caregiver arrived' }),
});

export const LiveOut = Type.Union([
  Type.Object({ pendingRequests: List(PendingRequestOut), count: Type.Integer() }, { title: 'CaregiverLiveState' }),
  Type.Object({ reservations: List(LiveReservationOut) }, { title: 'GuardianLiveState' }),
]);
