import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { invalid } from '../../../platform/errors.ts';
import { actorOf } from '../../../platform/http/access.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../contract.ts';
import type { CaregiversUseCases } from '../app/use-cases.ts';
import { adminCaregiverRoutes } from './admin-routes.ts';
import { searchPageBody } from './search-body.ts';
import {
  BusyList,
  BusyQuery,
  CreateProfileBody,
  DocumentOut,
  FullProfile,
  IdParams,
  ProfileDetail,
  PublicProfile,
  RegionsPage,
  SearchPage,
  TopPage,
  TopQuery,
  SearchQuery,
  UpdateProfileBody,
  UploadForm,
  UploadQuery,
  binaryResponse,
  IMAGE_TYPES,
} from './schemas.ts';

const tags = ['caregivers'];

const STATUS_RULES =
  'Status rules: a new profile is PENDING until an admin approves (APPROVED) or rejects it (REJECTED, with a reason). ' +
  'Editing a REJECTED profile resubmits it (back to PENDING). Editing the certificates of an APPROVED profile puts it ' +
  'back to PENDING for review; other edits keep it APPROVED. A SUSPENDED profile stays SUSPENDED.';

/**
 * Reads the whole form: the `file` part (any field name; the app allows one file) and the `kind` field,
 * in either order, so the answer never depends on how the body was chunked. `?kind=` also works;
 * both must agree when both are given. Files over the limit throw FST_REQ_FILE_TOO_LARGE (413).
 */
async function readUpload(request: FastifyRequest, fromQuery: DocumentKind | undefined) {
  let content: Buffer | undefined;
  let field: string | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') content = await part.toBuffer();
    else if (part.fieldname === 'kind') field = String(part.value);
  }
  if (field !== undefined && fromQuery !== undefined && field !== fromQuery) {
    throw invalid('The document kind is given twice', [{ field: 'kind', message: 'form field and query parameter differ' }]);
  }
  const kind = field ?? fromQuery;
  if (kind === undefined) {
    throw invalid('The document kind is missing', [{ field: 'kind', message: 'is required: a `kind` form field or ?kind=' }]);
  }
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    throw invalid('The document kind is not valid', [{ field: 'kind', message: `must be one of ${DOCUMENT_KINDS.join(', ')}` }]);
  }
  if (content === undefined) throw invalid('No file was sent', [{ field: 'file', message: 'is required' }]);
  return { kind: kind as DocumentKind, content };
}

