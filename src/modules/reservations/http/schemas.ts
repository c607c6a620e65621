import Type from 'typebox';
import { adminListQueryOf, CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { AdminReservationView, Money, ReservationView, Status } from '../app/schemas.ts';

// One schema per shape: validation, serialisation and the OpenAPI document come from these. The shapes
// the use cases take and give are in app/schemas.ts (named there as the use cases name them); this file
// adds what is only HTTP.

export {
  AcceptInput as AcceptBody,
  AdminReservationView as AdminReservationOut,
  CancelInput as CancelBody,
  CreateReservationInput as CreateBody,
  LiveView as LiveOut,
  QuoteOut,
  QuoteRequest as QuoteQuery,
  RejectInput as RejectBody,
  ReservationView as ReservationOut,
} from '../app/schemas.ts';

export const IdParams = Type.Object({ id: Type.String({ description: 'reservation id' }) });

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 255, description: 'Idempotency-Key: 1-255 visible ASCII characters, e.g. a UUID' }),
  ),
});

export const ReservationPage = pageOf(ReservationView);

export const ListQuery = Type.Object({
  status: Type.Optional(Type.Array(Status, { description: 'repeatable: ?status=REQUESTED&status=ACCEPTED' })),
  limit: Type.Optional(LimitParam),
  cursor: Type.Optional(CursorParam),
});

export const AdminReservationPage = pageOf(AdminReservationView);

export const AdminListQuery = adminListQueryOf(Status, {
  status: 'repeatable: ?status=REQUESTED&status=ACCEPTED',
  from: 'ISO 8601 with an offset: reservations whose startAt is at or after it (inclusive)',
  to: 'ISO 8601 with an offset: reservations whose startAt is before it (exclusive); must be after from',
  guardianId: "the guardian's user id",
});

export const CancellationQuoteOut = Type.Object({
  refundAmount: Money,
  feeAmount: Money,
  tier: Type.String({
    description:
      'BEFORE_PAYMENT (nothing paid yet), GUARDIAN_72H_OR_MORE (100 %), GUARDIAN_24H_OR_MORE (50 %), GUARDIAN_UNDER_24H (0 %), ' +
      'CAREGIVER_CANCELLED or ADMIN_CANCELLED (100 %) with the default policy',
  }),
});

