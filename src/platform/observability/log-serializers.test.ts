import { describe, expect, it } from 'vitest';
import { scrubDatabaseMessage, serializeError } from './log-serializers.ts';

class DatabaseError extends Error {
  severity = 'ERROR';
  code = '23505';
  detail = 'Key (email)=(kim@example.com) already exists.';
  query = 'insert into reservations.reservations (patient_name, address) values ($1, $2)';
  params = ['김환자', '서울 강남구 1'];
  where = 'SQL function "x" statement 1';
  constraint = 'users_email_key';
  table = 'users';
  schema = 'identity';
}

describe('error serializer', () => {
  it('keeps what failed and drops query, params, detail and where', () => {
    const out = serializeError(new DatabaseError('duplicate key value violates unique constraint "users_email_key"')) as Record<string, unknown>;
    expect(out).toMatchObject({
      type: 'DatabaseError',
      message: 'duplicate key value violates unique constraint "users_email_key"',
      code: '23505',
      severity: 'ERROR',
      constraint: 'users_email_key',
      table: 'users',
      schema: 'identity',
    });
    expect(out.stack).toContain('log-serializers.test.ts');
    const text = JSON.stringify(out);
    for (const leak of ['김환자', '강남구', 'kim@example.com', 'patient_name', 'SQL function']) expect(text).not.toContain(leak);
  });

  it('scrubs values a database message quotes, in the message and the stack', () => {
    const error = new DatabaseError('invalid input syntax for type integer: "Kim Minji 010-1234-5678"');
    const out = serializeError(error) as { message: string; stack: string };
    expect(out.message).toBe('invalid input syntax for type integer: "[redacted]"');
    expect(out.stack).not.toContain('Minji');
    expect(scrubDatabaseMessage('value "99999-01-01" is out of range for type date')).toBe('value "[redacted]" is out of range for type date');
    expect(scrubDatabaseMessage('invalid byte sequence for encoding "UTF8": 0x00')).toBe('invalid byte sequence for encoding "UTF8": [redacted]');
    expect(scrubDatabaseMessage('new row for relation "payments" violates check constraint "amount_positive"')).toBe(
      'new row for relation "payments" violates check constraint "amount_positive"',
    );
  });

  it('follows causes and aggregated errors, and passes other values through', () => {
    const inner = new DatabaseError('boom');
    const out = serializeError(new Error('outer', { cause: inner })) as { cause: Record<string, unknown> };
    expect(out.cause).toMatchObject({ type: 'DatabaseError', code: '23505' });
    expect(JSON.stringify(out)).not.toContain('김환자');
    const many = serializeError(new AggregateError([inner, new Error('two')], 'all failed')) as { errors: unknown[] };
    expect(many.errors).toHaveLength(2);
    expect(serializeError('text')).toEqual({ message: 'text' });
    expect(serializeError(undefined)).toBeUndefined();
  });
});
