import Type, { type Static } from 'typebox';
import { AdminUserView } from '../../identity/contract.ts';
import { RESERVATION_STATUSES } from '../../reservations/contract.ts';
import { PAYMENT_STATUSES } from '../../payments/contract.ts';
import { Settlement } from '../../settlements/contract.ts';

// The shapes of the back office's user detail and audit log (the stats are in ../contract.ts).

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);

export const UserReservation = Type.Object({
  id: Type.String(),
  status: Type.Enum(RESERVATION_STATUSES),
  startAt: DateTime,
  endAt: DateTime,
  totalAmount: Type.Integer({ description: 'KRW' }),
  guardianId: Type.String(),
  caregiverId: Type.String({ description: "the caregiver's profile id" }),
  caregiverName: Type.String(),
  createdAt: DateTime,
});

export const UserPayment = Type.Object({
  id: Type.String(),
  reservationId: Type.String(),
  status: Type.Enum([...PAYMENT_STATUSES, 'WAITING_FOR_DEPOSIT'] as const),
  amount: Type.Integer({ description: 'KRW approved (or asked for)' }),
  balanceAmount: Type.Integer({ description: 'KRW left after refunds' }),
  approvedAt: NullableDateTime,
});

export const UserReview = Type.Object({
  id: Type.String(),
  reservationId: Type.String(),
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  written: Type.Boolean({ description: 'true when the user wrote it (as guardian), false when it is about them (as caregiver)' }),
  createdAt: DateTime,
  deletedAt: NullableDateTime,
});

export const AuditLogEntry = Type.Object({
  id: Type.String(),
  at: DateTime,
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String({ description: "e.g. 'caregiver.approve', 'user.detail.read'" }),
  resourceType: Type.String(),
  resourceId: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  requestId: Type.Union([Type.String(), Type.Null()]),
});
export type AuditLogEntry = Static<typeof AuditLogEntry>;

/** GET /admin/users/:id. */
export const AdminUserDetail = Type.Object(
  {
    user: AdminUserView,
    reservations: Type.Array(UserReservation, { description: 'latest 20 as guardian or caregiver, newest created first' }),
    payments: Type.Array(UserPayment, { description: 'latest 20 as payer, newest first' }),
    reviews: Type.Array(UserReview, { description: 'latest 20 written by or about the user, deleted ones included' }),
    settlements: Type.Array(Settlement, { description: 'latest 20 when a caregiver (else empty)' }),
    auditTrail: Type.Array(AuditLogEntry, { description: "latest 50 audit entries with the user (or their caregiver profile) as actor or resource" }),
  },
  { title: 'AdminUserDetail' },
);
export type AdminUserDetail = Static<typeof AdminUserDetail>;

/** GET /admin/audit-log's query. */
export const AuditLogQuery = Type.Object(
  {
    actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "the acting user's id" })),
    action: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: "an action, or a prefix ending in '.' (e.g. 'user.' for every user action)" }),
    ),
    resourceType: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "e.g. 'user', 'reservation', 'caregiver'" })),
    resourceId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'entries at or after (ISO 8601 with an offset)' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'entries before (exclusive)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50, description: 'page size (1-100)' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
export type AuditLogQuery = Static<typeof AuditLogQuery>;

export const AuditLogPage = Type.Object({ items: Type.Array(AuditLogEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type AuditLogPage = Static<typeof AuditLogPage>;