export function caregiverRoutes(app: FastifyInstance, useCases: CaregiversUseCases): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/caregivers',
    {
      config: { access: ['CAREGIVER'] },
      schema: {
        tags,
        summary: 'Create my caregiver profile',
        description: `Once per account (409 PROFILE_EXISTS). Region short forms are normalised; an unknown region is a 400 on \`regions[i].sido\` or \`regions[i].sigungu\`. ${STATUS_RULES}`,
        body: CreateProfileBody,
        response: { 201: FullProfile },
      },
    },
    async (request, reply) => reply.status(201).send(await useCases.createProfile(actorOf(request).userId, request.body)),
  );

  api.get(
    '/caregivers/me',
    { config: { access: ['CAREGIVER'] }, schema: { tags, summary: 'My caregiver profile, in any status, with my documents', response: { 200: FullProfile } } },
    async (request) => useCases.getMyProfile(actorOf(request).userId),
  );

  api.patch(
    '/caregivers/me',
    {
      config: { access: ['CAREGIVER'] },
      schema: { tags, summary: 'Change my caregiver profile', description: STATUS_RULES, body: UpdateProfileBody, response: { 200: FullProfile } },
    },
    async (request) => useCases.updateMyProfile(actorOf(request).userId, request.body),
  );

  api.post(
    '/caregivers/me/documents',
    {
      config: { access: ['CAREGIVER'] },
      schema: {
        tags,
        summary: 'Upload a document (certificate, ID card, photo)',
        description:
          'multipart/form-data with a `file` part and a `kind` field (CERTIFICATE, ID_CARD, PHOTO, OTHER), in any order, ' +
          'or `?kind=` instead of the field. PDF, JPEG, PNG or WebP, recognised by content, not name (else 415 UNSUPPORTED_MEDIA_TYPE; ' +
          'a PHOTO must be an image); at most 10 MB (413 PAYLOAD_TOO_LARGE); at most 20 documents per caregiver ' +
          '(409 DOCUMENT_LIMIT_REACHED). Files are private: only admins download them. The latest PHOTO is the ' +
          'public profile photo while the profile is APPROVED. Uploading does not change the status.',
        consumes: ['multipart/form-data'],
        body: UploadForm,
        querystring: UploadQuery,
        response: { 201: DocumentOut },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, request.query.kind);
      return reply.status(201).send(await useCases.uploadDocument(actorOf(request).userId, upload));
    },
  );

  api.get(
    '/caregivers',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Search approved caregivers',
        description:
          'Filters combine with AND. `sido` matches caregivers serving somewhere in it; `sido`+`sigungu` those serving ' +
          'that sigungu or the whole sido (short forms accepted, unknown names 400). `serviceType` is repeatable and ' +
          'every one given must be offered. `sort=recommended` (default) orders by a Bayesian rating (prior 3.5 worth ' +
          '5 reviews) plus 0.02 per career year up to 10 years; prices sort cheapest first, everything else highest first. ' +
          '`availableFrom`+`availableTo` (both or neither, ISO 8601 with an offset, at most 31 days apart) leave out ' +
          'caregivers with an active reservation (requested, accepted, confirmed, in progress) overlapping ' +
          '[availableFrom, availableTo); a reservation ending exactly at availableFrom does not count. Reservations ' +
          'reach the search through events: a new booking or cancellation shows here within about a second.',
        querystring: SearchQuery,
        response: { 200: SearchPage },
      },
    },
    // The page is sent as JSON bytes made from each profile's remembered JSON (search-body.ts, decision 0033):
    // the same bytes the SearchPage schema gives, without serialising 20 profiles per request.
    async (request, reply) => {
      const page = await useCases.searchProfiles(request.query);
      // Compiled once per route by the route's serialiser compiler (Fastify keeps it per schema object).
      const serializeItem = reply.compileSerializationSchema(PublicProfile as unknown as Record<string, unknown>);
      return reply.type('application/json; charset=utf-8').send(searchPageBody(page, serializeItem) as never);
    },
  );

  api.get(
    '/caregivers/regions',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The region catalogue (17 sido and their sigungu) for forms', response: { 200: RegionsPage } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      return { items: useCases.listRegions(), nextCursor: null };
    },
  );

  api.get(
    '/caregivers/top',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Popular caregivers',
        description:
          'APPROVED caregivers ranked by a Bayesian average, score = (m * C + ratingAverage * reviewCount) / (m + reviewCount) ' +
          'with prior C = 3.5 worth m = 5 reviews, so few reviews do not beat many (one 5.0 review scores 3.75, two hundred ' +
          'of 4.9 score 4.87); ties: more reviews first. `limit` 1-50 (default 10). Served from the cache for TOP_CACHE_TTL ' +
          '(60 s); every rating change drops it, so a new review shows within 5 s. nextCursor is always null.',
        querystring: TopQuery,
        response: { 200: TopPage },
      },
    },
    // The body comes serialised from the cache (built from the same public profile view): sent as is.
    async (request, reply) => reply.type('application/json; charset=utf-8').send((await useCases.topCaregivers(request.query.limit ?? 10)) as never),
  );

  api.get(
    '/caregivers/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A caregiver profile',
        description:
          'APPROVED profiles for anyone (certificate numbers masked); the owner and admins also see other statuses, ' +
          'full certificate numbers, the rejection reason and the documents (an admin\'s read is written to the audit log as caregiver.profile.read). Anything else: 404.',
        params: IdParams,
        response: { 200: ProfileDetail },
      },
    },
    async (request) => useCases.getProfile(request.actor, request.params.id, request.id),
  );

  api.get(
    '/caregivers/:id/photo',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The profile photo of an approved caregiver',
        description: 'The image bytes (JPEG, PNG or WebP), cacheable for 5 minutes; 404 PHOTO_NOT_FOUND without one.',
        params: IdParams,
        response: {
          200: binaryResponse('The photo', IMAGE_TYPES),
          304: Type.Null({ description: 'Not modified (If-None-Match matched the ETag)' }),
        },
      },
    },
    async (request, reply) => {
      const photo = await useCases.getPhoto(request.params.id);
      const etag = `"${photo.version}"`;
      reply.header('cache-control', 'public, max-age=300').header('etag', etag).header('x-content-type-options', 'nosniff');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
      return reply.type(photo.file.contentType).send(photo.file.body);
    },
  );

  api.get(
    '/caregivers/:id/busy',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'When an approved caregiver is booked',
        description:
          'The time intervals [startAt, endAt) of the caregiver\'s active reservations (requested, accepted, confirmed, ' +
          'in progress) that overlap [from, to), earliest first, in UTC, whole rather than clipped to the window, ' +
          'and nothing else about them. `from` and `to` are required, at most 92 days apart. Eventually consistent: a ' +
          'new booking or cancellation shows within about a second. Profiles that are not APPROVED: 404.',
        params: IdParams,
        querystring: BusyQuery,
        response: { 200: BusyList },
      },
    },
    async (request) => useCases.getBusyTimes(request.params.id, request.query),
  );

  adminCaregiverRoutes(app, useCases);
}
