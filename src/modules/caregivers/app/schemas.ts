import Type, { type Static, type TSchema } from 'typebox';
import { CaregiverProfile, Certificate, CertificateType, DocumentKind, Gender, SERVICE_TYPES, ServiceType } from '../contract.ts';
import { PROFILE_LIMITS } from '../domain/profile.ts';

// The shapes the use cases take and give, each defined once as a TypeBox schema with its type derived
// from it, built on the contract's public profile. The routes validate and serialise with the same
// schemas (http/schemas.ts adds what is only HTTP), so the API, the OpenAPI document and the use cases
// cannot drift apart. Not HTTP: use cases import these.

const List = <T extends TSchema>(item: T) => Type.Immutable(Type.Array(item));

export const Language = Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1 code: ko, en, zh, vi, ...' });
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

/** The fields a caregiver writes (the domain's ProfileFields), as they arrive. */
const ProfileFieldsIn = {
  displayName: Type.String({ minLength: 1, maxLength: PROFILE_LIMITS.displayName }),
  gender: Gender,
  birthYear: Type.Integer({ minimum: 1900, maximum: 2100, description: 'age 19 to 85 this year (Asia/Seoul)' }),
  careerYears: Type.Integer({ minimum: 0, maximum: 70, description: 'at most age minus 18' }),
  introduction: Type.String({ maxLength: PROFILE_LIMITS.introduction }),
  certificates: Type.Array(CertificateIn, { maxItems: PROFILE_LIMITS.certificates }),
  regions: Type.Array(RegionIn, { minItems: 1, maxItems: PROFILE_LIMITS.regions }),
  serviceTypes: Type.Array(ServiceType, { minItems: 1, maxItems: SERVICE_TYPES.length, description: 'no duplicates' }),
  languages: Type.Array(Language, { minItems: 1, maxItems: PROFILE_LIMITS.languages, description: 'no duplicates' }),
  nationality: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2: KR, CN, VN, PH, ...' }),
  hourlyRate: Type.Integer({ minimum: hourlyRate.min, maximum: hourlyRate.max, description: 'KRW' }),
  dailyRate: Type.Integer({ minimum: dailyRate.min, maximum: dailyRate.max, description: 'KRW' }),
};

/** A new profile; certificates and introduction may be left out. */
export const ProfileInput = Type.Object(
  {
    ...ProfileFieldsIn,
    introduction: Type.Optional(ProfileFieldsIn.introduction),
    certificates: Type.Optional(ProfileFieldsIn.certificates),
    nationality: Type.Optional(ProfileFieldsIn.nationality),
  },
  { additionalProperties: false },
);
export type ProfileInput = Static<typeof ProfileInput>;

/** A change to one's profile: any of the fields, at least one. */
export const ProfileChangesInput = Type.Partial(Type.Object(ProfileFieldsIn), { additionalProperties: false, minProperties: 1 });
export type ProfileChangesInput = Static<typeof ProfileChangesInput>;

/** The public profile as the API shows it: the contract's, certificate numbers masked for strangers. */
export const PublicProfile = Type.Object({
  ...CaregiverProfile.properties,
  certificates: List(
    Type.Object({ ...Certificate.properties, number: Type.String({ description: 'masked to its last characters except for the owner and admins' }) }),
  ),
});
export type PublicProfile = Static<typeof PublicProfile>;

/** A document as uploading it answers. */
export const UploadedDocument = Type.Object({
  id: Type.String(),
  kind: DocumentKind,
  contentType: Type.String({ description: 'detected from the content' }),
  size: Type.Integer({ description: 'bytes' }),
});
export const DocumentView = Type.Object({ ...UploadedDocument.properties, createdAt: Type.String({ format: 'date-time' }) });
export type DocumentView = Static<typeof DocumentView>;

/** What the owner and admins see: the public profile, review state and documents. */
export const FullProfileView = Type.Object({
  ...PublicProfile.properties,
  rejectionReason: Type.Optional(Type.String({ description: 'while REJECTED' })),
  documents: List(DocumentView),
  submittedAt: Type.String({ format: 'date-time', description: 'when the profile last entered review' }),
  reviewedAt: Type.Optional(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type FullProfileView = Static<typeof FullProfileView>;

export const TopCaregiver = Type.Object({
  ...PublicProfile.properties,
  score: Type.Number({ description: 'Bayesian rating: (5 * 3.5 + ratingAverage * reviewCount) / (5 + reviewCount)' }),
});
export type TopCaregiver = Static<typeof TopCaregiver>;

export const BusyTime = Type.Object({
  startAt: Type.String({ format: 'date-time', description: 'UTC' }),
  endAt: Type.String({ format: 'date-time', description: 'UTC, exclusive' }),
});
export type BusyTime = Static<typeof BusyTime>;
