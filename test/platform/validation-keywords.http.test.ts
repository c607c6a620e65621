import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

// Issue 13 item 1: a schema error names the rule that failed (AJV keyword + params) beside `field` and
// `message`, so the web app can say it in the reader's language (web/src/ui/validation-messages.ts).

describe('schema errors carry keyword and params', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a malformed e-mail at signup: format email', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { role: 'GUARDIAN', name: '김', email: 'kim@', password: 'correct horse battery' } });
    expect(res.statusCode).toBe(400);
    const errors = (res.json() as { errors: unknown[] }).errors;
    expect(errors).toContainEqual({ field: 'email', message: 'must match format "email"', keyword: 'format', params: { format: 'email' } });
  });

  it('an empty login: minLength 1 on both fields, a missing field: required', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: '', password: '' } });
    expect(empty.statusCode).toBe(400);
    const errors = (empty.json() as { errors: { field: string; keyword: string; params: Record<string, unknown> }[] }).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', keyword: 'minLength', params: { limit: 1 } }),
        expect.objectContaining({ field: 'password', keyword: 'minLength', params: { limit: 1 } }),
      ]),
    );
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@example.com' } });
    expect((missing.json() as { errors: unknown[] }).errors).toContainEqual({ field: 'password', message: 'is required', keyword: 'required', params: { missingProperty: 'password' } });
  });
});
