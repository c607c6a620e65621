import type { CaregiverProfile, Certificate } from '../contract.ts';
import type { DocumentRow, ProfileRow } from '../db/caregivers.repo.ts';
import { effectiveStatus } from '../domain/visibility.ts';
import { photoUrlOf } from './deps.ts';
import type { DocumentView, FullProfileView } from './schemas.ts';

// A profile row as the shapes it leaves the module in (app/schemas.ts): for anyone (approved profiles), and in full for its owner
// and admins (review state, documents). Documents and rejection reasons never reach the public.

/** Shows the last 4 characters of a certificate number (and its separators) to the public. */
export function maskCertificateNumber(number: string): string {
  const chars = [...number];
  const visible = Math.min(4, Math.floor(chars.length / 2));
  return chars.map((c, i) => (i >= chars.length - visible || c === '-' || c === ' ' ? c : '*')).join('');
}

/** The columns the public view reads (search selects only these: db/search.repo.ts SEARCH_COLUMNS). */
type PublicRow = Omit<ProfileRow, 'region_keys' | 'rejection_reason' | 'submitted_at' | 'reviewed_at' | 'created_at' | 'updated_at' | 'withdrawn_at' | 'account_suspended'>;

function baseProfile(row: PublicRow, certificates: readonly Certificate[]): CaregiverProfile {
  return {
    id: row.id,
    userId: row.user_id,
    displayName: row.display_name,
    gender: row.gender,
    birthYear: row.birth_year,
    careerYears: row.career_years,
    introduction: row.introduction,
    certificates,
    regions: row.regions,
    serviceTypes: row.service_types,
    languages: row.languages,
    ...(row.nationality ? { nationality: row.nationality } : {}),
    hourlyRate: row.hourly_rate,
    dailyRate: row.daily_rate,
    status: row.status,
    ratingAverage: Number(row.rating_average),
    reviewCount: row.review_count,
    // Served only for approved profiles (GET /caregivers/:id/photo), so only linked then.
    ...(row.photo_document_id !== null && row.status === 'APPROVED' ? { photoUrl: photoUrlOf(row.id) } : {}),
  };
}

/** What anyone may see of an APPROVED profile: certificate numbers masked. */
export function toPublicProfile(row: PublicRow): CaregiverProfile {
  return baseProfile(
    row,
    row.certificates.map((c) => ({ ...c, number: maskCertificateNumber(c.number) })),
  );
}

/** For other modules through the contract: the whole profile, no review internals. */
export function toContractProfile(row: ProfileRow): CaregiverProfile {
  // A suspended account's profile is SUSPENDED to other modules: no quote, booking, chat or review list.
  return { ...baseProfile(row, row.certificates), status: effectiveStatus(row) };
}

export function toDocumentView(row: DocumentRow): DocumentView {
  return { id: row.id, kind: row.kind, contentType: row.content_type, size: row.size, createdAt: row.created_at.toISOString() };
}

/** What the owner and admins see. */
export function toFullProfile(row: ProfileRow, documents: readonly DocumentRow[]): FullProfileView {
  return {
    ...baseProfile(row, row.certificates),
    ...(row.rejection_reason !== null ? { rejectionReason: row.rejection_reason } : {}),
    documents: documents.map(toDocumentView),
    submittedAt: row.submitted_at.toISOString(),
    ...(row.reviewed_at !== null ? { reviewedAt: row.reviewed_at.toISOString() } : {}),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
