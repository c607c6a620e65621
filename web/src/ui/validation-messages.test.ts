import { describe, expect, it } from 'vitest';
import { check, fieldErrorMessage, localFieldProblem, validationMessages } from './validation-messages.ts';

// Issue 13 item 1: no server English in the Korean UI. The four messages the issue found, and the rules around them.

const ko = validationMessages.ko;
const en = validationMessages.en;

describe('server field errors in the reader’s language', () => {
  it('maps the schema errors by keyword and params', () => {
    expect(fieldErrorMessage(ko, { field: 'email', message: 'must match format "email"', keyword: 'format', params: { format: 'email' } })).toBe(ko.email);
    expect(fieldErrorMessage(ko, { field: 'email', message: 'must NOT have fewer than 1 characters', keyword: 'minLength', params: { limit: 1 } })).toBe(ko.required);
    expect(fieldErrorMessage(ko, { field: 'patient.birthYear', message: 'must be >= 1900', keyword: 'minimum', params: { comparison: '>=', limit: 1900 } })).toBe('1900 이상이어야 합니다.');
    expect(fieldErrorMessage(en, { field: 'password', message: 'must NOT have fewer than 10 characters', keyword: 'minLength', params: { limit: 10 } })).toBe('Enter at least 10 characters.');
    expect(fieldErrorMessage(ko, { field: 'phone', message: 'must match pattern', keyword: 'pattern', params: { pattern: 'x' } })).toBe(ko.phone);
    expect(fieldErrorMessage(ko, { field: 'name', message: 'must match pattern "\\S"', keyword: 'pattern', params: { pattern: '\\S' } })).toBe(ko.required);
  });

  it('maps the use cases’ rules by their message', () => {
    expect(fieldErrorMessage(ko, { field: 'startAt', message: 'must be at least 1 hour from now' })).toBe('시작 일시는 지금부터 최소 1시간 뒤여야 합니다.');
    expect(fieldErrorMessage(en, { field: 'startAt', message: 'must be at most 90 days from now' })).toBe('The start must be within 90 days from now.');
    expect(fieldErrorMessage(ko, { field: 'patient.birthYear', message: 'must not be in the future' })).toBe(ko.notInFuture);
    expect(fieldErrorMessage(ko, { field: 'endAt', message: 'must be after startAt' })).toBe(ko.endAfterStart);
    expect(fieldErrorMessage(ko, { field: 'location.address', message: 'must not be blank' })).toBe(ko.required);
  });

  it('never shows an unknown English message in Korean', () => {
    expect(fieldErrorMessage(ko, { field: 'x', message: 'something new the server says' })).toBe(ko.invalid);
  });

  it('finds nested fields of a problem', () => {
    const problem = { status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'patient.birthYear', message: 'must not be in the future' }] };
    expect(localFieldProblem(ko, problem, 'patient.birthYear')).toBe(ko.notInFuture);
    expect(localFieldProblem(ko, problem, 'patient')).toBe(ko.notInFuture);
    expect(localFieldProblem(ko, problem, 'name')).toBeUndefined();
  });
});

describe('client checks', () => {
  it('required, e-mail, phone, length and year range', () => {
    expect(check.required(ko, '  ')).toBe(ko.required);
    expect(check.email(ko, 'kim@')).toBe(ko.email);
    expect(check.email(ko, 'kim@example.com')).toBeUndefined();
    expect(check.phone(ko, '')).toBeUndefined();
    expect(check.phone(ko, '010-1234-5678')).toBeUndefined();
    expect(check.phone(ko, '전화')).toBe(ko.phone);
    expect(check.minLength(ko, 'short', 10)).toBe(ko.minLength(10));
    expect(check.year(ko, '1850', 1900, 2026)).toBe('1900년부터 2026년 사이로 입력해 주세요.');
    expect(check.year(ko, '', 1900, 2026)).toBeUndefined();
    expect(check.year(ko, '1968', 1900, 2026)).toBeUndefined();
  });
});
