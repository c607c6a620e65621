import type { FieldProblem, Problem } from '../api/problem.ts';
import { defineMessages, type Widen } from '../i18n/i18n.tsx';

// Every field message the UI can show, in both languages: the client's own checks (required, email, lengths,
// ranges, dates) and the server's problem `errors`, mapped from their AJV `keyword` + `params` (schema rules)
// or, for the rules the use cases check, from their stable English message. Nothing English leaks into Korean:
// an unknown rule reads "check this value".

export const validationMessages = defineMessages(
  {
    summaryTitle: '입력 내용을 확인해 주세요',
    summaryHint: (count: number) => `고쳐야 할 항목이 ${count}개 있습니다. 항목을 누르면 그 칸으로 이동합니다.`,
    required: '필수 입력 항목입니다.',
    email: '이메일 주소 형식이 올바르지 않습니다. (예: name@example.com)',
    phone: '전화번호 형식이 올바르지 않습니다. (예: 010-1234-5678)',
    minLength: (n: number) => `${n}자 이상 입력해 주세요.`,
    maxLength: (n: number) => `${n}자 이하로 입력해 주세요.`,
    minimum: (n: number) => `${n} 이상이어야 합니다.`,
    maximum: (n: number) => `${n} 이하여야 합니다.`,
    yearRange: (min: number, max: number) => `${min}년부터 ${max}년 사이로 입력해 주세요.`,
    number: '숫자로 입력해 주세요.',
    integer: '정수로 입력해 주세요.',
    dateTime: '날짜와 시간을 올바르게 입력해 주세요.',
    date: '날짜를 올바르게 입력해 주세요.',
    format: '형식이 올바르지 않습니다.',
    choice: '목록에서 골라 주세요.',
    notInFuture: '미래의 날짜는 입력할 수 없습니다.',
    startInPast: '시작 일시가 이미 지났습니다. 앞으로의 일시를 골라 주세요.',
    leadHours: (n: number) => `시작 일시는 지금부터 최소 ${n}시간 뒤여야 합니다.`,
    leadMinutes: (n: number) => `시작 일시는 지금부터 최소 ${n}분 뒤여야 합니다.`,
    aheadDays: (n: number) => `시작 일시는 ${n}일 이내여야 합니다.`,
    endAfterStart: '종료 일시는 시작 일시보다 뒤여야 합니다.',
    wholeUnits: '시간은 1시간(일당은 24시간) 단위로 입력해 주세요.',
    maxDays: (n: number) => `한 번에 최대 ${n}일까지 예약할 수 있습니다.`,
    agree: '동의가 필요합니다.',
    duplicate: '같은 항목이 두 번 들어 있습니다.',
    atLeastOne: '하나 이상 골라 주세요.',
    invalid: '입력한 값을 확인해 주세요.',
  },
  {
    summaryTitle: 'Please check what you entered',
    summaryHint: (count: number) => `${count} ${count === 1 ? 'field needs' : 'fields need'} fixing. Choose one to go to it.`,
    required: 'This field is required.',
    email: 'Enter an email address like name@example.com.',
    phone: 'Enter a phone number like 010-1234-5678.',
    minLength: (n: number) => `Enter at least ${n} characters.`,
    maxLength: (n: number) => `Enter at most ${n} characters.`,
    minimum: (n: number) => `Must be ${n} or more.`,
    maximum: (n: number) => `Must be ${n} or less.`,
    yearRange: (min: number, max: number) => `Enter a year from ${min} to ${max}.`,
    number: 'Enter a number.',
    integer: 'Enter a whole number.',
    dateTime: 'Enter a valid date and time.',
    date: 'Enter a valid date.',
    format: 'This is not in the right format.',
    choice: 'Choose one of the options.',
    notInFuture: 'This cannot be in the future.',
    startInPast: 'The start has already passed. Choose a time from now on.',
    leadHours: (n: number) => `The start must be at least ${n} ${n === 1 ? 'hour' : 'hours'} from now.`,
    leadMinutes: (n: number) => `The start must be at least ${n} minutes from now.`,
    aheadDays: (n: number) => `The start must be within ${n} days from now.`,
    endAfterStart: 'The end must be after the start.',
    wholeUnits: 'Use whole hours (whole 24-hour days for a daily rate).',
    maxDays: (n: number) => `A booking can be at most ${n} days long.`,
    agree: 'Your agreement is required.',
    duplicate: 'The same item is listed twice.',
    atLeastOne: 'Choose at least one.',
    invalid: 'Please check this value.',
  },
);

