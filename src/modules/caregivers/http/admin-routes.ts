import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { EXTENSIONS, type DocumentContentType } from '../domain/file-type.ts';
import type { CaregiversUseCases } from '../app/use-cases.ts';
import { binaryResponse, DOCUMENT_TYPES, DocumentParams, FullProfile, IdParams, RejectBody, ReviewListQuery, ReviewPage } from './schemas.ts';

const tags = ['caregivers', 'admin'];

export function adminCaregiverRoutes(app: FastifyInstance, useCases: CaregiversUseCases): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/admin/caregivers',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags,
        summary: 'Caregiver profiles for review',
        description: 'Oldest submission first (the review queue), optionally of one `status`, each with its documents.',
        querystring: ReviewListQuery,
        response: { 200: ReviewPage },
      },
    },
    async (request) => useCases.listProfilesForReview(request.query),
  );

  api.get(
    '/admin/caregivers/:id/documents/:documentId',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags,
        summary: 'Download a caregiver document',
        description: 'The file, as an attachment. Every access is written to the audit log (caregiver.document.read).',
        params: DocumentParams,
        response: { 200: binaryResponse('The document', DOCUMENT_TYPES) },
      },
    },
    async (request, reply) => {
      const { document, file } = await useCases.downloadDocument({
        actor: request.actor,
        caregiverId: request.params.id,
        documentId: request.params.documentId,
        requestId: request.id,
      });
      const extension = EXTENSIONS[document.contentType as DocumentContentType] ?? '';
      return reply
        .header('content-disposition', `attachment; filename="${document.kind.toLowerCase()}-${document.id}${extension}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .type(file.contentType)
        .send(file.body);
    },
  );

  api.post(
    '/admin/caregivers/:id/approve',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags,
        summary: 'Approve a caregiver profile',
        description: 'PENDING -> APPROVED: the profile becomes searchable. Any other status: 409 INVALID_TRANSITION.',
        params: IdParams,
        response: { 200: FullProfile },
      },
    },
    async (request) => useCases.approveProfile(request.params.id, { actor: request.actor, requestId: request.id }),
  );

  api.post(
    '/admin/caregivers/:id/reject',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags,
        summary: 'Reject a caregiver profile',
        description:
          'PENDING -> REJECTED with a reason the caregiver sees. Any other status: 409 INVALID_TRANSITION. ' +
          'The caregiver resubmits by editing the profile.',
        params: IdParams,
        body: RejectBody,
        response: { 200: FullProfile },
      },
    },
    async (request) => useCases.rejectProfile(request.params.id, request.body.reason, { actor: request.actor, requestId: request.id }),
  );
}
