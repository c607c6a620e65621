// What other modules may know of caregivers: the public profile shape, the events, and the API.
// Nothing here depends on HTTP or SQL.

import Type, { type Static, type TSchema } from 'typebox';
import { defineEvent } from '../../platform/events/event.ts';

// Each shape once, as a TypeBox schema with its type derived from it. The lists (GENDERS, ...) are the
// domain's too: it imports them from here, never typebox itself.

// Arrays are readonly in the types; Immutable changes only the static type, not the JSON schema.
const List = <T extends TSchema>(item: T) => Type.Immutable(Type.Array(item));

export const GENDERS = ['MALE', 'FEMALE'] as const;
export const Gender = Type.Enum(GENDERS);
export type Gender = Static<typeof Gender>;

export const PROFILE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED'] as const;
export const ProfileStatus = Type.Enum(PROFILE_STATUSES);
export type ProfileStatus = Static<typeof ProfileStatus>;

export const CERTIFICATE_TYPES = ['CARE_WORKER', 'NURSE_AIDE', 'NURSE', 'SOCIAL_WORKER', 'OTHER'] as const;
export const CertificateType = Type.Enum(CERTIFICATE_TYPES);
export type CertificateType = Static<typeof CertificateType>;

export const SERVICE_TYPES = ['HOSPITAL', 'HOME', 'NIGHT', 'LIVE_IN', 'DEMENTIA', 'REHABILITATION', 'COMPANION'] as const;
export const ServiceType = Type.Enum(SERVICE_TYPES, {
  description: 'HOSPITAL 병원 간병, HOME 재가 돌봄, NIGHT 야간 돌봄, LIVE_IN 24시간 상주, DEMENTIA 치매 돌봄, REHABILITATION 재활 보조, COMPANION 외출·병원 동행',
});
export type ServiceType = Static<typeof ServiceType>;

export const DOCUMENT_KINDS = ['CERTIFICATE', 'ID_CARD', 'PHOTO', 'OTHER'] as const;
export const DocumentKind = Type.Enum(DOCUMENT_KINDS);
export type DocumentKind = Static<typeof DocumentKind>;

export const Certificate = Type.Object({
  type: CertificateType,
  number: Type.String(),
  /** `YYYY-MM-DD` */
  issuedOn: Type.Optional(Type.String()),
});
export type Certificate = Static<typeof Certificate>;

/** A served region: a whole sido (`{sido}`) or one sigungu of it. Official names. */
export const Region = Type.Object({ sido: Type.String(), sigungu: Type.Optional(Type.String()) });
export type Region = Static<typeof Region>;

/** A region as typed in (`서울`/`강남`) in official form, or the field at fault. */
export type RegionNormalisation =
  | { readonly ok: true; readonly value: Region }
  | { readonly ok: false; readonly field: 'sido' | 'sigungu'; readonly message: string };

/** A profile as anyone may see it (approved profiles; owners and admins see more, through HTTP only). */
export const CaregiverProfile = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  displayName: Type.String(),
  gender: Gender,
  birthYear: Type.Integer(),
  careerYears: Type.Integer(),
  introduction: Type.String(),
  certificates: List(Certificate),
  regions: List(Region),
  serviceTypes: List(ServiceType),
  languages: List(Type.String()),
  nationality: Type.Optional(Type.String({ description: 'ISO 3166-1 alpha-2 (KR, CN, VN, ...), when the caregiver gave it' })),
  hourlyRate: Type.Integer(),
  dailyRate: Type.Integer(),
  status: ProfileStatus,
  ratingAverage: Type.Number({ description: '0 without reviews' }),
  reviewCount: Type.Integer(),
  photoUrl: Type.Optional(Type.String({ description: 'present when an APPROVED profile has a photo' })),
});
export type CaregiverProfile = Static<typeof CaregiverProfile>;

const caregiverSubject = { caregiverId: Type.String(), userId: Type.String(), displayName: Type.String() };

