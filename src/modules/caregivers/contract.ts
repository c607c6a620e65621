// What other modules may know of caregivers: the public profile shape, the events, and the API.
// Nothing here depends on HTTP or SQL.

import Type, { type Static } from 'typebox';
import { defineEvent } from '../../platform/events/event.ts';

export type Gender = 'MALE' | 'FEMALE';
export type ProfileStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'SUSPENDED';
export const PROFILE_STATUSES: readonly ProfileStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED'];
export type CertificateType = 'CARE_WORKER' | 'NURSE_AIDE' | 'NURSE' | 'SOCIAL_WORKER' | 'OTHER';
export type ServiceType = 'HOSPITAL' | 'HOME' | 'NIGHT' | 'LIVE_IN' | 'DEMENTIA' | 'REHABILITATION' | 'COMPANION';
export type DocumentKind = 'CERTIFICATE' | 'ID_CARD' | 'PHOTO' | 'OTHER';

export interface Certificate {
  readonly type: CertificateType;
  readonly number: string;
  /** `YYYY-MM-DD` */
  readonly issuedOn?: string;
}

/** A served region: a whole sido (`{sido}`) or one sigungu of it. Official names. */
export interface Region {
  readonly sido: string;
  readonly sigungu?: string;
}

/** A profile as anyone may see it (approved profiles; owners and admins see more, through HTTP only). */
export interface CaregiverProfile {
  readonly id: string;
  readonly userId: string;
  readonly displayName: string;
  readonly gender: Gender;
  readonly birthYear: number;
  readonly careerYears: number;
  readonly introduction: string;
  readonly certificates: readonly Certificate[];
  readonly regions: readonly Region[];
  readonly serviceTypes: readonly ServiceType[];
  readonly languages: readonly string[];
  readonly hourlyRate: number;
  readonly dailyRate: number;
  readonly status: ProfileStatus;
  readonly ratingAverage: number;
  readonly reviewCount: number;
  readonly photoUrl?: string;
}

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

export interface CaregiversApi {
  /** Any status; undefined for an unknown id. Certificates are shown in full: this is for trusted modules. */
  getProfile(id: string): Promise<CaregiverProfile | undefined>;
  /** The caregiver profile of a CAREGIVER user, any status. */
  findProfileByUserId(userId: string): Promise<CaregiverProfile | undefined>;
  /** Only APPROVED profiles among `ids`, in no particular order; unknown ids are skipped. */
  findApprovedProfiles(ids: readonly string[]): Promise<CaregiverProfile[]>;
  /** The region catalogue's normalisation (`서울`/`강남` -> `서울특별시`/`강남구`), for other modules' addresses. */
  /** Profiles per status (every status present, 0 when none), withdrawn caregivers' left out: admin statistics. */
  countByStatus(): Promise<Record<ProfileStatus, number>>;
  normaliseRegion(input: { sido: string; sigungu?: string | null }):
    | { readonly ok: true; readonly value: Region }
    | { readonly ok: false; readonly field: 'sido' | 'sigungu'; readonly message: string };
}
