import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { FILES, multipart, profileInput, type Part } from './support.ts';

describe.each(databaseKinds())('caregiver documents over HTTP on %s', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let caregiver: TestUser;
  let caregiverId: string;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    admin = await t.signup('ADMIN');
    caregiver = await t.signup('CAREGIVER');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/caregivers', headers: caregiver.auth, payload: profileInput() });
    caregiverId = created.json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (parts: readonly Part[], query = '', user = caregiver) => {
    const body = multipart(parts);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/caregivers/me/documents${query}`,
      headers: { ...user.auth, ...body.headers },
      payload: body.payload,
    });
  };
  const file = (content: Buffer, filename = 'scan.pdf', contentType = 'application/pdf'): Part => ({ name: 'file', filename, contentType, content });

  it('stores a document given as kind field + file, answering what it found in the bytes', async () => {
    const response = await upload([{ name: 'kind', value: 'CERTIFICATE' }, file(FILES.pdf)]);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: expect.any(String), kind: 'CERTIFICATE', contentType: 'application/pdf', size: FILES.pdf.length });
    // The name and declared type do not matter: this PNG arrives called .pdf.
    const png = await upload([file(FILES.png, 'photo.pdf', 'application/pdf')], '?kind=ID_CARD');
    expect(png.json()).toMatchObject({ kind: 'ID_CARD', contentType: 'image/png' });
  });

  it('refuses a file whose bytes are no PDF or image despite its .pdf name: 415', async () => {
    const response = await upload([{ name: 'kind', value: 'CERTIFICATE' }, file(FILES.text, 'certificate.pdf')]);
    expect([response.statusCode, response.json().code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const pdfPhoto = await upload([{ name: 'kind', value: 'PHOTO' }, file(FILES.pdf)]);
    expect([pdfPhoto.statusCode, pdfPhoto.json().code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('refuses files over 10 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const big = Buffer.concat([FILES.pdf, Buffer.alloc(10 * 1024 * 1024)]);
    const response = await upload([{ name: 'kind', value: 'CERTIFICATE' }, file(big)]);
    expect([response.statusCode, response.json().code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('needs a valid kind, a file, and multipart', async () => {
    const missing = await upload([file(FILES.pdf)]);
    expect([missing.statusCode, missing.json().errors[0].field]).toEqual([400, 'kind']);
    const after = await upload([file(FILES.pdf), { name: 'kind', value: 'CERTIFICATE' }]);
    expect([after.statusCode, after.json().kind]).toEqual([201, 'CERTIFICATE']);
    const bad = await upload([{ name: 'kind', value: 'SELFIE' }, file(FILES.pdf)]);
    expect([bad.statusCode, bad.json().errors[0].field]).toEqual([400, 'kind']);
    const badQuery = await upload([file(FILES.pdf)], '?kind=SELFIE');
    expect([badQuery.statusCode, badQuery.json().errors[0].field]).toEqual([400, 'kind']);
    const twice = await upload([{ name: 'kind', value: 'OTHER' }, file(FILES.pdf)], '?kind=PHOTO');
    expect(twice.statusCode).toBe(400);
    const noFile = await upload([{ name: 'kind', value: 'OTHER' }]);
    expect([noFile.statusCode, noFile.json().errors[0].field]).toEqual([400, 'file']);
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/caregivers/me/documents', headers: caregiver.auth, payload: { kind: 'OTHER' } });
    expect([json.statusCode, json.json().code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const guardian = await t.signup('GUARDIAN');
    expect((await upload([{ name: 'kind', value: 'OTHER' }, file(FILES.pdf)], '', guardian)).statusCode).toBe(403);
    const newcomer = await t.signup('CAREGIVER');
    const noProfile = await upload([{ name: 'kind', value: 'OTHER' }, file(FILES.pdf)], '', newcomer);
    expect([noProfile.statusCode, noProfile.json().code]).toEqual([404, 'PROFILE_NOT_FOUND']);
  });

  it("writes an audit row when an admin reads a caregiver's full profile, and none for the owner or the public", async () => {
    const url = `/api/v1/caregivers/${caregiverId}`;
    const byAdmin = await t.app.inject({ method: 'GET', url, headers: admin.auth });
    expect(byAdmin.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url, headers: caregiver.auth })).statusCode).toBe(200);
    await t.app.inject({ method: 'GET', url });
    const audit = await sql<{ actor_id: string; request_id: string }>`
      SELECT actor_id, request_id FROM platform.audit_log WHERE action = 'caregiver.profile.read' AND resource_id = ${caregiverId}`.execute(t.platform.database.db);
    expect(audit.rows).toEqual([{ actor_id: admin.userId, request_id: byAdmin.headers['x-request-id'] }]);
  });

  it('lets admins download a document, writing an audit row each time', async () => {
    const { id } = (await upload([{ name: 'kind', value: 'ID_CARD' }, file(FILES.jpeg, 'id.jpg', 'image/jpeg')])).json();
    const url = `/api/v1/admin/caregivers/${caregiverId}/documents/${id}`;
    const response = await t.app.inject({ method: 'GET', url, headers: admin.auth });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(FILES.jpeg)).toBe(true);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="id_card-${id}.jpg"`);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const audit = await sql<{ actor_id: string; action: string; resource_id: string; request_id: string }>`
      SELECT actor_id, action, resource_id, request_id FROM platform.audit_log WHERE resource_id = ${id}`.execute(t.platform.database.db);
    expect(audit.rows).toEqual([{ actor_id: admin.userId, action: 'caregiver.document.read', resource_id: id, request_id: response.headers['x-request-id'] }]);

    expect((await t.app.inject({ method: 'GET', url, headers: caregiver.auth })).statusCode).toBe(403);
    const other = await t.signup('CAREGIVER');
    const otherId = (await t.app.inject({ method: 'POST', url: '/api/v1/caregivers', headers: other.auth, payload: profileInput() })).json().id;
    const wrongOwner = await t.app.inject({ method: 'GET', url: `/api/v1/admin/caregivers/${otherId}/documents/${id}`, headers: admin.auth });
    expect([wrongOwner.statusCode, wrongOwner.json().code]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
  });

  it('serves the latest photo of an approved profile publicly, cacheable', async () => {
    const photoUrl = `/api/v1/caregivers/${caregiverId}/photo`;
    const { id } = (await upload([{ name: 'kind', value: 'PHOTO' }, file(FILES.webp, 'me.webp', 'image/webp')])).json();
    const before = await t.app.inject({ method: 'GET', url: photoUrl });
    expect([before.statusCode, before.json().code]).toEqual([404, 'PHOTO_NOT_FOUND']);
    await t.app.inject({ method: 'POST', url: `/api/v1/admin/caregivers/${caregiverId}/approve`, headers: admin.auth });
    const photo = await t.app.inject({ method: 'GET', url: photoUrl });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/webp');
    expect(photo.headers['cache-control']).toBe('public, max-age=300');
    expect(photo.rawPayload.equals(FILES.webp)).toBe(true);
    expect(photo.headers.etag).toBe(`"${id}"`);
    const again = await t.app.inject({ method: 'GET', url: photoUrl, headers: { 'if-none-match': `"${id}"` } });
    expect(again.statusCode).toBe(304);
    const profile = (await t.app.inject({ method: 'GET', url: `/api/v1/caregivers/${caregiverId}` })).json();
    expect(profile.photoUrl).toBe(photoUrl);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/caregivers/me', headers: caregiver.auth })).json();
    expect(mine.documents.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['CERTIFICATE', 'ID_CARD', 'PHOTO']));
  });
});
