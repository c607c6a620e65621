// Pure rules of the back office's user search: what a typed query matches.

export interface UserSearchTerms {
  /** The query for a case-insensitive substring match on name and email, LIKE wildcards escaped. */
  readonly text: string;
  /** The digits to look for in phone numbers, when the query looks like (part of) one; else undefined. */
  readonly phoneDigits: string | undefined;
}

const PHONE_LIKE = /^\+?[0-9][0-9 ()-]*$/;

/** Escapes LIKE's wildcards (%, _) and its escape character so the query is matched literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * What `q` matches: its trimmed text inside the name or email; and, when it is made of digits, dashes,
 * spaces, parentheses and a leading + only, its digits inside the phone number with its separators removed
 * ("010-1234-5678" finds "01012345678" and the other way round). Undefined for a blank query.
 */
export function userSearchTerms(q: string | undefined): UserSearchTerms | undefined {
  const trimmed = q?.trim() ?? '';
  if (trimmed === '') return undefined;
  const digits = PHONE_LIKE.test(trimmed) ? trimmed.replace(/[^0-9]/g, '') : '';
  return { text: escapeLike(trimmed), phoneDigits: digits === '' ? undefined : digits };
}

/** Why an admin may not suspend this account, as an error code; undefined when they may. */
export function suspensionRefusal(actorId: string, target: { id: string; status: 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN' } | undefined):
  | 'CANNOT_SUSPEND_SELF'
  | 'USER_NOT_FOUND'
  | 'USER_ALREADY_SUSPENDED'
  | undefined {
  if (!target || target.status === 'WITHDRAWN') return 'USER_NOT_FOUND';
  if (target.id === actorId) return 'CANNOT_SUSPEND_SELF';
  if (target.status === 'SUSPENDED') return 'USER_ALREADY_SUSPENDED';
  return undefined;
}

/** Why an account may not be unsuspended, as an error code; undefined when it may. */
export function unsuspensionRefusal(target: { status: 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN' } | undefined): 'USER_NOT_FOUND' | 'USER_NOT_SUSPENDED' | undefined {
  if (!target || target.status === 'WITHDRAWN') return 'USER_NOT_FOUND';
  if (target.status !== 'SUSPENDED') return 'USER_NOT_SUSPENDED';
  return undefined;
}
