import Type from 'typebox';
import { CursorParam, LimitParam, pageOf } from '../../../platform/http/pagination.ts';
import { RunView, SettlementStatus, SettlementView } from '../app/schemas.ts';

// The use cases' shapes (app/schemas.ts) plus what is only HTTP.

export { EarningsSummary, PayInput, PreviewResult, RunInput, RunResult, SettlementView } from '../app/schemas.ts';

export const SettlementParams = Type.Object({ id: Type.String({ description: 'settlement id' }) });
export const SettlementPage = pageOf(SettlementView);
export const RunPage = pageOf(RunView);
export const RunListQuery = Type.Object({ limit: Type.Optional(LimitParam), cursor: Type.Optional(CursorParam) }, { additionalProperties: false });

const filterFields = {
  status: Type.Optional(SettlementStatus),
  caregiverId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "the caregiver's profile id" })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'settlements whose period overlaps [from, to): periodEnd > from' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'settlements whose period overlaps [from, to): periodStart < to' })),
};

export const AdminSettlementQuery = Type.Object(
  { ...filterFields, limit: Type.Optional(LimitParam), cursor: Type.Optional(CursorParam) },
  { additionalProperties: false },
);
export const ExportQuery = Type.Object(filterFields, { additionalProperties: false });
export const MySettlementQuery = Type.Object(
  { status: Type.Optional(SettlementStatus), limit: Type.Optional(LimitParam), cursor: Type.Optional(CursorParam) },
  { additionalProperties: false },
);

export const CsvResponse = Type.Unsafe<string>({
  description: 'UTF-8 CSV with a byte order mark, CRLF line ends, one row per settlement',
  content: { 'text/csv': { schema: { type: 'string' } } },
});
