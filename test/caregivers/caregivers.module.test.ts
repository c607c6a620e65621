import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { AppError } from '../../src/platform/errors.ts';
import { databaseKinds } from '../support/database.ts';
import { adminActor, caregiverActor, FILES, openCaregiversModule, profileInput } from './support.ts';

type Harness = Awaited<ReturnType<typeof openCaregiversModule>>;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(databaseKinds())('caregiver profiles on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await openCaregiversModule(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('creates a PENDING profile once, normalised, with a submitted event', async () => {
    const userId = newId();
    const profile = await h.useCases.createProfile(userId, profileInput({ displayName: ' 김영희 ' }));
    expect(profile).toMatchObject({
      userId,
      displayName: '김영희',
      status: 'PENDING',
      regions: [{ sido: '서울특별시', sigungu: '강남구' }],
      ratingAverage: 0,
      reviewCount: 0,
      documents: [],
    });
    expect(await h.outbox()).toEqual([
      {
        type: 'caregiver.profile_submitted.v1',
        aggregate_id: profile.id,
        payload: { caregiverId: profile.id, userId, displayName: '김영희', resubmission: false },
      },
    ]);
    expect(h.relayWakes()).toBe(1);
    const again = await failure(h.useCases.createProfile(userId, profileInput()));
    expect([again.kind, again.code]).toEqual(['conflict', 'PROFILE_EXISTS']);
    expect(await h.outbox()).toHaveLength(1);
  });

  it('refuses an invalid profile with every field problem', async () => {
    const error = await failure(
      h.useCases.createProfile(newId(), profileInput({ regions: [{ sido: '서울', sigungu: '해운대' }], hourlyRate: 5_000 })),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([
      { field: 'regions[0].sigungu', message: '"해운대" is not a sigungu of 서울특별시' },
      { field: 'hourlyRate', message: 'must be an integer from 10000 KRW to 200000 KRW' },
    ]);
  });

  it('approves and rejects only PENDING profiles, with events and audit rows', async () => {
    const a = await h.useCases.createProfile(newId(), profileInput());
    const b = await h.useCases.createProfile(newId(), profileInput({ displayName: '박철수', gender: 'MALE' }));
    const admin = adminActor();
    const approved = await h.useCases.approveProfile(a.id, { actor: admin, requestId: 'req-1' });
    expect(approved).toMatchObject({ status: 'APPROVED', reviewedAt: '2026-12-01T00:00:00.000Z' });
    const rejected = await h.useCases.rejectProfile(b.id, ' 자격증 사본이 흐립니다 ', { actor: admin });
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: '자격증 사본이 흐립니다' });

    for (const attempt of [
      () => h.useCases.approveProfile(a.id),
      () => h.useCases.rejectProfile(a.id, 'late'),
      () => h.useCases.approveProfile(b.id),
    ]) {
      const error = await failure(attempt());
      expect([error.kind, error.code]).toEqual(['conflict', 'INVALID_TRANSITION']);
    }
    expect((await failure(h.useCases.approveProfile(newId()))).code).toBe('CAREGIVER_NOT_FOUND');
    expect((await failure(h.useCases.approveProfile('not-a-uuid'))).code).toBe('CAREGIVER_NOT_FOUND');
    expect((await failure(h.useCases.rejectProfile(b.id, '   '))).errors).toEqual([{ field: 'reason', message: 'must be 1 to 500 characters' }]);

    const events = (await h.outbox()).slice(2);
    expect(events).toEqual([
      { type: 'caregiver.approved.v1', aggregate_id: a.id, payload: { caregiverId: a.id, userId: a.userId, displayName: '김영희' } },
      {
        type: 'caregiver.rejected.v1',
        aggregate_id: b.id,
        payload: { caregiverId: b.id, userId: b.userId, displayName: '박철수', reason: '자격증 사본이 흐립니다' },
      },
    ]);
    expect(await h.audit()).toEqual([
      { action: 'caregiver.profile.approve', resource_id: a.id, actor_id: admin.userId, details: {} },
      { action: 'caregiver.profile.reject', resource_id: b.id, actor_id: admin.userId, details: { reason: '자격증 사본이 흐립니다' } },
    ]);
  });

  it('applies the edit rules: certificates re-review an approved profile, a rejected one is resubmitted', async () => {
    const userId = newId();
    const created = await h.useCases.createProfile(userId, profileInput());
    await h.useCases.approveProfile(created.id);

    const intro = await h.useCases.updateMyProfile(userId, { introduction: '새 소개', hourlyRate: 16_000 });
    expect(intro).toMatchObject({ status: 'APPROVED', introduction: '새 소개', hourlyRate: 16_000 });
    const sameCertificates = await h.useCases.updateMyProfile(userId, { certificates: profileInput().certificates });
    expect(sameCertificates.status).toBe('APPROVED');

    h.clock.advance(60_000);
    const recertified = await h.useCases.updateMyProfile(userId, { certificates: [{ type: 'NURSE_AIDE', number: 'NA-1' }] });
    expect(recertified).toMatchObject({ status: 'PENDING', submittedAt: '2026-12-01T00:01:00.000Z' });

    await h.useCases.rejectProfile(created.id, '번호 확인 불가');
    const resubmitted = await h.useCases.updateMyProfile(userId, { displayName: '김영희B' });
    expect(resubmitted.status).toBe('PENDING');
    expect(resubmitted).not.toHaveProperty('rejectionReason');
    const submitted = (await h.outbox()).filter((e) => e.type === 'caregiver.profile_submitted.v1');
    expect(submitted.map((e) => e.payload.resubmission)).toEqual([false, true, true]);

    const invalidEdit = await failure(h.useCases.updateMyProfile(userId, { birthYear: 2000 }));
    expect(invalidEdit.errors).toEqual([{ field: 'careerYears', message: 'must be from 0 to 8 (at most age minus 18)' }]);
    expect((await failure(h.useCases.updateMyProfile(newId(), { introduction: 'x' }))).code).toBe('PROFILE_NOT_FOUND');
    expect((await failure(h.useCases.getMyProfile(newId()))).code).toBe('PROFILE_NOT_FOUND');
  });

  it('shows unapproved profiles only to their owner and admins', async () => {
    const owner = newId();
    const profile = await h.useCases.createProfile(owner, profileInput());
    for (const actor of [undefined, caregiverActor(newId()), { ...caregiverActor(newId()), role: 'GUARDIAN' as const }]) {
      expect((await failure(h.useCases.getProfile(actor, profile.id))).code).toBe('CAREGIVER_NOT_FOUND');
    }
    expect(await h.useCases.getProfile(caregiverActor(owner), profile.id)).toMatchObject({ status: 'PENDING', documents: [] });
    expect(await h.useCases.getProfile(adminActor(), profile.id)).toMatchObject({ status: 'PENDING' });
    expect((await failure(h.useCases.getProfile(undefined, 'x'))).code).toBe('CAREGIVER_NOT_FOUND');

    await h.useCases.approveProfile(profile.id);
    const seen = await h.useCases.getProfile(undefined, profile.id);
    expect(seen).toMatchObject({ status: 'APPROVED', certificates: [{ type: 'CARE_WORKER', number: '****-**3456', issuedOn: '2019-05-01' }] });
    expect(seen).not.toHaveProperty('documents');
    expect(seen).not.toHaveProperty('rejectionReason');
  });

  it('stores documents privately, checks their content, counts them, and serves the approved photo', async () => {
    const owner = newId();
    const profile = await h.useCases.createProfile(owner, profileInput());
    const document = await h.useCases.uploadDocument(owner, { kind: 'CERTIFICATE', content: FILES.pdf });
    expect(document).toMatchObject({ kind: 'CERTIFICATE', contentType: 'application/pdf', size: FILES.pdf.length });
    const stored = await h.platform.storage.get(`caregivers/${profile.id}/documents/${document.id}`);
    expect(stored?.body.equals(FILES.pdf)).toBe(true);

    const wrong = await failure(h.useCases.uploadDocument(owner, { kind: 'CERTIFICATE', content: FILES.text }));
    expect([wrong.kind, wrong.code]).toEqual(['unsupported_media_type', 'UNSUPPORTED_MEDIA_TYPE']);
    expect((await failure(h.useCases.uploadDocument(owner, { kind: 'PHOTO', content: FILES.pdf }))).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await failure(h.useCases.uploadDocument(newId(), { kind: 'OTHER', content: FILES.pdf }))).code).toBe('PROFILE_NOT_FOUND');
    expect((await failure(h.useCases.uploadDocument(owner, { kind: 'OTHER', content: Buffer.alloc(10 * 1024 * 1024 + 1) }))).code).toBe('PAYLOAD_TOO_LARGE');

    const photo = await h.useCases.uploadDocument(owner, { kind: 'PHOTO', content: FILES.png });
    expect((await failure(h.useCases.getPhoto(profile.id))).code).toBe('PHOTO_NOT_FOUND');
    await h.useCases.approveProfile(profile.id);
    const served = await h.useCases.getPhoto(profile.id);
    expect([served.version, served.file.contentType, served.file.body.equals(FILES.png)]).toEqual([photo.id, 'image/png', true]);
    const newer = await h.useCases.uploadDocument(owner, { kind: 'PHOTO', content: FILES.webp });
    expect((await h.useCases.getPhoto(profile.id)).version).toBe(newer.id);
    expect(await h.useCases.getProfile(undefined, profile.id)).toMatchObject({ photoUrl: `/api/v1/caregivers/${profile.id}/photo` });

    for (let i = 3; i < 20; i++) await h.useCases.uploadDocument(owner, { kind: 'OTHER', content: FILES.jpeg });
    const full = await failure(h.useCases.uploadDocument(owner, { kind: 'OTHER', content: FILES.jpeg }));
    expect([full.kind, full.code]).toEqual(['conflict', 'DOCUMENT_LIMIT_REACHED']);
    expect((await h.useCases.getMyProfile(owner)).documents).toHaveLength(20);
  });

  it('audits every admin document download in the lookup transaction', async () => {
    const owner = newId();
    const profile = await h.useCases.createProfile(owner, profileInput());
    const document = await h.useCases.uploadDocument(owner, { kind: 'ID_CARD', content: FILES.jpeg });
    const admin = adminActor();
    const { file } = await h.useCases.downloadDocument({ actor: admin, caregiverId: profile.id, documentId: document.id, requestId: 'r-9' });
    expect(file.body.equals(FILES.jpeg)).toBe(true);
    expect(await h.audit()).toEqual([
      { action: 'caregiver.document.read', resource_id: document.id, actor_id: admin.userId, details: { caregiverId: profile.id, kind: 'ID_CARD' } },
    ]);
    const other = await h.useCases.createProfile(newId(), profileInput());
    const error = await failure(h.useCases.downloadDocument({ actor: admin, caregiverId: other.id, documentId: document.id }));
    expect(error.code).toBe('DOCUMENT_NOT_FOUND');
    expect(await h.audit()).toHaveLength(1);
  });

  it('lists profiles for review oldest first, by status, page by page', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await h.useCases.createProfile(newId(), profileInput())).id);
      h.clock.advance(1_000);
    }
    await h.useCases.approveProfile(ids[1]!);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.useCases.listProfilesForReview({ status: 'PENDING', limit: 2, cursor });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([ids[0], ids[2], ids[3], ids[4]]);
    expect((await h.useCases.listProfilesForReview({ status: 'APPROVED' })).items.map((p) => p.id)).toEqual([ids[1]]);
    expect((await h.useCases.listProfilesForReview({})).items).toHaveLength(5);
    expect((await failure(h.useCases.listProfilesForReview({ cursor: 'garbage' }))).errors).toEqual([
      { field: 'cursor', message: 'is not a cursor from this list' },
    ]);
  });

  it('offers other modules a contract view', async () => {
    const owner = newId();
    const pending = await h.useCases.createProfile(owner, profileInput());
    const approved = await h.useCases.createProfile(newId(), profileInput());
    await h.useCases.approveProfile(approved.id);
    const { api } = h.module;
    expect(await api.getProfile(pending.id)).toMatchObject({ id: pending.id, status: 'PENDING', certificates: [{ number: '2019-123456' }] });
    expect(await api.getProfile('nope')).toBeUndefined();
    expect((await api.findProfileByUserId(owner))?.id).toBe(pending.id);
    expect((await api.findApprovedProfiles([pending.id, approved.id, 'nope', approved.id])).map((p) => p.id)).toEqual([approved.id]);
    expect(await api.findApprovedProfiles([])).toEqual([]);
  });
});