/** A profile entered review: first creation, or a resubmission (edited after rejection, or certificates changed). */
export const CaregiverProfileSubmittedV1 = Type.Object({ ...caregiverSubject, resubmission: Type.Boolean() });
export type CaregiverProfileSubmittedV1 = Static<typeof CaregiverProfileSubmittedV1>;

export const CaregiverApprovedV1 = Type.Object(caregiverSubject);
export type CaregiverApprovedV1 = Static<typeof CaregiverApprovedV1>;

export const CaregiverRejectedV1 = Type.Object({ ...caregiverSubject, reason: Type.String() });
export type CaregiverRejectedV1 = Static<typeof CaregiverRejectedV1>;

/** Aggregate id: the caregiver profile. */
export const CAREGIVER_EVENTS = {
  // The event type grammar (platform/events/event.ts) allows no hyphen, hence the underscore.
  profileSubmitted: defineEvent('caregiver.profile_submitted.v1', CaregiverProfileSubmittedV1),
  approved: defineEvent('caregiver.approved.v1', CaregiverApprovedV1),
  rejected: defineEvent('caregiver.rejected.v1', CaregiverRejectedV1),
} as const;

/**
 * The filters of `GET /caregivers` that a sentence can express, with exactly its parameter names and value
 * formats (official region names). The AI search fills it (POST /ai/caregiver-search).
 */
export const CaregiverSearchFilters = Type.Object(
  {
    sido: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'official name, e.g. 서울특별시, 부산광역시, 경기도' })),
    sigungu: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'official name within sido, e.g. 강남구, 수원시; needs sido' })),
    serviceType: Type.Optional(List(ServiceType)),
    gender: Type.Optional(Gender),
    minCareerYears: Type.Optional(Type.Integer({ minimum: 0, maximum: 70 })),
    minRating: Type.Optional(Type.Number({ minimum: 0, maximum: 5 })),
    maxHourlyRate: Type.Optional(Type.Integer({ minimum: 0, description: 'KRW' })),
    maxDailyRate: Type.Optional(Type.Integer({ minimum: 0, description: 'KRW' })),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1 code: ko, en, zh, vi, ...' })),
  },
  { additionalProperties: false },
);
export type CaregiverSearchFilters = Static<typeof CaregiverSearchFilters>;

/** One sido of the region catalogue: official names, and the short or former names accepted for it. */
export const RegionCatalogueEntry = Type.Object({
  sido: Type.String(),
  sidoEn: Type.String(),
  shortNames: List(Type.String()),
  sigungu: List(Type.String()),
});
export type RegionCatalogueEntry = Static<typeof RegionCatalogueEntry>;

export interface CaregiversApi {
  /**
   * Any status; undefined for an unknown id. Certificates are shown in full: this is for trusted modules.
   * While the caregiver's account is suspended (identity) the status reads SUSPENDED, whatever the review said.
   */
  getProfile(id: string): Promise<CaregiverProfile | undefined>;
  /** The caregiver profile of a CAREGIVER user, any status. */
  findProfileByUserId(userId: string): Promise<CaregiverProfile | undefined>;
  /** Only APPROVED profiles among `ids`, in no particular order; unknown ids are skipped. */
  findApprovedProfiles(ids: readonly string[]): Promise<CaregiverProfile[]>;
  /** Profiles per status (every status present, 0 when none), withdrawn caregivers' left out: admin statistics. */
  countByStatus(): Promise<Record<ProfileStatus, number>>;
  /** The region catalogue's normalisation (`서울`/`강남` -> `서울특별시`/`강남구`), for other modules' addresses. */
  /** The region catalogue: 17 sido in official order with their sigungu (for reading regions in text). */
  regionCatalogue(): readonly RegionCatalogueEntry[];
  /** The first page of `GET /caregivers` for these filters (recommended order): the same public items. 400 on a bad region. */
  search(filters: CaregiverSearchFilters): Promise<{ readonly items: readonly CaregiverProfile[]; readonly nextCursor: string | null }>;
  normaliseRegion(input: { sido: string; sigungu?: string | null }): RegionNormalisation;
}
