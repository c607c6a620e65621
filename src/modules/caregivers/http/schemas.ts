import Type, { type TSchema } from 'typebox';
import { CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { BUSY_WINDOW_MAX_DAYS, SEARCH_WINDOW_MAX_DAYS } from '../domain/availability.ts';
import { DOCUMENT_KINDS, Gender, ProfileStatus, SERVICE_TYPES, ServiceType } from '../contract.ts';
import { SORTS } from '../domain/search.ts';
import { REJECTION_REASON_MAX } from '../app/reject-profile.ts';
import { BusyTime, FullProfileView, Language, ProfileChangesInput, ProfileInput, PublicProfile, TopCaregiver, UploadedDocument } from '../app/schemas.ts';

// One schema per shape: validation, serialisation and the OpenAPI document come from these. The shapes
// the use cases take and give are app/schemas.ts's, here under their route names; this file adds what is
// only HTTP (query strings, params, pages, files).

// Output arrays are readonly in the views; Immutable changes only the static type, not the JSON schema.
const List = <T extends TSchema>(item: T) => Type.Immutable(Type.Array(item));

export { PublicProfile };
export const CreateProfileBody = ProfileInput;
export const UpdateProfileBody = ProfileChangesInput;
export const DocumentOut = UploadedDocument;
export const FullProfile = FullProfileView;

/** GET /caregivers/:id: the public shape, plus the private fields for the owner and admins. */
export const ProfileDetail = Type.Object({
  ...PublicProfile.properties,
  rejectionReason: FullProfile.properties.rejectionReason,
  documents: Type.Optional(FullProfile.properties.documents),
  submittedAt: Type.Optional(FullProfile.properties.submittedAt),
  reviewedAt: FullProfile.properties.reviewedAt,
  createdAt: Type.Optional(FullProfile.properties.createdAt),
  updatedAt: Type.Optional(FullProfile.properties.updatedAt),
});

/** An instant on input: ISO 8601 with an offset (the handler also checks the calendar). */
const Instant = (description: string) =>
  Type.String({ format: 'date-time', maxLength: 40, description: `${description}. ISO 8601 with an offset, e.g. 2026-12-01T09:00:00+09:00 (in a URL, + is %2B)` });

export const SearchQuery = Type.Object(
  {
    sido: Type.Optional(Type.String({ maxLength: 30, description: '서울 or 서울특별시: caregivers serving somewhere in it' })),
    sigungu: Type.Optional(
      Type.String({ maxLength: 30, description: 'needs sido; caregivers serving this sigungu or the whole sido' }),
    ),
    serviceType: Type.Optional(
      Type.Array(ServiceType, { maxItems: SERVICE_TYPES.length, description: 'repeatable; a caregiver must offer every one given' }),
    ),
    gender: Type.Optional(Gender),
    minCareerYears: Type.Optional(Type.Integer({ minimum: 0, maximum: 70 })),
    minRating: Type.Optional(Type.Number({ minimum: 0, maximum: 5 })),
    maxHourlyRate: Type.Optional(Type.Integer({ minimum: 0 })),
    maxDailyRate: Type.Optional(Type.Integer({ minimum: 0 })),
    language: Type.Optional(Language),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'text in the display name or introduction (case-insensitive)' })),
    availableFrom: Type.Optional(
      Instant(`with availableTo: leaves out caregivers with an active reservation overlapping [availableFrom, availableTo); at most ${SEARCH_WINDOW_MAX_DAYS} days`),
    ),
    availableTo: Type.Optional(Instant('with availableFrom; after it (exclusive end)')),
    sort: Type.Optional(Type.Enum([...SORTS], { default: 'recommended' })),
    limit: Type.Optional(LimitParam),
    cursor: Type.Optional(CursorParam),
  },
  { additionalProperties: false },
);

export const BusyQuery = Type.Object(
  {
    from: Instant('start of the window'),
    to: Instant(`end of the window (exclusive), after from, at most ${BUSY_WINDOW_MAX_DAYS} days later`),
  },
  { additionalProperties: false },
);

export const BusyList = List(BusyTime);

export const ReviewListQuery = Type.Object(
  { status: Type.Optional(ProfileStatus), limit: Type.Optional(LimitParam), cursor: Type.Optional(CursorParam) },
  { additionalProperties: false },
);

export const RejectBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: REJECTION_REASON_MAX, description: 'shown to the caregiver' }) },
  { additionalProperties: false },
);

export const UploadQuery = Type.Object(
  { kind: Type.Optional(Type.Enum([...DOCUMENT_KINDS], { description: 'instead of the `kind` form field' })) },
  { additionalProperties: false },
);

/**
 * The multipart form, for the OpenAPI document only: without `type: 'object'` or `required` the validator
 * lets the (unparsed, undefined) multipart body through, and a JSON body still reaches the handler's 415;
 * the handler reads and checks the parts itself.
 */
export const UploadForm = Type.Unsafe<unknown>({
  properties: {
    kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
    file: { type: 'string', format: 'binary', description: 'required: PDF, JPEG, PNG or WebP, at most 10 MB' },
  },
});

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const DocumentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), documentId: Type.String({ minLength: 1, maxLength: 64 }) });

export const SearchPage = pageOf(PublicProfile);
export const TopQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10, description: '1-50' })) });
export const TopPage = pageOf(TopCaregiver);
export const ReviewPage = pageOf(FullProfile);
export const RegionsPage = pageOf(
  Type.Object({
    sido: Type.String(),
    sidoEn: Type.String(),
    sigungu: List(Type.String()),
    sigunguEn: Type.Immutable(Type.Array(Type.String(), { description: "the sigungu's English names (official romanisation), in the same order" })),
  }),
);

const Binary = { type: 'string', format: 'binary' } as const;
/** Responses that are file bytes (sent as Buffers, which Fastify never serialises): for OpenAPI. */
export const binaryResponse = (description: string, types: readonly string[]) =>
  Type.Unsafe<Buffer>({ description, content: Object.fromEntries(types.map((t) => [t, { schema: Binary }])) });
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const DOCUMENT_TYPES = ['application/pdf', ...IMAGE_TYPES] as const;
