import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { invalid } from '../errors.ts';
import { dateFormat, dateTimeFormat, findControlCharacter } from './input-rules.ts';

// Two validators: query strings, params and headers are text, so they coerce ("5" -> 5, one value -> array);
// JSON bodies are taken as sent, so a wrong type is an error, and unknown fields are refused, never stripped.
// Before either, every string is checked for control characters, and dates for a year in range (input-rules.ts).

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true, removeAdditional: false, ...options });
  addFormats(ajv);
  ajv.addFormat('date', dateFormat);
  ajv.addFormat('date-time', dateTimeFormat);
  return ajv;
}

interface Validator {
  (data: unknown): boolean;
  errors?: unknown;
}

/** Parts a route gives no schema for are not validated at all: they still get the control-character rule. */
function guardUnvalidatedParts(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema ?? {};
    const parts = [
      ['querystring', schema.querystring, request.query, true],
      ['params', schema.params, request.params, true],
      ['body', schema.body, request.body, false],
    ] as const;
    for (const [part, declared, data, everywhere] of parts) {
      if (declared !== undefined || data === undefined || data === null) continue;
      const found = findControlCharacter(data, undefined, everywhere);
      if (found) {
        const field = found.instancePath.replace(/^\//, '').replaceAll('/', '.') || part;
        throw invalid(`The ${part} is not valid`, [{ field, message: found.message }]);
      }
    }
  });
}

export function registerValidation(app: FastifyInstance): void {
  guardUnvalidatedParts(app);
  const bodyAjv = makeAjv({ coerceTypes: false });
  const textAjv = makeAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? bodyAjv : textAjv;
    const validate = ajv.compile(schema);
    const singleLineEverywhere = httpPart !== 'body';
    const check: Validator = (data) => {
      const control = findControlCharacter(data, schema as Record<string, unknown>, singleLineEverywhere);
      if (control) {
        check.errors = [{ ...control, keyword: 'controlCharacters', schemaPath: '#', params: {} }];
        return false;
      }
      const valid = validate(data);
      check.errors = validate.errors;
      return valid;
    };
    return check as never;
  });
}
