// Errors from the API are RFC 9457 problem+json with a stable `code` (API.md). The app shows them as
// readable messages: per field where the problem names one, otherwise once for the form or page.

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
  /** The schema rule that failed (AJV keyword) and its parameters, for a localized message (ui/validation-messages.ts). */
  readonly keyword?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title?: string;
  readonly detail?: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extra: string]: unknown;
}

/** Thrown by `call` for any answer that is not 2xx, and for network failures (status 0, code NETWORK_ERROR). */
export class ApiProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = 'ApiProblem';
    this.problem = problem;
  }
}

export function networkProblem(): Problem {
  return { status: 0, code: 'NETWORK_ERROR', detail: 'The server could not be reached' };
}

/** Any thrown value as a Problem (unexpected exceptions become UNEXPECTED). */
export function problemOf(error: unknown): Problem {
  if (error instanceof ApiProblem) return error.problem;
  if (error instanceof TypeError) return networkProblem();
  return { status: 0, code: 'UNEXPECTED', detail: error instanceof Error ? error.message : String(error) };
}

/** The message the server gave for `field` (or a nested field under it), if any. */
export function fieldProblem(problem: Problem | undefined, field: string): string | undefined {
  return problem?.errors?.find((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`))?.message;
}
