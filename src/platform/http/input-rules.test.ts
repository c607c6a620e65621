import { describe, expect, it } from 'vitest';
import { dateFormat, dateTimeFormat, findControlCharacter } from './input-rules.ts';
import { toProblem } from './problem.ts';

const short = { type: 'string', maxLength: 100 };
const long = { type: 'string', maxLength: 2000 };
const body = { type: 'object', properties: { name: short, text: long, tags: { type: 'array', items: short } } };

describe('control characters in text', () => {
  it('refuses NUL anywhere, and names the field as a JSON pointer', () => {
    expect(findControlCharacter({ text: 'a\u0000b' }, body, false)).toMatchObject({ instancePath: '/text' });
    expect(findControlCharacter({ tags: ['ok', 'x\u0000'] }, body, false)).toMatchObject({ instancePath: '/tags/1' });
    expect(findControlCharacter({ extra: { deep: '\u0000' } }, body, false)).toMatchObject({ instancePath: '/extra/deep' });
    expect(findControlCharacter({ ['a\u0000']: 1 }, body, false)).toMatchObject({ instancePath: '/a\u0000' });
  });

  it('lets long texts keep TAB, LF and CR, but not other C0 controls or DEL', () => {
    expect(findControlCharacter({ text: 'line one\r\nline\ttwo' }, body, false)).toBeUndefined();
    expect(findControlCharacter({ text: 'bell\u0007' }, body, false)).toMatchObject({ instancePath: '/text' });
    expect(findControlCharacter({ text: 'del\u007f' }, body, false)).toMatchObject({ instancePath: '/text' });
  });

  it('keeps single-line fields (short, or with a format) to one line', () => {
    expect(findControlCharacter({ name: 'Kim\nLee' }, body, false)).toMatchObject({ instancePath: '/name' });
    expect(findControlCharacter({ at: 'x\t' }, { type: 'object', properties: { at: { type: 'string', format: 'email' } } }, false)).toBeDefined();
    expect(findControlCharacter({ name: '김영희 Kim' }, body, false)).toBeUndefined();
  });

  it('treats every query string and path parameter as single-line, schema or not', () => {
    expect(findControlCharacter({ q: 'a\nb' }, undefined, true)).toMatchObject({ instancePath: '/q' });
    expect(findControlCharacter({ q: ['ok', 'a\tb'] }, undefined, true)).toMatchObject({ instancePath: '/q/1' });
    expect(findControlCharacter({ q: 'plain' }, undefined, true)).toBeUndefined();
  });

  it('refuses lone surrogates, which are not text', () => {
    expect(findControlCharacter({ text: 'a\ud800b' }, body, false)).toMatchObject({ instancePath: '/text', message: 'must be valid Unicode text' });
    expect(findControlCharacter({ text: '🙂 ok' }, body, false)).toBeUndefined();
  });

  it('follows unions to the member of the value\'s type', () => {
    const union = { type: 'object', properties: { v: { anyOf: [{ type: 'null' }, long] } } };
    expect(findControlCharacter({ v: 'a\nb' }, union, false)).toBeUndefined();
    expect(findControlCharacter({ v: 'a\u0000b' }, union, false)).toBeDefined();
  });
});

describe('dates', () => {
  it('takes RFC 3339 date-times with an offset and a year from 1900 to 9999', () => {
    for (const ok of ['2030-01-01T00:00:00Z', '2030-01-01T09:00:00.123+09:00', '1900-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      expect(dateTimeFormat.validate(ok), ok).toBe(true);
    }
    for (const bad of ['0000-01-01T00:00:00Z', '99999-01-01T00:00:00Z', '+099999-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '2030-01-01T23:59:60Z', '2030-02-30T00:00:00Z', '2030-01-01T00:00:00', '2030-01-01']) {
      expect(dateTimeFormat.validate(bad), bad).toBe(false);
    }
  });

  it('takes full dates in the same years', () => {
    expect(dateFormat.validate('2024-02-29')).toBe(true);
    expect(dateFormat.validate('0000-01-01')).toBe(false);
    expect(dateFormat.validate('2023-02-29')).toBe(false);
  });
});

describe('errors that got past validation', () => {
  it('answers a database data exception (SQLSTATE class 22) with 400, not 500', () => {
    for (const code of ['22008', '22P02', '22021', '22P05', '22003']) {
      const error = Object.assign(new Error('date/time field value out of range'), { code });
      expect(toProblem(error)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(toProblem(Object.assign(new Error('deadlock'), { code: '40P01' })).status).toBe(500);
    expect(toProblem(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })).status).toBe(500);
  });

  it('answers an unreadable multipart body with 400 MALFORMED_MULTIPART', () => {
    for (const message of ['Multipart: Boundary not found', 'Unexpected end of multipart data', 'Part terminated early due to unexpected end of multipart data', 'Malformed part header']) {
      expect(toProblem(new Error(message))).toMatchObject({ status: 400, code: 'MALFORMED_MULTIPART' });
    }
  });

  it('never echoes the URL of a path segment over the length limit', () => {
    const error = Object.assign(new Error(`'/api/v1/reservations/${'a'.repeat(200)}' is exceeding the max param length`), { code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 });
    const body = toProblem(error);
    expect(body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'params' }] });
    expect(JSON.stringify(body)).not.toContain('aaaa');
  });
});