export type ValidationTexts = Widen<typeof validationMessages.ko>;

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

/** The rules the use cases check, by their (stable) English message. */
const BY_MESSAGE: readonly [RegExp, (v: ValidationTexts, match: RegExpMatchArray) => string][] = [
  [/^(must not be blank|is required|sido is required)/, (v) => v.required],
  [/^must not be in the future$/, (v) => v.notInFuture],
  [/^must be at least (\d+) hours? from now$/, (v, m) => v.leadHours(num(m[1]))],
  [/^must be at least (\d+) minutes from now$/, (v, m) => v.leadMinutes(num(m[1]))],
  [/^must be at most (\d+) days from now$/, (v, m) => v.aheadDays(num(m[1]))],
  [/^must be after (startAt|periodStart)$/, (v) => v.endAfterStart],
  [/^must be a whole number of/, (v) => v.wholeUnits],
  [/^must be at most (\d+) days after startAt$/, (v, m) => v.maxDays(num(m[1]))],
  [/^must be agreed to$/, (v) => v.agree],
  [/^must be a valid date-time$/, (v) => v.dateTime],
  [/^must be a date YYYY-MM-DD$/, (v) => v.date],
  [/^is listed twice$/, (v) => v.duplicate],
  [/^must list at least one/, (v) => v.atLeastOne],
  [/^(unknown sido|.* is not a sigungu of|.* has no sigungu)/, (v) => v.choice],
  [/^is not an accepted field$/, (v) => v.invalid],
];

/** AJV's keyword + params (the server adds them to each schema error). */
function byKeyword(v: ValidationTexts, error: FieldProblem): string | undefined {
  const params = error.params ?? {};
  switch (error.keyword) {
    case 'required':
      return v.required;
    case 'minLength':
      return num(params.limit) <= 1 ? v.required : v.minLength(num(params.limit));
    case 'maxLength':
      return v.maxLength(num(params.limit));
    case 'minimum':
    case 'exclusiveMinimum':
      return v.minimum(num(params.limit));
    case 'maximum':
    case 'exclusiveMaximum':
      return v.maximum(num(params.limit));
    case 'minItems':
      return v.atLeastOne;
    case 'type':
      return params.type === 'integer' ? v.integer : params.type === 'number' ? v.number : v.invalid;
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return v.choice;
    case 'format':
      if (params.format === 'email') return v.email;
      if (params.format === 'date-time') return v.dateTime;
      if (params.format === 'date') return v.date;
      return v.format;
    case 'pattern':
      if (params.pattern === '\\S') return v.required;
      return /phone/i.test(error.field) ? v.phone : v.format;
    default:
      return undefined;
  }
}

/** One server field error as a message in the reader's language. */
export function fieldErrorMessage(v: ValidationTexts, error: FieldProblem): string {
  const known = byKeyword(v, error);
  if (known) return known;
  for (const [pattern, text] of BY_MESSAGE) {
    const match = pattern.exec(error.message);
    if (match) return text(v, match);
  }
  return v.invalid;
}

/** The server's error for `field` (or a nested field under it), in the reader's language. */
export function localFieldProblem(v: ValidationTexts, problem: Problem | undefined, field: string): string | undefined {
  const error = problem?.errors?.find((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`));
  return error ? fieldErrorMessage(v, error) : undefined;
}

// Client-side checks where the rule is known: they return the message, or undefined when the value is fine.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The server's rule (identity schemas): digits, spaces and dashes, an optional leading +. */
const PHONE = /^\+?[0-9][0-9 -]{6,18}[0-9]$/;

export const check = {
  required: (v: ValidationTexts, value: string) => (value.trim() === '' ? v.required : undefined),
  email: (v: ValidationTexts, value: string) => (value.trim() === '' ? v.required : EMAIL.test(value.trim()) ? undefined : v.email),
  phone: (v: ValidationTexts, value: string) => (value.trim() === '' || PHONE.test(value.trim()) ? undefined : v.phone),
  minLength: (v: ValidationTexts, value: string, min: number) => (value === '' ? v.required : [...value].length < min ? v.minLength(min) : undefined),
  /** An optional whole year between `min` and `max`. */
  year: (v: ValidationTexts, value: string, min: number, max: number) => {
    if (value.trim() === '') return undefined;
    const year = Number(value);
    return Number.isInteger(year) && year >= min && year <= max ? undefined : v.yearRange(min, max);
  },
};
