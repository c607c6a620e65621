import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../platform/http/access.ts';
import type { SettlementsUseCases } from '../app/use-cases.ts';
import {
  AdminSettlementQuery,
  CsvResponse,
  EarningsSummary,
  ExportQuery,
  MySettlementQuery,
  PayInput,
  PreviewResult,
  RunInput,
  RunListQuery,
  RunPage,
  RunResult,
  SettlementPage,
  SettlementParams,
  SettlementView,
} from './schemas.ts';

const adminTags = ['settlements', 'admin'];
const tags = ['settlements'];

const context = (request: FastifyRequest) => ({ actor: actorOf(request), requestId: request.id });

export const SETTLEMENT_RULES =
  'A reservation is settled in the period in which it finished: COMPLETED (check-out or auto-completion) at completedAt, or ' +
  'CANCELLED with money kept (paid, refund < total: the guardian\'s late cancellation) when it was cancelled. Its line: paid = ' +
  'Σ payments, refunded = Σ refunds known at the run (from payment events), amount = paid - refunded. Commission per line = ' +
  '|amount| × rate rounded half up to whole won, with the sign of amount (integer arithmetic, rate in basis points); ' +
  'netAmount = amount - commission; a settlement\'s gross/commission/net are the sums of its lines. Money that moves after a ' +
  'reservation was settled (a late refund) becomes a LATE_REFUND line (negative) in the next run whose period ends after it, ' +
  'never a change to a closed settlement. Periods are half-open [periodStart, periodEnd).';

export function settlementRoutes(app: FastifyInstance, useCases: SettlementsUseCases): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/admin/settlements/runs',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: adminTags,
        summary: 'Settle a period',
        description:
          'One settlement (PENDING) per caregiver with lines, for reservations finished in [periodStart, periodEnd) and not yet ' +
          'settled, plus LATE_REFUND lines. At most once: running the same period again (or concurrently, on any replica) settles ' +
          'nothing twice. The run is recorded (GET /admin/settlements/runs) and audited (settlement.run). 400 INVALID_PERIOD ' +
          '(errors[].field periodEnd) when periodEnd is not after periodStart or is in the future. ' + SETTLEMENT_RULES,
        body: RunInput,
        response: { 201: RunResult },
      },
    },
    async (request, reply) => reply.status(201).send(await useCases.runSettlements(request.body, context(request))),
  );

  api.post(
    '/admin/settlements/runs/preview',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: adminTags,
        summary: 'Preview a settlement run',
        description: 'What POST /admin/settlements/runs would create now, writing nothing (id, runId and createdAt are null). Same 400s.',
        body: RunInput,
        response: { 200: PreviewResult },
      },
    },
    async (request) => useCases.previewSettlements(request.body),
  );

  api.get(
    '/admin/settlements/runs',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: adminTags,
        summary: 'Settlement runs',
        description: 'Newest first; createdBy is the admin, or null for the schedule (SETTLEMENT_SCHEDULE).',
        querystring: RunListQuery,
        response: { 200: RunPage },
      },
    },
    async (request) => useCases.listRuns(request.query),
  );

  api.get(
    '/admin/settlements',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: adminTags,
        summary: 'Settlements',
        description: 'Newest first, with lines. Filters: status, caregiverId (profile id), and from/to: settlements whose period overlaps [from, to).',
        querystring: AdminSettlementQuery,
        response: { 200: SettlementPage },
      },
    },
    async (request) => useCases.listSettlements(request.query),
  );

  api.get(
    '/admin/settlements/export.csv',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: adminTags,
        summary: 'Settlements as CSV',
        description:
          'The list\'s filters, every match (at most 10,000), one row per settlement: 간병인, 정산 시작, 정산 종료, 총액, 수수료, ' +
          '지급액, 상태, 지급일, 이체 참조, 정산ID, 간병인ID. UTF-8 with a BOM (Korean Excel), CRLF, RFC 4180 quoting, amounts as plain numbers, ' +
          "times in KST 'YYYY-MM-DD HH:mm'; text cells starting with = + - @ get a leading '.",
        querystring: ExportQuery,
        response: { 200: CsvResponse },
      },
    },
    async (request, reply) => {
      const { filename, body } = await useCases.exportCsv(request.query);
      return reply
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .type('text/csv; charset=utf-8')
        .send(body);
    },
  );

  api.get(
    '/admin/settlements/:id',
    {
      config: { access: ['ADMIN'] },
      schema: { tags: adminTags, summary: 'A settlement', description: '404 SETTLEMENT_NOT_FOUND when unknown.', params: SettlementParams, response: { 200: SettlementView } },
    },
    async (request) => useCases.getSettlement(request.params.id),
  );

  api.post(
    '/admin/settlements/:id/pay',
    {
      config: { access: ['ADMIN'] },
      // The body is optional: no body is the same as {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: adminTags,
        summary: 'Pay a settlement out',
        description:
          'PENDING -> PAID once, through the payout provider (manual: the admin made the bank transfer and records its reference). ' +
          'The caregiver is notified (SETTLEMENT_PAID, and Slack when enabled); audited (settlement.pay). Already PAID: 409 ' +
          'SETTLEMENT_ALREADY_PAID; unknown: 404 SETTLEMENT_NOT_FOUND.',
        params: SettlementParams,
        body: PayInput,
        response: { 200: SettlementView },
      },
    },
    async (request) => useCases.paySettlement(request.params.id, request.body, context(request)),
  );

  api.get(
    '/settlements',
    {
      config: { access: ['CAREGIVER'] },
      schema: { tags, summary: 'My settlements', description: 'The caller\'s settlements, newest first, with lines. ' + SETTLEMENT_RULES, querystring: MySettlementQuery, response: { 200: SettlementPage } },
    },
    async (request) => useCases.listMySettlements(actorOf(request), request.query),
  );

  api.get(
    '/settlements/summary',
    {
      config: { access: ['CAREGIVER'] },
      schema: {
        tags,
        summary: 'My earnings',
        description:
          'thisMonth: reservations finished this KST calendar month, settled or not, at the current rate; unsettled: finished, not ' +
          'settled yet; pending/paid: settlements by status; nextPayoutDate: the next scheduled run (null when there is no schedule).',
        response: { 200: EarningsSummary },
      },
    },
    async (request) => useCases.earningsSummary(actorOf(request)),
  );

  api.get(
    '/settlements/:id',
    {
      config: { access: ['CAREGIVER'] },
      schema: { tags, summary: 'One of my settlements', description: 'Another caregiver\'s (or unknown): 404 SETTLEMENT_NOT_FOUND.', params: SettlementParams, response: { 200: SettlementView } },
    },
    async (request) => useCases.getMySettlement(actorOf(request), request.params.id),
  );
}
