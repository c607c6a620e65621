import type { Role } from '../contract.ts';

// Sign-up consents as Korean law expects them (PIPA, 정보통신망법): the terms of use and the collection and use
// of personal data are required and asked separately; marketing messages are optional; caregivers also consent
// to the processing of sensitive data (health, certificates) their profile carries. Pure rules, no I/O.

/** The versions of the texts the web app shows at /terms and /privacy (change both together). */
export const CONSENT_VERSIONS = { terms: '2026-12-01', privacy: '2026-12-01', sensitive: '2026-12-01', marketing: '2026-12-01' } as const;

export interface ConsentsGiven {
  readonly terms: boolean;
  readonly privacy: boolean;
  readonly marketing?: boolean | undefined;
  readonly sensitive?: boolean | undefined;
}

/** What is recorded: the version agreed to, or null when not agreed / not asked (API clients sending no consents). */
export interface ConsentRecord {
  readonly termsVersion: string | null;
  readonly privacyVersion: string | null;
  readonly sensitiveVersion: string | null;
  readonly marketing: boolean | null;
}

/** The fields whose required consent is missing ([] when all is well). Absent consents (API clients) are not checked. */
export function missingConsents(role: Role, given: ConsentsGiven | undefined): string[] {
  if (!given) return [];
  const missing: string[] = [];
  if (given.terms !== true) missing.push('consents.terms');
  if (given.privacy !== true) missing.push('consents.privacy');
  if (role === 'CAREGIVER' && given.sensitive !== true) missing.push('consents.sensitive');
  return missing;
}

export function consentRecord(role: Role, given: ConsentsGiven | undefined): ConsentRecord {
  if (!given) return { termsVersion: null, privacyVersion: null, sensitiveVersion: null, marketing: null };
  return {
    termsVersion: given.terms ? CONSENT_VERSIONS.terms : null,
    privacyVersion: given.privacy ? CONSENT_VERSIONS.privacy : null,
    sensitiveVersion: role === 'CAREGIVER' && given.sensitive ? CONSENT_VERSIONS.sensitive : null,
    marketing: given.marketing ?? false,
  };
}
