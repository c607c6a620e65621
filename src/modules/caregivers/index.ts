import type { Module, Platform } from '../../platform/module.ts';
import type { CaregiversApi } from './contract.ts';
import { makeApproveProfile } from './app/approve-profile.ts';
import { makeCreateProfile } from './app/create-profile.ts';
import type { CaregiversDeps } from './app/deps.ts';
import { makeDownloadDocument } from './app/download-document.ts';
import { makeGetMyProfile } from './app/get-my-profile.ts';
import { makeGetPhoto } from './app/get-photo.ts';
import { makeGetProfile } from './app/get-profile.ts';
import { makeListProfilesForReview } from './app/list-profiles-for-review.ts';
import { makeListRegions } from './app/list-regions.ts';
import { toContractProfile } from './app/profile-view.ts';
import { makeRejectProfile } from './app/reject-profile.ts';
import { makeSearchProfiles } from './app/search-profiles.ts';
import { makeUpdateMyProfile } from './app/update-my-profile.ts';
import { makeUploadDocument } from './app/upload-document.ts';
import { makeUserWithdrawnConsumer } from './app/user-withdrawn.ts';
import { findProfileById, findProfileByUserId, findProfilesByIds } from './db/caregivers.repo.ts';
import { caregiverRoutes } from './http/routes.ts';

export type CaregiversUseCases = ReturnType<typeof makeUseCases>;

function makeUseCases(deps: CaregiversDeps) {
  return {
    createProfile: makeCreateProfile(deps),
    getMyProfile: makeGetMyProfile(deps),
    updateMyProfile: makeUpdateMyProfile(deps),
    uploadDocument: makeUploadDocument(deps),
    listProfilesForReview: makeListProfilesForReview(deps),
    approveProfile: makeApproveProfile(deps),
    rejectProfile: makeRejectProfile(deps),
    downloadDocument: makeDownloadDocument(deps),
    getProfile: makeGetProfile(deps),
    getPhoto: makeGetPhoto(deps),
    searchProfiles: makeSearchProfiles(deps),
    listRegions: makeListRegions(),
  };
}

export function createCaregiversModule(
  platform: Platform,
): Module & { api: CaregiversApi; useCases: CaregiversUseCases } {
  const deps: CaregiversDeps = { platform };
  const useCases = makeUseCases(deps);
  const { db } = platform.database;
  const api: CaregiversApi = {
    async getProfile(id) {
      const row = await findProfileById(db, id);
      return row && toContractProfile(row);
    },
    async findProfileByUserId(userId) {
      const row = await findProfileByUserId(db, userId);
      return row && toContractProfile(row);
    },
    async findApprovedProfiles(ids) {
      return (await findProfilesByIds(db, ids, { approvedOnly: true })).map(toContractProfile);
    },
  };
  return {
    name: 'caregivers',
    routes: (app) => caregiverRoutes(app, useCases),
    consumers: [makeUserWithdrawnConsumer(deps)],
    api,
    useCases,
  };
}
