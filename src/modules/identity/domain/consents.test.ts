import { describe, expect, it } from 'vitest';
import { CONSENT_VERSIONS, consentRecord, missingConsents } from './consents.ts';

describe('sign-up consents', () => {
  it('requires terms and privacy when consents are sent', () => {
    expect(missingConsents('GUARDIAN', { terms: true, privacy: true })).toEqual([]);
    expect(missingConsents('GUARDIAN', { terms: false, privacy: true })).toEqual(['consents.terms']);
    expect(missingConsents('GUARDIAN', { terms: true, privacy: false, marketing: true })).toEqual(['consents.privacy']);
  });

  it('requires the sensitive-data consent of caregivers only', () => {
    expect(missingConsents('CAREGIVER', { terms: true, privacy: true })).toEqual(['consents.sensitive']);
    expect(missingConsents('CAREGIVER', { terms: true, privacy: true, sensitive: true })).toEqual([]);
    expect(missingConsents('GUARDIAN', { terms: true, privacy: true, sensitive: false })).toEqual([]);
  });

  it('checks nothing for API clients that send no consents, and records null for them', () => {
    expect(missingConsents('CAREGIVER', undefined)).toEqual([]);
    expect(consentRecord('CAREGIVER', undefined)).toEqual({ termsVersion: null, privacyVersion: null, sensitiveVersion: null, marketing: null });
  });

  it('records the versions agreed to and marketing as a plain choice', () => {
    expect(consentRecord('CAREGIVER', { terms: true, privacy: true, sensitive: true })).toEqual({
      termsVersion: CONSENT_VERSIONS.terms,
      privacyVersion: CONSENT_VERSIONS.privacy,
      sensitiveVersion: CONSENT_VERSIONS.sensitive,
      marketing: false,
    });
    expect(consentRecord('GUARDIAN', { terms: true, privacy: true, sensitive: true, marketing: true }).sensitiveVersion).toBeNull();
    expect(consentRecord('GUARDIAN', { terms: true, privacy: true, marketing: true }).marketing).toBe(true);
  });
});
