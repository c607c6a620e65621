import { describe, expect, it } from 'vitest';
import { caregiverMessages } from './messages.ts';
import { bodyOf, changesOf, emptyForm, formOf, serverErrors, validate } from './profile-model.ts';
import { caregiverProfile } from '../test/fixtures.ts';

const e = caregiverMessages.en.profile.errors;

describe('profile form model', () => {
  it('checks age and experience in the Seoul calendar', () => {
    // 2026-12-31 20:00 UTC is already 2027 in Seoul: the youngest allowed year of birth is 2008.
    const now = new Date('2026-12-31T20:00:00Z');
    const form = { ...formOf(caregiverProfile()), birthYear: '2009', careerYears: '0' };
    expect(validate(form, e, now).birthYear).toBe('The year of birth must be between 1942 and 2008 (age 19–85).');
    expect(validate({ ...form, birthYear: '2008' }, e, now).birthYear).toBeUndefined();
    expect(validate({ ...form, birthYear: '2000', careerYears: '10' }, e, now).careerYears).toBe('Enter whole years of experience between 0 and 9.');
    expect(validate({ ...form, certificates: [{ ...form.certificates[0]!, issuedOn: '2027-01-02' }] }, e, now)['certificates.0.issuedOn']).toBe('The issue date cannot be in the future.');
  });

  it('flags duplicate areas and keeps a valid saved profile free of errors', () => {
    const form = formOf(caregiverProfile());
    expect(validate(form, e)).toEqual({});
    const twice = { ...form, regions: [...form.regions, { ...form.regions[0]!, key: 999 }] };
    expect(validate(twice, e)['regions.1.sido']).toBe('This area is listed twice.');
    expect(Object.keys(validate(emptyForm(), e))).toEqual(expect.arrayContaining(['displayName', 'gender', 'certificates.0.number', 'regions.0.sido', 'serviceTypes', 'hourlyRate', 'dailyRate']));
  });

  it('diffs bodies so unchanged certificates are never sent, and maps server field names', () => {
    const saved = bodyOf(formOf(caregiverProfile()));
    expect(changesOf(saved, { ...saved, languages: ['ko', 'en'] })).toEqual({ languages: ['ko', 'en'] });
    expect(changesOf(saved, bodyOf(formOf(caregiverProfile())))).toEqual({});
    expect(serverErrors({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'regions[2].sigungu', message: 'x' }, { field: 'certificates.0.number', message: 'y' }] })).toEqual({
      'regions.2.sigungu': 'x',
      'certificates.0.number': 'y',
    });
  });
});
