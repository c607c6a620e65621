import { describe, expect, it } from 'vitest';
import { escapeLike, suspensionRefusal, unsuspensionRefusal, userSearchTerms } from './admin-search.ts';

describe('userSearchTerms', () => {
  it('is undefined for a missing or blank query', () => {
    expect(userSearchTerms(undefined)).toBeUndefined();
    expect(userSearchTerms('   ')).toBeUndefined();
  });
  it('matches text only when the query is not phone-like', () => {
    expect(userSearchTerms(' Kim ')).toEqual({ text: 'Kim', phoneDigits: undefined });
    expect(userSearchTerms('kim2')).toEqual({ text: 'kim2', phoneDigits: undefined });
    expect(userSearchTerms('a@b.kr')).toEqual({ text: 'a@b.kr', phoneDigits: undefined });
  });
  it('searches phones by their digits, ignoring dashes, spaces and a leading +', () => {
    expect(userSearchTerms('010-1234-5678')?.phoneDigits).toBe('01012345678');
    expect(userSearchTerms('010 1234')?.phoneDigits).toBe('0101234');
    expect(userSearchTerms('+82 10')?.phoneDigits).toBe('8210');
    expect(userSearchTerms('5678')?.phoneDigits).toBe('5678');
  });
  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(userSearchTerms('a_b')?.text).toBe('a\\_b');
  });
});

describe('suspension rules', () => {
  const active = { id: 'u1', status: 'ACTIVE' as const };
  it('refuses self, unknown, withdrawn and already suspended accounts', () => {
    expect(suspensionRefusal('admin', active)).toBeUndefined();
    expect(suspensionRefusal('u1', active)).toBe('CANNOT_SUSPEND_SELF');
    expect(suspensionRefusal('admin', undefined)).toBe('USER_NOT_FOUND');
    expect(suspensionRefusal('admin', { id: 'u1', status: 'WITHDRAWN' })).toBe('USER_NOT_FOUND');
    expect(suspensionRefusal('admin', { id: 'u1', status: 'SUSPENDED' })).toBe('USER_ALREADY_SUSPENDED');
  });
  it('unsuspends only suspended accounts', () => {
    expect(unsuspensionRefusal({ status: 'SUSPENDED' })).toBeUndefined();
    expect(unsuspensionRefusal({ status: 'ACTIVE' })).toBe('USER_NOT_SUSPENDED');
    expect(unsuspensionRefusal({ status: 'WITHDRAWN' })).toBe('USER_NOT_FOUND');
    expect(unsuspensionRefusal(undefined)).toBe('USER_NOT_FOUND');
  });
});
