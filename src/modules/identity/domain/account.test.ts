import { describe, expect, it } from 'vitest';
import { normaliseEmail, passwordProblems, refreshVerdict, signupRoleDecision, withdrawnEmail } from './account.ts';

const now = new Date('2026-12-01T00:00:00Z');
const later = new Date('2026-12-02T00:00:00Z');
const earlier = new Date('2026-11-30T00:00:00Z');

describe('account rules', () => {
  it('normalises emails by trimming and lower-casing', () => {
    expect(normaliseEmail('  Kim.Minji@Example.COM ')).toBe('kim.minji@example.com');
  });

  it.each([
    ['short', 'a@b.kr', ['must be at least 10 characters']],
    ['aaaaaaaaaaaa', 'a@b.kr', ['must not repeat one character']],
    ['          ', 'a@b.kr', ['must not be blank']],
    ['minji-secret-1', 'minji@b.kr', ['must not contain your email name']],
    ['correct horse battery', 'minji@b.kr', []],
    ['xy'.repeat(65), 'a@b.kr', ['must be at most 128 characters']],
  ])('password %j for %s -> %j', (password, email, expected) => {
    expect(passwordProblems(password, email)).toEqual(expected);
  });

  it('counts characters, not UTF-16 units, for Korean passwords', () => {
    expect(passwordProblems('비밀번호는열글자입니다', 'a@b.kr')).toEqual([]);
    expect(passwordProblems('비밀번호짧음', 'a@b.kr')).toEqual(['must be at least 10 characters']);
  });

  it('lets only admins need the secret', () => {
    expect(signupRoleDecision('GUARDIAN', false)).toBe('allowed');
    expect(signupRoleDecision('CAREGIVER', false)).toBe('allowed');
    expect(signupRoleDecision('ADMIN', false)).toBe('admin-secret-invalid');
    expect(signupRoleDecision('ADMIN', true)).toBe('allowed');
  });

  it('gives every withdrawn user a distinct unroutable address', () => {
    expect(withdrawnEmail('u1')).not.toBe(withdrawnEmail('u2'));
    expect(withdrawnEmail('u1').endsWith('.invalid')).toBe(true);
  });

  it('decides refresh tokens: used beats revoked beats expired', () => {
    expect(refreshVerdict({ expiresAt: later, usedAt: null, revokedAt: null }, now)).toBe('rotate');
    expect(refreshVerdict({ expiresAt: earlier, usedAt: null, revokedAt: null }, now)).toBe('expired');
    expect(refreshVerdict({ expiresAt: now, usedAt: null, revokedAt: null }, now)).toBe('expired');
    expect(refreshVerdict({ expiresAt: later, usedAt: null, revokedAt: earlier }, now)).toBe('revoked');
    expect(refreshVerdict({ expiresAt: earlier, usedAt: earlier, revokedAt: earlier }, now)).toBe('reused');
  });
});
