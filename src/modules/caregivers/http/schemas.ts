import Type, { type TSchema } from 'typebox';
import { CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { BUSY_WINDOW_MAX_DAYS, SEARCH_WINDOW_MAX_DAYS } from '../domain/availability.ts';
import { CERTIFICATE_TYPES, GENDERS, PROFILE_LIMITS, SERVICE_TYPES } from '../domain/profile.ts';
import { SORTS } from '../domain/search.ts';
import { PROFILE_STATUSES } from '../domain/status.ts';
import { REJECTION_REASON_MAX } from '../app/reject-profile.ts';

// One schema per shape: validation, serialisation and the OpenAPI document come from these.

export const DOCUMENT_KINDS = ['CERTIFICATE', 'ID_CARD', 'PHOTO', 'OTHER'] as const;

// Output arrays are readonly in the views; Immutable changes only the static type, not the JSON schema.
const List = <T extends TSchema>(item: T) => Type.Immutable(Type.Array(item));

const Gender = Type.Enum([...GENDERS]);
const CertificateType = Type.Enum([...CERTIFICATE_TYPES]);
const ServiceType = Type.Enum([...SERVICE_TYPES], {
  description: 'HOSPITAL 병원 간병, HOME 재가 돌봄, NIGHT 야간 돌봄, LIVE_IN 24시간 상주, DEMENTIA 치매 돌봄, REHABILITATION 재활 보조, COMPANION 외출·병원 동행',
});
const Status = Type.Enum([...PROFILE_STATUSES]);
export const DocumentKind = Type.Enum([...DOCUMENT_KINDS]);
const Language = Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1 code: ko, en, zh, vi, ...' });
const RegionName = Type.String({ minLength: 1, maxLength: 30 });
const { hourlyRate, dailyRate } = PROFILE_LIMITS;

const RegionIn = Type.Object(
  { sido: RegionName, sigungu: Type.Optional(RegionName) },
  { additionalProperties: false, description: 'Official names or short forms (서울, 강남); answered in official form. Without sigungu: the whole sido.' },
);
const CertificateIn = Type.Object(
  {
    type: CertificateType,
    number: Type.String({ minLength: 1, maxLength: PROFILE_LIMITS.certificateNumber }),
    issuedOn: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD, not in the future' })),
  },
  { additionalProperties: false },
);

const ProfileProperties = {
  displayName: Type.String({ minLength: 1, maxLength: PROFILE_LIMITS.displayName }),
  gender: Gender,
  birthYear: Type.Integer({ minimum: 1900, maximum: 2100, description: 'age 19 to 85 this year (Asia/Seoul)' }),
  careerYears: Type.Integer({ minimum: 0, maximum: 70, description: 'at most age minus 18' }),
  introduction: Type.String({ maxLength: PROFILE_LIMITS.introduction }),
  certificates: Type.Array(CertificateIn, { maxItems: PROFILE_LIMITS.certificates }),
  regions: Type.Array(RegionIn, { minItems: 1, maxItems: PROFILE_LIMITS.regions }),
  serviceTypes: Type.Array(ServiceType, { minItems: 1, maxItems: SERVICE_TYPES.length, description: 'no duplicates' }),
  languages: Type.Array(Language, { minItems: 1, maxItems: PROFILE_LIMITS.languages, description: 'no duplicates' }),
  hourlyRate: Type.Integer({ minimum: hourlyRate.min, maximum: hourlyRate.max, description: 'KRW' }),
  dailyRate: Type.Integer({ minimum: dailyRate.min, maximum: dailyRate.max, description: 'KRW' }),
};

export const CreateProfileBody = Type.Object(
  {
    ...ProfileProperties,
    introduction: Type.Optional(ProfileProperties.introduction),
    certificates: Type.Optional(ProfileProperties.certificates),
  },
  { additionalProperties: false },
);

export const UpdateProfileBody = Type.Partial(Type.Object(ProfileProperties), { additionalProperties: false, minProperties: 1 });

const CertificateOut = Type.Object({
  type: CertificateType,
  number: Type.String({ description: 'masked to its last characters except for the owner and admins' }),
  issuedOn: Type.Optional(Type.String()),
});
const RegionOut = Type.Object({ sido: Type.String(), sigungu: Type.Optional(Type.String()) });

export const DocumentOut = Type.Object({
  id: Type.String(),
  kind: DocumentKind,
  contentType: Type.String({ description: 'detected from the content' }),
  size: Type.Integer({ description: 'bytes' }),
});
const DocumentListed = Type.Object({ ...DocumentOut.properties, createdAt: Type.String({ format: 'date-time' }) });

const PublicProperties = {
  id: Type.String(),
  userId: Type.String(),
  displayName: Type.String(),
  gender: Gender,
  birthYear: Type.Integer(),
  careerYears: Type.Integer(),
  introduction: Type.String(),
  certificates: List(CertificateOut),
  regions: List(RegionOut),
  serviceTypes: List(ServiceType),
  languages: List(Type.String()),
  hourlyRate: Type.Integer(),
  dailyRate: Type.Integer(),
  status: Status,
  ratingAverage: Type.Number({ description: '0 without reviews' }),
  reviewCount: Type.Integer(),
  photoUrl: Type.Optional(Type.String({ description: 'present when an APPROVED profile has a photo' })),
};

const PrivateProperties = {
  rejectionReason: Type.Optional(Type.String({ description: 'while REJECTED' })),
  documents: List(DocumentListed),
  submittedAt: Type.String({ format: 'date-time', description: 'when the profile last entered review' }),
  reviewedAt: Type.Optional(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

export const PublicProfile = Type.Object(PublicProperties);
export const FullProfile = Type.Object({ ...PublicProperties, ...PrivateProperties });
/** GET /caregivers/:id: the public shape, plus the private fields for the owner and admins. */
export const ProfileDetail = Type.Object({
  ...PublicProperties,
  rejectionReason: PrivateProperties.rejectionReason,
  documents: Type.Optional(PrivateProperties.documents),
  submittedAt: Type.Optional(PrivateProperties.submittedAt),
  reviewedAt: PrivateProperties.reviewedAt,
  createdAt: Type.Optional(PrivateProperties.createdAt),
  updatedAt: Type.Optional(PrivateProperties.updatedAt),
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

export const BusyList = List(
  Type.Object({
    startAt: Type.String({ format: 'date-time', description: 'UTC' }),
    endAt: Type.String({ format: 'date-time', description: 'UTC, exclusive' }),
  }),
);

export const ReviewListQuery = Type.Object(
  { status: Type.Optional(Status), limit: Type.Optional(LimitParam), cursor: Type.Optional(CursorParam) },
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
export const TopPage = pageOf(
  Type.Object({ ...PublicProperties, score: Type.Number({ description: 'Bayesian rating: (5 * 3.5 + ratingAverage * reviewCount) / (5 + reviewCount)' }) }),
);
export const ReviewPage = pageOf(FullProfile);
export const RegionsPage = pageOf(Type.Object({ sido: Type.String(), sidoEn: Type.String(), sigungu: List(Type.String()) }));

const Binary = { type: 'string', format: 'binary' } as const;
/** Responses that are file bytes (sent as Buffers, which Fastify never serialises): for OpenAPI. */
export const binaryResponse = (description: string, types: readonly string[]) =>
  Type.Unsafe<Buffer>({ description, content: Object.fromEntries(types.map((t) => [t, { schema: Binary }])) });
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const DOCUMENT_TYPES = ['application/pdf', ...IMAGE_TYPES] as const;
